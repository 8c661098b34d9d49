namespace CodeArtifact.Core.Model;

/// <summary>One page of <c>ShowProjectReleaseFiles</c>.</summary>
public sealed class ReleaseFilePage
{
    public IReadOnlyList<ReleaseFile> Data { get; init; } = Array.Empty<ReleaseFile>();

    /// <summary>All matching records, over every page.</summary>
    public int TotalRecords { get; init; }

    public int TotalPages { get; init; }
}

/// <summary>A file version in a release repository.</summary>
public sealed record ReleaseFile(string Version, string Path, string DownloadUrl);
