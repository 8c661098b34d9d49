using System.Collections.Concurrent;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Lists every file below a folder of a repository: one file-tree call per folder (the API has no
/// paging), sub-folders walked in parallel with at most a given number of calls in flight.
/// </summary>
/// <remarks>
/// Every child must lie strictly inside the folder that listed it (else CART0503), which also
/// means each level is deeper than the last, so a listing that names a folder as its own child
/// cannot make the walk loop.
/// </remarks>
internal sealed class FileTreeWalker(CodeArtifactClient client, string repository, int maxConcurrency, Action<CodeArtifactLogEvent>? log)
{
    private const int ProgressEvery = 50;

    private int _foldersListed;

    public int FoldersListed => _foldersListed;

    public async Task<IReadOnlyList<RetentionFile>> ListFilesAsync(string root, CancellationToken cancellationToken)
    {
        var files = new ConcurrentDictionary<string, RetentionFile>(StringComparer.Ordinal);
        var visited = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        await WalkAsync(root, files, visited, slots, cancellationToken).ConfigureAwait(false);
        return files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
    }

    private async Task WalkAsync(
        string folder,
        ConcurrentDictionary<string, RetentionFile> files,
        ConcurrentDictionary<string, bool> visited,
        SemaphoreSlim slots,
        CancellationToken cancellationToken)
    {
        if (!visited.TryAdd(folder, true))
        {
            return;
        }

        FileTree tree;
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            tree = await client.GetFileTreeAsync(repository, folder, recycleBin: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }

        if (Interlocked.Increment(ref _foldersListed) % ProgressEvery == 0)
        {
            log?.Invoke(new CodeArtifactLogEvent(LogSeverity.Info, $"Listed {Quantity.Of(_foldersListed, "folder")}, {Quantity.Of(files.Count, "file")} so far…"));
        }

        var subfolders = new List<string>();
        foreach (var child in tree.Children)
        {
            if (child is null)
            {
                continue;
            }

            var path = RelativePathOf(child, folder);
            RepositoryPaths.EnsureUnderRoot(folder, path);
            if (child.IsFolder)
            {
                subfolders.Add(path);
            }
            else
            {
                files.TryAdd(path, new RetentionFile(path, child.Modified));
            }
        }

        log?.Invoke(new CodeArtifactLogEvent(LogSeverity.Detail, $"Listed {folder}: {tree.Children.Count} entries."));
        await JobTasks.RunAllAsync<string, bool>(
            subfolders,
            async (subfolder, _, token) =>
            {
                await WalkAsync(subfolder, files, visited, slots, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The model gives "/<path>"; older shapes only "<repoId>/<path>" or a bare name.
    private string RelativePathOf(FileTreeEntry child, string folder)
    {
        if (!string.IsNullOrEmpty(child.RelativePath))
        {
            return child.RelativePath;
        }

        if (!string.IsNullOrEmpty(child.Path) && child.Path.StartsWith(repository + "/", StringComparison.Ordinal))
        {
            return child.Path[repository.Length..];
        }

        return (folder == "/" ? "/" : folder + "/") + child.Name;
    }
}
