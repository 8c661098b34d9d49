namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="ReleaseVersionsJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record ReleaseVersionsOptions
{
    /// <summary>The project (default: the client's).</summary>
    public string? ProjectId { get; init; }

    /// <summary>
    /// The file to look for: 1–200 letters, digits, <c>_</c>, <c>-</c>, <c>.</c>. The service matches
    /// it fuzzily; the job keeps only the file named so (<c>app</c> is <c>app.zip</c> or
    /// <c>app-{version}.zip</c>, not <c>app-tools.zip</c> or <c>my-app.zip</c>).
    /// </summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>
    /// A glob matched against each record's path (<c>/release/app/*/app-*.zip</c>, <c>**/*.tar.gz</c>;
    /// Microsoft.Extensions.FileSystemGlobbing, case-sensitive): only matching records count.
    /// Chooses among the files a fuzzy search returns. Null: every path.
    /// </summary>
    public string? PathFilter { get; init; }

    /// <summary>Keep only the highest this many versions (null: all).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Let a pre-release be the latest version.</summary>
    public bool IncludePrerelease { get; init; }
}
