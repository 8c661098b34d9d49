namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="ReleaseVersionsJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record ReleaseVersionsOptions
{
    /// <summary>The project (default: the client's).</summary>
    public string? ProjectId { get; init; }

    /// <summary>The file name to look for (the service matches it fuzzily): 1–200 letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>Keep only the highest this many versions (null: all).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Let a pre-release be the latest version.</summary>
    public bool IncludePrerelease { get; init; }
}
