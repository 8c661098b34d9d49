using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Resolves the Maven repositories of a project with the account to use them, and writes their
/// credentials to a Maven <c>settings.xml</c> (mode 0600 on Unix), on its own or merged into a
/// base settings file. The passwords go only into that file: never into an output, item metadata
/// or a log. <see cref="DeleteCodeArtifactMavenSettings"/> removes the file after use.
/// </summary>
public sealed class ResolveCodeArtifactMavenCredentials : CodeArtifactTask
{
    /// <summary><c>release</c> or <c>snapshot</c>; empty for both.</summary>
    public string? Policy { get; set; }

    /// <summary><c>r</c> (read, the default) or <c>rw</c> (read and write, for deploying).</summary>
    public string? Access { get; set; }

    /// <summary>Only the project's default repositories.</summary>
    public bool DefaultOnly { get; set; }

    /// <summary>Only these repository ids.</summary>
    public string[]? RepositoryIds { get; set; }

    /// <summary>
    /// The settings.xml to write (empty: none). A file not written by CodeArtifact.Build is left
    /// alone unless <see cref="Overwrite"/> is true. On output: its full path.
    /// </summary>
    [Output]
    public string? SettingsFile { get; set; }

    /// <summary>
    /// A Maven settings file to start from, such as the user's <c>~/.m2/settings.xml</c>: the
    /// written <see cref="SettingsFile"/> keeps everything in it (local repository, mirrors,
    /// proxies, servers, profiles) and adds or replaces only the servers and the profile that
    /// CodeArtifact.Build owns. It is read before any request and never modified. Needs <see cref="SettingsFile"/>.
    /// </summary>
    public string? BaseSettingsFile { get; set; }

    /// <summary>
    /// Replace what the user wrote: a <see cref="SettingsFile"/> that CodeArtifact.Build did not
    /// write (else <c>CART0201</c>), and a server of <see cref="BaseSettingsFile"/> with one of our
    /// repository ids and other credentials, or a profile named <c>codeartifact</c> (else <c>CART0205</c>).
    /// </summary>
    public bool Overwrite { get; set; }

    /// <summary>The repositories: ItemSpec = repository id; metadata <c>Url</c>, <c>RepositoryName</c>, <c>Policy</c>, <c>UserName</c> (never the password).</summary>
    [Output]
    public ITaskItem[] Repositories { get; private set; } = [];

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.MavenCredentials, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            Repositories = result.Repositories
                .Select(r => (ITaskItem)TaskItems.Create(r.Id, ("Url", r.Url), ("RepositoryName", r.Name), ("Policy", r.Policy), ("UserName", r.UserName)))
                .ToArray();
            SettingsFile = result.Settings?.Path ?? SettingsFile;
        }

        return run;
    }

    private MavenCredentialsOptions Options() => new()
    {
        ProjectId = NullIfBlank(ProjectId),
        Policy = NullIfBlank(Policy),
        Access = NullIfBlank(Access) ?? "r",
        DefaultOnly = DefaultOnly,
        RepositoryIds = List(RepositoryIds),
        SettingsFile = NullIfBlank(SettingsFile),
        BaseSettingsFile = NullIfBlank(BaseSettingsFile),
        Overwrite = Overwrite,
    };

    private protected override IEnumerable<(string Output, ITaskItem Item)> Results() =>
        Repositories.Select(i => (nameof(Repositories), i));
}
