namespace CodeArtifact.Core.Jobs;

/// <summary>The outcome for one file of a <see cref="PublishJob"/> run.</summary>
public sealed class PublishedFile
{
    /// <summary>The local file, as given.</summary>
    public required string LocalPath { get; init; }

    /// <summary>Its path in the repository, with a leading <c>/</c>.</summary>
    public required string RemotePath { get; init; }

    /// <summary>The repository id.</summary>
    public required string Repository { get; init; }

    public required PublishFileStatus Status { get; init; }

    /// <summary>The local file's size in bytes, once it was read.</summary>
    public long? Size { get; init; }

    /// <summary>The local file's SHA-256, lower-case hex, once it was read.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The SHA-256 the repository reported at the path before this run; null when nothing was there (or no SHA-256 was reported).</summary>
    public string? RemoteSha256 { get; init; }

    /// <summary>True when a different file was at the path: replaced with Overwrite (or, in a dry run, would be).</summary>
    public bool Replaced { get; init; }

    /// <summary>True when the repository accepted this run's upload (also when its verification then failed).</summary>
    public bool Stored { get; init; }

    /// <summary>True when the repository's SHA-256 after the upload equals the local one; false when it did not; null when not verified.</summary>
    public bool? Verified { get; init; }

    /// <summary>Where the repository serves the file (from file detail when known, else the address it was uploaded to).</summary>
    public string? DownloadUri { get; init; }

    /// <summary>For a failed file, its <c>CART####</c> code.</summary>
    public string? Code { get; init; }

    /// <summary>For a failed file, why (never a secret).</summary>
    public string? Error { get; init; }
}
