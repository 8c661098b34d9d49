namespace CodeArtifact.Core.Jobs;

/// <summary>The policy a <see cref="CleanupPlan"/> was made with: the options of the dry run, and its "now".</summary>
public sealed record CleanupPlanPolicy
{
    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<string> Protect { get; init; } = [];

    public int KeepLatest { get; init; }

    public int KeepLatestVersions { get; init; }

    public double? OlderThanDays { get; init; }

    public double? NotDownloadedForDays { get; init; }

    /// <summary>The time the ages and download ages were measured from.</summary>
    public DateTimeOffset EvaluatedAt { get; init; }
}
