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

    /// <summary>Only files modified more than this many days ago (null: any age).</summary>
    public double? OlderThanDays { get; init; }

    /// <summary>Refuse to delete more files than this (default 100).</summary>
    public int MaxDeletions { get; init; } = 100;

    /// <summary>Only list what would be deleted.</summary>
    public bool DryRun { get; init; }

    /// <summary>Requests at once for the walk, sizes and deletes (default: the client's MaxConcurrency).</summary>
    public int? MaxConcurrency { get; init; }
}
