using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>A repository files are published to: its upload URL and the format its file detail takes.</summary>
internal sealed record PublishRepository(string Id, Uri Url, string Format);

/// <summary>
/// Resolves, once per run, what the uploads need: each repository's URL and format
/// (<c>ShowRepositoryInfo</c>; a Maven repository is refused, CART0601) and the repository account
/// (the client's <see cref="CodeArtifactClientOptions.RepositoryAccount"/>, else the one
/// <c>ShowMavenInfo</c> returns: account-specific, so the same for every repository).
/// </summary>
internal sealed class PublishTargets(CodeArtifactClient client)
{
    public async Task<IReadOnlyDictionary<string, PublishRepository>> RepositoriesAsync(IEnumerable<string> ids, string? format, CancellationToken cancellationToken)
    {
        var resolved = await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Select(id => RepositoryAsync(id, format, cancellationToken))).ConfigureAwait(false);
        return resolved.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public async Task<(RepositoryAccount Account, string Source)> AccountAsync(CancellationToken cancellationToken)
    {
        if (client.Options.RepositoryAccount is { } configured)
        {
            return (configured, $"{CodeArtifactEnvironment.RepositoryUser}/{CodeArtifactEnvironment.RepositoryPassword}");
        }

        var repositories = await client.GetMavenInfoAsync(new MavenInfoQuery { Access = "rw" }, cancellationToken).ConfigureAwait(false);
        var withAccount = repositories.FirstOrDefault(r => !string.IsNullOrEmpty(r.UserName) && r.Password is { IsEmpty: false });
        if (withAccount is null)
        {
            throw new CodeArtifactException(
                ErrorCodes.NoRepositoryAccount,
                $"No repository user to upload with: Maven info (ShowMavenInfo) of project {client.Options.ProjectId ?? "(the client's)"} lists {(repositories.Count == 0 ? "no Maven repository" : "no repository with a user and password")}, and {CodeArtifactEnvironment.RepositoryUser} is not set. Set {CodeArtifactEnvironment.RepositoryUser} and {CodeArtifactEnvironment.RepositoryPassword} to the repository account (CodeArts Artifact: the repository's \"Set Password\" page), or associate a Maven repository with the project. Nothing was uploaded.")
            {
                ParameterName = CodeArtifactEnvironment.RepositoryUser,
            };
        }

        return (new RepositoryAccount(withAccount.UserName!, withAccount.Password!), $"Maven info (repository {withAccount.Id})");
    }

    private async Task<PublishRepository> RepositoryAsync(string id, string? format, CancellationToken cancellationToken)
    {
        var info = await client.GetRepositoryAsync(id, cancellationToken).ConfigureAwait(false);
        if (RepositoryPaths.IsMaven(id, info.Format))
        {
            throw PublishJob.MavenRefused(id);
        }

        if (string.IsNullOrWhiteSpace(info.Url) || !Uri.TryCreate(info.Url.Trim(), UriKind.Absolute, out var url))
        {
            throw new CodeArtifactException(
                ErrorCodes.NoRepositoryUrl,
                $"Repository \"{id}\" has no usable URL in its description (ShowRepositoryInfo gave {(string.IsNullOrWhiteSpace(info.Url) ? "none" : Argument.Quote(info.Url))}), so there is nowhere to upload to. Nothing was uploaded. Check that the repository is a hosted repository of a format that takes files (generic, for example).")
            {
                ParameterName = nameof(PublishOptions.Repository),
                Operation = "ShowRepositoryInfo",
            };
        }

        EndpointPolicy.Check(url, "repository URL", client.Options.AllowInsecureHttp);
        var effective = format
            ?? (info.Format is { } reported && KnownValues.FileFormats.Contains(reported, StringComparer.Ordinal) ? reported : RepositoryPaths.FormatFromRepositoryId(id));
        return new PublishRepository(id, url, effective);
    }
}
