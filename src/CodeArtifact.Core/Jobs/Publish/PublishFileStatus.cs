namespace CodeArtifact.Core.Jobs;

/// <summary>What became of one file of a <see cref="PublishJob"/> run.</summary>
public enum PublishFileStatus
{
    /// <summary>Uploaded (new, or replacing a different file with Overwrite), and verified unless Verify is off.</summary>
    Uploaded,

    /// <summary>The repository already held the same bytes (same SHA-256): skipped.</summary>
    Unchanged,

    /// <summary>Not published: refused, unreadable, upload failed, or verification failed (see its code and error).</summary>
    Failed,

    /// <summary>Dry run: a real run would upload it.</summary>
    WouldUpload,

    /// <summary>Cancellation cut its upload off while on its way: the repository may or may not hold it.</summary>
    Interrupted,

    /// <summary>Cancellation came before its upload began: the repository is as it was.</summary>
    NotStarted,
}
