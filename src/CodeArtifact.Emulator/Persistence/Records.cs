namespace CodeArtifact.Emulator.Persistence;

/// <summary>The four digests of a stored body, lower-case hex.</summary>
internal sealed record FileChecksums(string Md5, string Sha1, string Sha256, string Sha512);

/// <summary>A body written to the blob store.</summary>
internal sealed record StoredBlob(string Key, long Size, FileChecksums Checksums);

/// <summary>A repository, as the service keeps it (ids like <c>{region}_{domainId}_{format}_{sequence}</c>).</summary>
internal sealed record RepositoryRecord
{
    public required string Id { get; init; }

    public required string DomainId { get; init; }

    public string? ProjectId { get; init; }

    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>maven2, npm, go, pypi, rpm, composer, debian, conan, nuget, docker, docker2, cocoapods, ohpm, generic…</summary>
    public required string Format { get; init; }

    /// <summary>hosted, remote or virtual.</summary>
    public string Type { get; init; } = "hosted";

    /// <summary>release or snapshot (Maven only).</summary>
    public string? Policy { get; init; }

    public string? TabId { get; init; }

    public string Description { get; init; } = string.Empty;

    public string IncludesPattern { get; init; } = "**/*";

    public string? DeploymentPolicy { get; init; }

    public string ShareRight { get; init; } = "PROJECT";

    /// <summary>active, or trash once moved to the recycle bin.</summary>
    public string Status { get; init; } = "active";

    public bool IsDefault { get; init; }

    public bool AllowAnonymous { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    /// <summary>The user id of the creator.</summary>
    public required string CreatedBy { get; init; }

    public int Sequence { get; init; }

    public bool IsMaven => Format is "maven2" or "maven";
}

/// <summary>A file (active, or in the recycle bin when <see cref="TrashedAt"/> is set).</summary>
internal sealed record FileRecord
{
    public long Id { get; init; }

    public required string RepositoryId { get; init; }

    /// <summary>Repository-relative, no leading or trailing slash: <c>app/1.0/app.zip</c>.</summary>
    public required string Path { get; init; }

    public required long Size { get; init; }

    public required FileChecksums Checksums { get; init; }

    public required string BlobKey { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    /// <summary>The user name shown as creator.</summary>
    public required string CreatedBy { get; init; }

    public required string ModifiedBy { get; init; }

    public DateTimeOffset? TrashedAt { get; init; }

    public long DownloadCount { get; init; }

    public DateTimeOffset? LastDownloaded { get; init; }

    public string? LastDownloadedBy { get; init; }

    public string Name => RepoPath.NameOf(Path);
}

/// <summary>A folder of a repository (its path has no leading or trailing slash).</summary>
internal sealed record FolderRecord(
    string RepositoryId, string Path, DateTimeOffset Created, DateTimeOffset Modified, string ModifiedBy, bool HasChild)
{
    public string Name => RepoPath.NameOf(Path);
}

/// <summary>One child of a folder as the file tree lists it.</summary>
internal sealed record TreeEntry(string Path, bool IsFolder, DateTimeOffset Modified, string ModifiedBy, bool HasChild, long? Size)
{
    public string Name => RepoPath.NameOf(Path);
}

/// <summary>A version of a release file of a project, backed by a file of a repository.</summary>
internal sealed record ReleaseFileRecord(string ProjectId, string Name, string Version, string RepositoryId, string Path, DateTimeOffset Created);

/// <summary>An audit log line.</summary>
internal sealed record AuditRecord(
    long Id, string RepositoryId, string Module, string Operation, DateTimeOffset Time, string Data, string Operator, string UserAgent, string IpSource);

/// <summary>A followed artifact.</summary>
internal sealed record AttentionRecord(
    string Id, string DomainId, string UserId, string UserName, string RepositoryId, string ArtifactId, string Format, DateTimeOffset Modified);

/// <summary>What bulk seeding puts into a repository.</summary>
internal sealed record NewFile(string RepositoryId, string Path, StoredBlob Blob, DateTimeOffset Created, DateTimeOffset Modified, string By);
