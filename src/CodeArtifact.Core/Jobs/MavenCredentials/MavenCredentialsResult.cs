using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Jobs;

/// <summary>One Maven repository and the account to use it.</summary>
/// <param name="Id">The repository id (the <c>&lt;server&gt;</c> and <c>&lt;repository&gt;</c> id in settings.xml).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Url">Its URL.</param>
/// <param name="Policy"><c>release</c>, <c>snapshot</c>, or null when it serves both.</param>
/// <param name="UserName">The account.</param>
/// <param name="Password">The password; its <see cref="Secret.ToString"/> redacts.</param>
public sealed record MavenRepositoryCredential(string Id, string Name, string Url, string? Policy, string UserName, Secret Password);

/// <summary>The outcome of <see cref="MavenCredentialsJob"/>.</summary>
/// <remarks>
/// <see cref="Problems"/> holds only warnings: a refusal (a base server with other credentials,
/// no repository with a password) is thrown as a <see cref="CodeArtifactException"/> before
/// anything is written.
/// </remarks>
public sealed class MavenCredentialsResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "maven-credentials";

    /// <summary>The inputs (they hold no secret).</summary>
    public required MavenCredentialsOptions Options { get; init; }

    /// <summary>The usable repositories, each with its password.</summary>
    public required IReadOnlyList<MavenRepositoryCredential> Repositories { get; init; }

    /// <summary>Ids of repositories the service listed without a password: left out of <see cref="Repositories"/> and of the settings file (CART0207 each).</summary>
    public IReadOnlyList<string> RepositoriesWithoutPassword { get; init; } = [];

    /// <summary>Mirrors of the written settings file that catch some of <see cref="Repositories"/> (CART0206 each).</summary>
    public IReadOnlyList<MavenMirrorCatch> MirrorCatches { get; init; } = [];

    /// <summary>What happened to <see cref="MavenCredentialsOptions.SettingsFile"/>, when one was asked for.</summary>
    public MavenSettingsWriteResult? Settings { get; init; }

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            var resolved = Repositories.Count == 0
                ? "no Maven repository matched"
                : $"{Quantity.Of(Repositories.Count, "Maven repository", "Maven repositories")} ({string.Join(", ", Repositories.Select(r => r.Id))})";
            var skipped = RepositoriesWithoutPassword.Count == 0 ? string.Empty : $"; {Quantity.Of(RepositoriesWithoutPassword.Count, "repository", "repositories")} left out without a password";
            if (Settings is not { } settings)
            {
                return $"Maven credentials: {resolved}{skipped}.";
            }

            var file = (settings.Changed ? $"; wrote {settings.Path}" : $"; {settings.Path} is up to date")
                + (settings.BaseSettingsFile is { } basePath ? $" (merged from {basePath})" : string.Empty);
            var secret = settings.HoldsPasswords ? " It holds their passwords, readable only by you: delete it after use." : string.Empty;
            return $"Maven credentials: {resolved}{skipped}{file}.{secret}";
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<JobProblem> Problems
    {
        get
        {
            var problems = new List<JobProblem>();
            if (Repositories.Count == 0 && RepositoriesWithoutPassword.Count == 0)
            {
                problems.Add(new JobProblem(
                    ProblemSeverity.Warning,
                    ErrorCodes.NoMavenRepositories,
                    "No Maven repository matched (check ProjectId, Policy, Access, DefaultOnly and RepositoryIds, and that the account may list the project's repositories)."));
            }

            foreach (var id in RepositoriesWithoutPassword)
            {
                problems.Add(new JobProblem(
                    ProblemSeverity.Warning,
                    ErrorCodes.RepositoryWithoutPassword,
                    $"The service gave no password for Maven repository {id}, so it is left out{(Settings is null ? string.Empty : " of the settings file")}: Maven could not authenticate to it. Check that the account may use it with Access \"{Options.Access}\".",
                    id));
            }

            foreach (var mirror in MirrorCatches)
            {
                problems.Add(new JobProblem(ProblemSeverity.Warning, ErrorCodes.MirrorCatchesRepositories, MirrorMessage(mirror), mirror.MirrorId));
            }

            return problems;
        }
    }

    private string MirrorMessage(MavenMirrorCatch mirror)
    {
        var where = Settings?.BaseSettingsFile is { } basePath ? $" of {basePath}" : string.Empty;
        var url = mirror.MirrorUrl is { Length: > 0 } u ? $", {u}" : string.Empty;
        var ids = string.Join(", ", mirror.RepositoryIds);
        var effect = mirror.Blocked
            ? "it is blocked, so Maven refuses every request to them"
            : "Maven sends their requests to the mirror instead, with the mirror's own credentials, and never reaches them";
        var fix = mirror.SuggestedMirrorOf.Length == 0
            ? "remove that mirror from the base settings"
            : $"exclude them in the base settings: <mirrorOf>{mirror.SuggestedMirrorOf}</mirrorOf>";
        return $"The mirror \"{mirror.MirrorId}\" (mirrorOf \"{mirror.MirrorOf}\"{url}){where} catches {ids}: {effect}. To reach them directly, {fix}.";
    }
}
