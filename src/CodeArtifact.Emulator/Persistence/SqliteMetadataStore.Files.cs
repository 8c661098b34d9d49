using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CodeArtifact.Emulator.Persistence;

internal sealed partial class SqliteMetadataStore
{
    private const string FileColumns =
        "id, repo_id, path, size, md5, sha1, sha256, sha512, blob_key, created, modified, created_by, modified_by, "
        + "trashed_at, download_count, last_downloaded, last_downloaded_by";

    private const string BelowPath = "(path=$path OR $path='' OR path LIKE $prefix ESCAPE '\\')";

    public IReadOnlyList<string> PutFiles(IReadOnlyList<NewFile> files)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var replaced = new List<string>();

                // Each folder is written once per batch (with its newest change), not once per file in it.
                var folders = new Dictionary<(string Repo, string Path), (DateTimeOffset At, string By)>();
                foreach (var file in files)
                {
                    foreach (var folder in RepoPath.AncestorsOf(file.Path))
                    {
                        var key = (file.RepositoryId, folder);
                        if (!folders.TryGetValue(key, out var seen) || seen.At < file.Modified)
                        {
                            folders[key] = (file.Modified, file.By);
                        }
                    }

                    var parameters = new (string, object?)[]
                    {
                        ("$repo", file.RepositoryId), ("$path", file.Path), ("$parent", RepoPath.ParentOf(file.Path)),
                        ("$name", RepoPath.NameOf(file.Path)), ("$size", file.Blob.Size), ("$md5", file.Blob.Checksums.Md5),
                        ("$sha1", file.Blob.Checksums.Sha1), ("$sha256", file.Blob.Checksums.Sha256),
                        ("$sha512", file.Blob.Checksums.Sha512), ("$blob", file.Blob.Key), ("$created", Ms(file.Created)),
                        ("$modified", Ms(file.Modified)), ("$by", file.By),
                    };

                    // The partial unique index makes the insert a no-op when an active file is at the path.
                    var inserted = NonQuery(
                        "INSERT OR IGNORE INTO files(repo_id, path, parent, name, size, md5, sha1, sha256, sha512, blob_key, created, modified, created_by, modified_by) "
                        + "VALUES($repo,$path,$parent,$name,$size,$md5,$sha1,$sha256,$sha512,$blob,$created,$modified,$by,$by)",
                        parameters);
                    if (inserted == 0)
                    {
                        replaced.AddRange(Query(
                            "SELECT blob_key FROM files WHERE repo_id=$repo AND path=$path AND trashed_at IS NULL",
                            r => r.GetString(0), ("$repo", file.RepositoryId), ("$path", file.Path)));
                        NonQuery(
                            "UPDATE files SET size=$size, md5=$md5, sha1=$sha1, sha256=$sha256, sha512=$sha512, blob_key=$blob, "
                            + "created=$created, modified=$modified, created_by=$by, modified_by=$by, download_count=0, "
                            + "last_downloaded=NULL, last_downloaded_by=NULL "
                            + "WHERE repo_id=$repo AND path=$path AND trashed_at IS NULL",
                            parameters);
                    }
                }

                foreach (var ((repo, path), (at, by)) in folders)
                {
                    EnsureFolder(repo, path, at, by);
                }

