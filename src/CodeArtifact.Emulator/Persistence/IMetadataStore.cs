namespace CodeArtifact.Emulator.Persistence;

/// <summary>
/// Every record the emulator keeps except file bodies (those are in <see cref="IBlobStore"/>).
/// Handlers see only this interface. Methods that change files return the blob keys that are
/// no longer referenced, so the caller deletes bodies only after the metadata change committed.
/// </summary>
internal interface IMetadataStore : IDisposable
{
    /// <summary>True when the store was created empty by this process (the seed file is applied then).</summary>
    bool IsNew { get; }

    // Repositories.
    void AddRepository(RepositoryRecord repository);

    void UpdateRepository(RepositoryRecord repository);

    RepositoryRecord? GetRepository(string id);

    IReadOnlyList<RepositoryRecord> ListRepositories(string domainId);

    /// <summary>The next free repository sequence number of a tenant.</summary>
    int NextRepositorySequence(string domainId);

    /// <summary>Deletes a repository and everything in it; returns the blob keys to delete.</summary>
    IReadOnlyList<string> DeleteRepository(string id);

    // Files.
    /// <summary>Adds or replaces the active file at each path in one transaction; returns replaced blob keys.</summary>
    IReadOnlyList<string> PutFiles(IReadOnlyList<NewFile> files);

    FileRecord? GetActiveFile(string repositoryId, string path);

    FolderRecord? GetFolder(string repositoryId, string path);

    /// <summary>The folders and active files directly in <paramref name="folder"/> ("" is the root).</summary>
    IReadOnlyList<TreeEntry> ListChildren(string repositoryId, string folder);

    /// <summary>Trashed files at or below <paramref name="path"/> ("" is the whole repository).</summary>
    IReadOnlyList<FileRecord> ListTrashed(string repositoryId, string path);

    /// <summary>Moves the active file at <paramref name="path"/>, or every file below the folder, to the recycle bin.</summary>
    int TrashPath(string repositoryId, string path, DateTimeOffset at);

    /// <summary>Restores trashed files at or below <paramref name="path"/>; returns how many and the blob keys replaced.</summary>
    (int Restored, IReadOnlyList<string> ReplacedBlobs) RestoreTrashed(string repositoryId, string path, DateTimeOffset at, string by);

    /// <summary>Deletes trashed files at or below <paramref name="path"/> for good; returns their blob keys.</summary>
    IReadOnlyList<string> PurgeTrashed(string repositoryId, string path);

    void RecordDownload(long fileId, DateTimeOffset at, string by);

    /// <summary>Active files of the given repositories whose digest (any algorithm) is <paramref name="checksum"/>.</summary>
    IReadOnlyList<FileRecord> FindByChecksum(IReadOnlyCollection<string> repositoryIds, string checksum);

    /// <summary>Active files of the given repositories whose name contains <paramref name="namePart"/> (case-insensitive).</summary>
    IReadOnlyList<FileRecord> FindByName(IReadOnlyCollection<string> repositoryIds, string namePart);

    /// <summary>Count and total size of the active files of the given repositories.</summary>
    (long Count, long Bytes) Usage(IReadOnlyCollection<string> repositoryIds);

    /// <summary>Active files with their creation time, for the storage trend.</summary>
    IReadOnlyList<(DateTimeOffset Created, long Size)> FileSizes(string repositoryId);

    // Release files.
    void AddReleaseFile(ReleaseFileRecord release);

    (IReadOnlyList<ReleaseFileRecord> Page, int Total) FindReleaseFiles(string projectId, string namePart, int offset, int limit);

    // Audit and following.
    void AddAudit(AuditRecord audit);

    (IReadOnlyList<AuditRecord> Page, int Total) ListAudit(string repositoryId, string module, int offset, int limit);

    void SetAttention(AttentionRecord attention, bool follow);

    bool IsFollowed(string userId, string artifactId);

    (IReadOnlyList<AttentionRecord> Page, int Total) ListAttention(string userId, IReadOnlyCollection<string>? repositoryIds, int offset, int limit);

    // Users' repository passwords (reset through the API, so they must survive restarts).
    string? GetRepositoryPassword(string userId);

    void SetRepositoryPassword(string userId, string password);

    /// <summary>Removes every record.</summary>
    void Clean();
}
