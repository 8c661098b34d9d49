namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Info lines while uploading, each time the files done or the bytes sent pass another tenth of
/// the whole ("Uploaded 12/150 files, 960 MiB of 1.2 GiB…"), so that a few large files show
/// progress as well as many small ones. Work under <see cref="ProgressReporter.MinimumItems"/>
/// files and <see cref="MinimumBytes"/> only gets the summary line. Thread-safe.
/// </summary>
internal sealed class UploadProgress(int totalFiles, long totalBytes, Action<CodeArtifactLogEvent>? log)
{
    public const long MinimumBytes = 64L << 20;

    private readonly bool _enabled = log is not null && (totalFiles >= ProgressReporter.MinimumItems || totalBytes >= MinimumBytes);
    private int _files;
    private long _bytes;
    private int _tenthsShown;

    /// <summary>Counts bytes read for sending; a retry that sends them again does not call this again.</summary>
    public void BytesSent(long count)
    {
        Interlocked.Add(ref _bytes, count);
        Report();
    }

    public void FileDone()
    {
        Interlocked.Increment(ref _files);
        Report();
    }

    private void Report()
    {
        if (!_enabled)
        {
            return;
        }

        var files = Volatile.Read(ref _files);
        var bytes = Interlocked.Read(ref _bytes);
        var tenths = Math.Max(
            totalFiles == 0 ? 0 : files * 10 / totalFiles,
            totalBytes == 0 ? 0 : (int)(bytes * 10 / totalBytes));

        // The last tenth is the job's own summary line.
        int shown;
        while (tenths < 10 && tenths > (shown = Volatile.Read(ref _tenthsShown)))
        {
            if (Interlocked.CompareExchange(ref _tenthsShown, tenths, shown) == shown)
            {
                log!(new CodeArtifactLogEvent(
                    LogSeverity.Info,
                    $"Uploaded {Quantity.Number(files)}/{Quantity.Number(totalFiles)} files, {ByteSize.Format(bytes)} of {ByteSize.Format(totalBytes)}…"));
                return;
            }
        }
    }
}
