using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Domain;

/// <summary>Who did something, for the audit log.</summary>
internal sealed record Actor(string UserName, string UserAgent, string IpSource)
{
    public static Actor System { get; } = new("emulator", "codeartifact-emulator", "127.0.0.1");
}

/// <summary>
/// File operations that touch both stores: metadata first, then bodies, so a body is deleted
/// only once no record points to it. Every change is written to the audit log.
/// </summary>
internal sealed class FileService(EmulatorContext context)
{
    public async Task<FileRecord> UploadAsync(RepositoryRecord repository, string path, Stream body, Actor actor, CancellationToken cancellationToken)
    {
        var blob = await context.Blobs.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        var now = context.Now;
        Commit([new NewFile(repository.Id, path, blob, now, now, actor.UserName)]);
        Audit(repository.Id, "upload", path, actor);
        return context.Store.GetActiveFile(repository.Id, path)!;
    }

    /// <summary>Stores many files in one transaction (seeding).</summary>
    public void PutMany(IEnumerable<(string RepositoryId, string Path, byte[] Content, DateTimeOffset Modified)> files, string by)
    {
        var batch = files.Select(f => new NewFile(f.RepositoryId, f.Path, context.Blobs.Write(f.Content), f.Modified, f.Modified, by)).ToList();
        Commit(batch);
    }

    /// <summary>Moves a file, or every file of a folder, to the recycle bin; false when nothing is at the path.</summary>
    public bool Delete(RepositoryRecord repository, string path, Actor actor)
    {
        if (context.Store.TrashPath(repository.Id, path, context.Now) == 0)
        {
            return false;
        }

        Audit(repository.Id, "delete", path, actor);
        return true;
    }

    /// <summary>Restores what the recycle bin holds at or below the path; returns how many files came back.</summary>
    public int Restore(RepositoryRecord repository, string path, Actor actor)
    {
        var (restored, replaced) = context.Store.RestoreTrashed(repository.Id, path, context.Now, actor.UserName);
        DeleteBlobs(replaced);
        if (restored > 0)
        {
            Audit(repository.Id, "restore", path, actor);
        }

        return restored;
    }

    /// <summary>Deletes for good what the recycle bin holds at or below the path; returns how many files.</summary>
    public int Purge(RepositoryRecord repository, string path, Actor actor)
    {
        var blobs = context.Store.PurgeTrashed(repository.Id, path);
        DeleteBlobs(blobs);
        if (blobs.Count > 0)
        {
            Audit(repository.Id, "completelyDelete", path, actor);
        }

        return blobs.Count;
    }

    private void Commit(IReadOnlyList<NewFile> files)
    {
        try
        {
            DeleteBlobs(context.Store.PutFiles(files));
        }
        catch
        {
            DeleteBlobs(files.Select(f => f.Blob.Key));
            throw;
        }
    }

    private void DeleteBlobs(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            context.Blobs.Delete(key);
        }
    }

    private void Audit(string repositoryId, string operation, string path, Actor actor) =>
        context.Store.AddAudit(new AuditRecord(0, repositoryId, "file", operation, context.Now, path, actor.UserName, actor.UserAgent, actor.IpSource));
}
