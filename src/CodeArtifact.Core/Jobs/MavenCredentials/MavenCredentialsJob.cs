using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Resolves Maven repositories and their accounts (<c>ShowMavenInfo</c>) and, when asked, writes
/// them to a <c>settings.xml</c> with <see cref="MavenSettingsWriter"/>.
/// </summary>
/// <remarks>
/// A repository the service lists without a URL cannot be used by Maven and is left out with a
/// Detail line; finding no repository at all is warning CART0202 (the front end decides whether
/// that fails the build). Passwords stay <see cref="Secret"/>s: they reach only the settings file.
/// </remarks>
public sealed class MavenCredentialsJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private static readonly IReadOnlyList<string> Policies = ["release", "snapshot", "releases"];
    private static readonly IReadOnlyList<string> Accesses = ["r", "rw"];

    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<MavenCredentialsResult> RunAsync(MavenCredentialsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new MavenInfoQuery
        {
            ProjectId = Argument.OptionalProjectId(options.ProjectId, nameof(MavenCredentialsOptions.ProjectId)),
            Policy = Argument.OptionalOneOf(string.IsNullOrEmpty(options.Policy) ? null : options.Policy, nameof(MavenCredentialsOptions.Policy), Policies) is { } policy
                ? (policy == "releases" ? "release" : policy)
                : null,
            Access = Argument.OneOf(string.IsNullOrEmpty(options.Access) ? "r" : options.Access, nameof(MavenCredentialsOptions.Access), Accesses),
            Default = options.DefaultOnly ? true : null,
            Ids = (options.RepositoryIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
        };
        Argument.JoinedRepositoryIds(query.Ids, nameof(MavenCredentialsOptions.RepositoryIds));
        if (options.SettingsFile is { Length: 0 })
        {
            throw Argument.Invalid(nameof(MavenCredentialsOptions.SettingsFile), options.SettingsFile, "give the path of the settings.xml to write, or leave it unset");
        }

        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        var infos = await _client.GetMavenInfoAsync(query, cancellationToken).ConfigureAwait(false);
        var repositories = new List<MavenRepositoryCredential>();
        foreach (var info in infos.DistinctBy(i => i.Id, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(info.Id) || string.IsNullOrEmpty(info.Url))
            {
                Log(LogSeverity.Detail, $"Skipping Maven repository \"{info.Id}\": the service gave no URL for it.");
                continue;
            }

            repositories.Add(new MavenRepositoryCredential(
                info.Id,
                FirstNonEmpty(info.RepositoryName, info.DisplayName, info.Id),
                info.Url,
                NormalizePolicy(info.Policy),
                info.UserName ?? string.Empty,
                info.Password ?? new Secret(string.Empty)));
            Log(LogSeverity.Detail, $"Maven repository {info.Id} ({NormalizePolicy(info.Policy) ?? "any policy"}): {info.Url}, user {info.UserName}.");
        }

        if (repositories.Count == 0)
        {
            Log(LogSeverity.Warning, "No Maven repository matched (check ProjectId, Policy, Access, DefaultOnly and RepositoryIds, and that the account may list the project's repositories).", ErrorCodes.NoMavenRepositories);
        }

        MavenSettingsWriteResult? settings = null;
        if (options.SettingsFile is not null)
        {
            settings = await MavenSettingsWriter.WriteAsync(options.SettingsFile, repositories, options.Overwrite, cancellationToken).ConfigureAwait(false);
        }

        return new MavenCredentialsResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            Repositories = repositories,
            Settings = settings,
        };
    }

    private static string? NormalizePolicy(string? policy) => policy?.Trim().ToLowerInvariant() switch
    {
        "release" or "releases" => "release",
        "snapshot" or "snapshots" => "snapshot",
        null or "" => null,
        var other => other,
    };

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrEmpty(v))!;

    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));
}