                return (IReadOnlyList<string>)replaced;
            });
        }
    }

    public FileRecord? GetActiveFile(string repositoryId, string path)
    {
        lock (_gate)
        {
            return Query(
                $"SELECT {FileColumns} FROM files WHERE repo_id=$repo AND path=$path AND trashed_at IS NULL",
                ReadFile, ("$repo", repositoryId), ("$path", path)).FirstOrDefault();
        }
    }

    public FolderRecord? GetFolder(string repositoryId, string path)
    {
        lock (_gate)
        {
            return Query(
                "SELECT path, created, modified, modified_by, " + HasChildSql + " FROM folders f WHERE repo_id=$repo AND path=$path",
                r => new FolderRecord(repositoryId, r.GetString(0), Time(r, 1), Time(r, 2), r.GetString(3), r.GetInt64(4) != 0),
                ("$repo", repositoryId), ("$path", path)).FirstOrDefault();
        }
    }

    public IReadOnlyList<TreeEntry> ListChildren(string repositoryId, string folder)
    {
        lock (_gate)
        {
            var entries = Query(
                "SELECT path, modified, modified_by, " + HasChildSql + " FROM folders f WHERE repo_id=$repo AND parent=$parent ORDER BY path",
                r => new TreeEntry(r.GetString(0), true, Time(r, 1), r.GetString(2), r.GetInt64(3) != 0, null),
                ("$repo", repositoryId), ("$parent", folder));
            entries.AddRange(Query(
                "SELECT path, modified, modified_by, size FROM files WHERE repo_id=$repo AND parent=$parent AND trashed_at IS NULL ORDER BY path",
                r => new TreeEntry(r.GetString(0), false, Time(r, 1), r.GetString(2), false, r.GetInt64(3)),
                ("$repo", repositoryId), ("$parent", folder)));
            return entries;
        }
    }

    public IReadOnlyList<FileRecord> ListTrashed(string repositoryId, string path)
    {
        lock (_gate)
        {
            return Query(
                $"SELECT {FileColumns} FROM files WHERE repo_id=$repo AND trashed_at IS NOT NULL AND {BelowPath} ORDER BY path, trashed_at",
                ReadFile, ("$repo", repositoryId), ("$path", path), ("$prefix", LikeEscape(path) + "/%"));
        }
    }

    public int TrashPath(string repositoryId, string path, DateTimeOffset at)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var single = NonQuery(
                    "UPDATE files SET trashed_at=$at WHERE repo_id=$repo AND path=$path AND trashed_at IS NULL",
                    ("$at", Ms(at)), ("$repo", repositoryId), ("$path", path));
                if (single > 0)
                {
                    return single;
                }

                var isFolder = path.Length == 0 || Scalar("SELECT 1 FROM folders WHERE repo_id=$repo AND path=$path", ("$repo", repositoryId), ("$path", path)) is not null;
                if (!isFolder)
                {
                    return 0;
                }

                var prefix = LikeEscape(path) + "/%";
                var moved = NonQuery(
                    "UPDATE files SET trashed_at=$at WHERE repo_id=$repo AND trashed_at IS NULL AND ($path='' OR path LIKE $prefix ESCAPE '\\')",
                    ("$at", Ms(at)), ("$repo", repositoryId), ("$path", path), ("$prefix", prefix));
                NonQuery(
                    $"DELETE FROM folders WHERE repo_id=$repo AND {BelowPath}",
                    ("$repo", repositoryId), ("$path", path), ("$prefix", prefix));

                // A folder counts as deleted even when it held no file.
                return Math.Max(moved, 1);
            });
        }
    }

    public (int Restored, IReadOnlyList<string> ReplacedBlobs) RestoreTrashed(string repositoryId, string path, DateTimeOffset at, string by)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var trashed = Query(
                    $"SELECT id, path FROM files WHERE repo_id=$repo AND trashed_at IS NOT NULL AND {BelowPath} ORDER BY trashed_at, id",
                    r => (Id: r.GetInt64(0), Path: r.GetString(1)),
                    ("$repo", repositoryId), ("$path", path), ("$prefix", LikeEscape(path) + "/%"));
                var replaced = new List<string>();
                foreach (var item in trashed)
                {
                    // The later deletion wins when the same path was deleted more than once.
                    replaced.AddRange(Query(
                        "SELECT blob_key FROM files WHERE repo_id=$repo AND path=$path AND trashed_at IS NULL",
                        r => r.GetString(0), ("$repo", repositoryId), ("$path", item.Path)));
                    NonQuery("DELETE FROM files WHERE repo_id=$repo AND path=$path AND trashed_at IS NULL", ("$repo", repositoryId), ("$path", item.Path));
                    NonQuery("UPDATE files SET trashed_at=NULL WHERE id=$id", ("$id", item.Id));
                    EnsureFolders(repositoryId, item.Path, at, by);
                }

                return (trashed.Count, (IReadOnlyList<string>)replaced);
            });
        }
    }

    public IReadOnlyList<string> PurgeTrashed(string repositoryId, string path)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var parameters = new (string, object?)[] { ("$repo", repositoryId), ("$path", path), ("$prefix", LikeEscape(path) + "/%") };
                var blobs = Query($"SELECT blob_key FROM files WHERE repo_id=$repo AND trashed_at IS NOT NULL AND {BelowPath}", r => r.GetString(0), parameters);
                NonQuery($"DELETE FROM files WHERE repo_id=$repo AND trashed_at IS NOT NULL AND {BelowPath}", parameters);
                return (IReadOnlyList<string>)blobs;
            });
        }
    }

    public void RecordDownload(long fileId, DateTimeOffset at, string by)
    {
        lock (_gate)
        {
            NonQuery(
                "UPDATE files SET download_count=download_count+1, last_downloaded=$at, last_downloaded_by=$by WHERE id=$id",
                ("$at", Ms(at)), ("$by", by), ("$id", fileId));
        }
    }

    public IReadOnlyList<FileRecord> FindByChecksum(IReadOnlyCollection<string> repositoryIds, string checksum)
    {
        var column = checksum.Length switch
        {
            32 => "md5",
            40 => "sha1",
            64 => "sha256",
            128 => "sha512",
            _ => null,
        };
        if (column is null)
        {
            return [];
        }

        lock (_gate)
        {
            return Query(
                $"SELECT {FileColumns} FROM files WHERE {column}=$sum AND trashed_at IS NULL "
                + "AND repo_id IN (SELECT value FROM json_each($repos)) ORDER BY repo_id, path",
                ReadFile, ("$sum", checksum.ToLowerInvariant()), ("$repos", JsonSerializer.Serialize(repositoryIds)));
        }
    }

    public IReadOnlyList<FileRecord> FindByName(IReadOnlyCollection<string> repositoryIds, string namePart)
    {
        lock (_gate)
        {
            return Query(
                $"SELECT {FileColumns} FROM files WHERE name LIKE $name ESCAPE '\\' AND trashed_at IS NULL "
                + "AND repo_id IN (SELECT value FROM json_each($repos)) ORDER BY repo_id, path",
                ReadFile, ("$name", "%" + LikeEscape(namePart) + "%"), ("$repos", JsonSerializer.Serialize(repositoryIds)));
        }
    }

    public (long Count, long Bytes) Usage(IReadOnlyCollection<string> repositoryIds)
    {
        lock (_gate)
        {
            return Query(
                "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM files WHERE trashed_at IS NULL AND repo_id IN (SELECT value FROM json_each($repos))",
                r => (r.GetInt64(0), r.GetInt64(1)), ("$repos", JsonSerializer.Serialize(repositoryIds)))[0];
        }
    }

    public IReadOnlyList<(DateTimeOffset Created, long Size)> FileSizes(string repositoryId)
    {
        lock (_gate)
        {
            return Query(
                "SELECT created, size FROM files WHERE repo_id=$repo AND trashed_at IS NULL",
                r => (Time(r, 0), r.GetInt64(1)), ("$repo", repositoryId));
        }
    }

    private const string HasChildSql =
        "(EXISTS(SELECT 1 FROM folders c WHERE c.repo_id=f.repo_id AND c.parent=f.path) "
        + "OR EXISTS(SELECT 1 FROM files x WHERE x.repo_id=f.repo_id AND x.parent=f.path AND x.trashed_at IS NULL))";

    private void EnsureFolders(string repositoryId, string filePath, DateTimeOffset at, string by)
    {
        foreach (var folder in RepoPath.AncestorsOf(filePath))
        {
            EnsureFolder(repositoryId, folder, at, by);
        }
    }

    private void EnsureFolder(string repositoryId, string folder, DateTimeOffset at, string by) =>
        NonQuery(
            "INSERT INTO folders(repo_id, path, parent, created, modified, modified_by) VALUES($repo,$path,$parent,$at,$at,$by) "
            + "ON CONFLICT(repo_id, path) DO UPDATE SET modified=MAX(modified, excluded.modified)",
            ("$repo", repositoryId), ("$path", folder), ("$parent", RepoPath.ParentOf(folder)), ("$at", Ms(at)), ("$by", by));

    private static FileRecord ReadFile(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        RepositoryId = r.GetString(1),
        Path = r.GetString(2),
        Size = r.GetInt64(3),
        Checksums = new FileChecksums(r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)),
        BlobKey = r.GetString(8),
        Created = Time(r, 9),
        Modified = Time(r, 10),
        CreatedBy = r.GetString(11),
        ModifiedBy = r.GetString(12),
        TrashedAt = NullableTime(r, 13),
        DownloadCount = r.GetInt64(14),
        LastDownloaded = NullableTime(r, 15),
        LastDownloadedBy = NullableString(r, 16),
    };
}
