namespace CodeArtifact.Core.Model;

/// <summary>One file of a repository as <c>ListArtifactoryComponent</c> (file detail) describes it.</summary>
public sealed class FileDetail
{
    /// <summary>The repository id.</summary>
    public string Repository { get; init; } = string.Empty;

    /// <summary>The path relative to the repository, with a leading slash.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The file name.</summary>
    public string Name { get; init; } = string.Empty;

    public DateTimeOffset? Created { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public string? ModifiedBy { get; init; }

    /// <summary>The size in bytes (the service sends a string of digits).</summary>
    public long? Size { get; init; }

    /// <summary>The size as the service displays it, such as <c>1.03 KB</c>.</summary>
    public string? DisplaySize { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The storage API address of the file.</summary>
    public string? Uri { get; init; }

    /// <summary>Where the file is downloaded from.</summary>
    public string? DownloadUri { get; init; }

    /// <summary>The digests the repository holds.</summary>
    public FileChecksums Checksums { get; init; } = FileChecksums.None;

    /// <summary>How often the file was downloaded, when the service says.</summary>
    public long? DownloadCount { get; init; }

    /// <summary>The last download, or null when never.</summary>
    public DateTimeOffset? LastDownloaded { get; init; }

    /// <summary>Whether the caller follows this file (<c>attention</c> "1").</summary>
    public bool IsFollowed { get; init; }
}

/// <summary>File digests as lower-case hex; null when the repository has none of that kind.</summary>
public sealed class FileChecksums
{
    public static readonly FileChecksums None = new();

    public string? Md5 { get; init; }

    public string? Sha1 { get; init; }

    public string? Sha256 { get; init; }

    public string? Sha512 { get; init; }
}
