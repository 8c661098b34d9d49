namespace CodeArtifact.Core.Jobs;

/// <summary>
/// A reviewed list of files to delete: written by a dry run with <see cref="CleanupOptions.PlanFile"/>,
/// applied by a real run with <see cref="CleanupOptions.FromPlan"/>, which deletes exactly these
/// files (each checked again first) and nothing else.
/// </summary>
/// <remarks>
/// The file is JSON, camelCase, every field written (null when unknown); its JSON Schema is
/// <c>cleanup-plan.schema.json</c> beside this type, and the Core README documents it.
/// <c>kind</c> and <c>version</c> identify the format; a reader refuses any other kind or version.
/// </remarks>
public sealed record CleanupPlan
{
    /// <summary>The value of <see cref="Kind"/>.</summary>
    public const string PlanKind = "codeartifact-cleanup-plan";

    /// <summary>The format version this build writes and reads; raised when a field is renamed or removed.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always <see cref="PlanKind"/>.</summary>
    public string Kind { get; init; } = PlanKind;

    /// <summary>The format version, <see cref="CurrentVersion"/>.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>When the dry run made the plan.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The tool and version that wrote it, such as <c>CodeArtifact.Build 1.0.0</c>.</summary>
    public string? Tool { get; init; }

    /// <summary>The repository id; a run applying the plan must name the same.</summary>
    public string Repository { get; init; } = string.Empty;

    /// <summary>The repository format used for file detail (<c>generic</c>, <c>npm</c> …).</summary>
    public string? Format { get; init; }

    /// <summary>The folder cleaned (normalized: <c>/builds</c>); a run applying the plan must name the same.</summary>
    public string RootPath { get; init; } = "/";

    /// <summary>The policy that chose the files (for the reviewer; a run applying the plan does not use it).</summary>
    public CleanupPlanPolicy Policy { get; init; } = new();

    /// <summary>The sum of the known sizes of <see cref="Files"/>.</summary>
    public long TotalBytes { get; init; }

    /// <summary>The files to delete, sorted by path.</summary>
    public IReadOnlyList<CleanupPlanEntry> Files { get; init; } = [];
}
