namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>
/// The run's temp folder: every case prepares its data in its own subfolder and deletes it when
/// done, so that at most one case's data is on disk at a time; the whole folder goes at the end.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), $"codeartifact-bench-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Bytes free on the temp folder's file system.</summary>
    public long FreeBytes => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>A new, empty folder for one case.</summary>
    public string CreateFolder(string name)
    {
        var path = Path.Combine(Root, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Throws <see cref="BenchSkipException"/> when fewer than <paramref name="bytes"/> (plus 2 GiB of margin) are free.</summary>
    public void RequireFreeSpace(long bytes, string forWhat)
    {
        var margin = 2L << 30;
        if (FreeBytes < bytes + margin)
        {
            throw new BenchSkipException(
                $"{forWhat} needs {Units.Bytes(bytes)} in {Path.GetTempPath()} plus 2 GiB of margin; only {Units.Bytes(FreeBytes)} are free.");
        }
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open by a child that is being torn down; the run's end tries again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose() => DeleteFolder(Root);
}

/// <summary>A case (or its baseline) cannot run here, for a reason the table states.</summary>
internal sealed class BenchSkipException(string message) : Exception(message);
