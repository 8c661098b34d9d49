namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="CleanupJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record CleanupOptions
{
    /// <summary>The repository id (non-Maven repositories only).</summary>
    public string Repository { get; init; } = string.Empty;

    /// <summary>The repository format for file detail (default: read from the repository id, else <c>generic</c>).</summary>
    public string? Format { get; init; }

    /// <summary>The folder to clean, repository-relative (default <c>/</c>); nothing outside it is touched.</summary>
    public string RootPath { get; init; } = "/";

    /// <summary>Globs (relative to <see cref="RootPath"/>, <c>/</c>-separated, case-sensitive) of files to consider; default <c>**/*</c>.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files not to consider.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Globs of files never to delete, whatever else matches.</summary>
    public IReadOnlyList<string> Protect { get; init; } = [];

    /// <summary>Keep this many newest considered files in each folder (newest by modified time, then by name).</summary>
    public int KeepLatest { get; init; }

    /// <summary>
    /// Keep every file of this many highest versions of each package (0: the rule is off). A file's
    /// version is the first folder below <see cref="RootPath"/> whose name reads as a version
    /// (<c>app/1.2.0/app.zip</c>: package <c>app</c>, version <c>1.2.0</c>), in the release versions
    /// job's order; with 1 or more, the highest release of a package is kept too, and a file in no
    /// versioned folder is never a candidate.
    /// </summary>
    public int KeepLatestVersions { get; init; }

    /// <summary>Only files modified more than this many days ago (null: any age).</summary>
    public double? OlderThanDays { get; init; }

    /// <summary>
    /// Only files neither downloaded nor uploaded within this many days: a file never downloaded
    /// counts from its upload, so a fresh upload is never unused (null: downloads are not looked
    /// at). Needs each candidate's file detail.
    /// </summary>
    public double? NotDownloadedForDays { get; init; }

    /// <summary>Refuse to delete more files than this (default 100); a plan applied with <see cref="FromPlan"/> too.</summary>
    public int MaxDeletions { get; init; } = 100;

    /// <summary>Only list what would be deleted.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// With <see cref="DryRun"/>: write the candidates to this JSON plan file (repository, root,
    /// policy, and per file its path, size, lastModified and SHA-256), for review and a later
    /// <see cref="FromPlan"/> run. See <see cref="CleanupPlan"/>.
    /// </summary>
    public string? PlanFile { get; init; }

    /// <summary>
    /// Delete exactly the files of this plan file (written by a dry run with <see cref="PlanFile"/>)
    /// instead of walking the tree; each is checked again first, and a file changed since the plan
    /// is kept. The plan's repository and root must be <see cref="Repository"/> and <see cref="RootPath"/>;
    /// the policy options are not used (the plan holds the policy that chose its files).
    /// </summary>
    public string? FromPlan { get; init; }

    /// <summary>Requests at once for the walk, sizes and deletes (default: the client's MaxConcurrency).</summary>
    public int? MaxConcurrency { get; init; }
}
