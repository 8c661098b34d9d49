using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Looks up every release version of one file (all pages), in version order, and the latest one
/// with its download URL. The service matches <see cref="FileName"/> as part of a name: only the
/// file named so is listed (not <c>app-tools</c> for <c>app</c>), checksum and signature sidecars
/// (<c>.sha256</c>, <c>.asc</c> …) never; <see cref="PathFilter"/> chooses among several files.
/// </summary>
public sealed class GetCodeArtifactReleaseFileVersions : CodeArtifactTask
{
    /// <summary>The file name to look for (the service matches it as part of a name): 1–200 letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</summary>
    public string? FileName { get; set; }

    /// <summary>
    /// A glob matched against each record's repository path, such as <c>/release/app/*/app-*.zip</c>
    /// or <c>**/*.tar.gz</c> (case-sensitive): only matching records count. Use it when the name
    /// alone is ambiguous (<c>CART0403</c> lists the names found). Empty: every path.
    /// </summary>
    public string? PathFilter { get; set; }

    /// <summary>Keep only the highest this many versions (empty: all).</summary>
    public string? MaxResults { get; set; }

    /// <summary>Let a pre-release (<c>2.0.0-rc.1</c>) be the latest version.</summary>
    public bool IncludePrerelease { get; set; }

    /// <summary>The versions, lowest first: ItemSpec = version; metadata <c>Path</c>, <c>DownloadUrl</c>.</summary>
    [Output]
    public ITaskItem[] Versions { get; private set; } = [];

    /// <summary>The highest version without a pre-release part (with one when <see cref="IncludePrerelease"/>); empty when none.</summary>
    [Output]
    public string LatestVersion { get; private set; } = string.Empty;

    /// <summary>Where to download <see cref="LatestVersion"/>.</summary>
    [Output]
    public string LatestDownloadUrl { get; private set; } = string.Empty;

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.ReleaseVersions, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            Versions = result.Versions
                .Select(v => (ITaskItem)TaskItems.Create(v.Version, ("Path", v.Path), ("DownloadUrl", v.DownloadUrl)))
                .ToArray();
            LatestVersion = result.Latest?.Version ?? string.Empty;
            LatestDownloadUrl = result.Latest?.DownloadUrl ?? string.Empty;
        }

        return run;
    }

    private ReleaseVersionsOptions Options() => new()
    {
        ProjectId = NullIfBlank(ProjectId),
        FileName = FileName?.Trim() ?? string.Empty,
        PathFilter = NullIfBlank(PathFilter),
        MaxResults = ParseCount(MaxResults, nameof(MaxResults), minimum: 1),
        IncludePrerelease = IncludePrerelease,
    };

    private protected override IEnumerable<(string Output, ITaskItem Item)> Results()
    {
        var results = Versions.Select(i => (nameof(Versions), i));
        return LatestVersion.Length == 0
            ? results
            : results.Append((nameof(LatestVersion), TaskItems.Create(LatestVersion, ("DownloadUrl", LatestDownloadUrl))));
    }
}
