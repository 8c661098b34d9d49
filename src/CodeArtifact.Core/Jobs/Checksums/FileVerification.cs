namespace CodeArtifact.Core.Jobs;

/// <summary>The outcome for one file.</summary>
public sealed class FileVerification
{
    public required string LocalPath { get; init; }

    public required string RemotePath { get; init; }

    public required string Repository { get; init; }

    public required VerificationStatus Status { get; init; }

    /// <summary>The digest compared (<c>SHA256</c> …), or the one asked for when the repository has none; null when none was chosen.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The local digest, lower-case hex.</summary>
    public string? LocalHash { get; init; }

    /// <summary>The repository's digest, lower-case hex.</summary>
    public string? RemoteHash { get; init; }

    /// <summary>The local file's size in bytes, when it was read.</summary>
    public long? LocalSize { get; init; }

    /// <summary>The size the repository reports, when it did.</summary>
    public long? RemoteSize { get; init; }

    /// <summary>Where the repository serves the file.</summary>
    public string? DownloadUri { get; init; }

    /// <summary>Why the file could not be verified (every status but Verified has one); never holds a secret.</summary>
    public string? Error { get; init; }

    /// <summary>For a remote error: the failure's own code (<c>CART0101</c> …).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For a remote error: the service's error code (<c>CR.4102</c> …), when it gave one.</summary>
    public string? ServiceErrorCode { get; init; }

    /// <summary>For a remote error: the HTTP status of the last answer, or 0 when none came.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>True for the verdicts that say nothing about the file's content: a remote error or an unreadable local file.</summary>
    public bool IsFailure => Status is VerificationStatus.RemoteError or VerificationStatus.UnreadableLocally;
}
