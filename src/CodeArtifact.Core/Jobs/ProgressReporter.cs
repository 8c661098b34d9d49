using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Info lines at each tenth of a long piece of work ("Deleted 40/400 files…"); work of fewer
/// than <see cref="MinimumItems"/> items only gets the job's summary line. Thread-safe.
/// </summary>
internal sealed class ProgressReporter(int total, string verb, string noun, Action<CodeArtifactLogEvent>? log)
{
    public const int MinimumItems = 20;

    private int _done;

    public void OneDone()
    {
        var done = Interlocked.Increment(ref _done);
        if (log is not null && total >= MinimumItems && done < total && done * 10 / total != (done - 1) * 10 / total)
        {
            log(new CodeArtifactLogEvent(
                LogSeverity.Info,
                $"{verb} {done.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} {noun}…"));
        }
    }
}
