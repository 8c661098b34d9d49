namespace CodeArtifact.Core.Jobs;

/// <summary>The one verdict each file gets (report and item names in brackets).</summary>
public enum VerificationStatus
{
    /// <summary>The local digest equals the repository's (<c>verified</c>).</summary>
    Verified,

    /// <summary>The digests differ, or the sizes do, found without hashing (<c>mismatch</c>).</summary>
    Mismatch,

    /// <summary>The repository has no file at that path (<c>missing-remotely</c>).</summary>
    MissingRemotely,

    /// <summary>The local file does not exist or cannot be read (<c>unreadable-locally</c>).</summary>
    UnreadableLocally,

    /// <summary>The repository holds the file but no digest of the algorithm asked for (with Auto: none at all) (<c>no-remote-digest</c>).</summary>
    NoRemoteDigest,

    /// <summary>The file's look-up failed, after the client's retries (<c>remote-error</c>): the error's code and message are kept.</summary>
    RemoteError,
}
