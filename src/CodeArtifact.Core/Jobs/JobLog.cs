namespace CodeArtifact.Core.Jobs;

/// <summary>
/// The jobs' logging callback, called one event at a time: the jobs work on many threads at
/// once, and the front ends' loggers (MSBuild's TaskLoggingHelper, Cake's ICakeLog) are not
/// made for concurrent calls.
/// </summary>
internal static class JobLog
{
    public static Action<CodeArtifactLogEvent>? Serialized(Action<CodeArtifactLogEvent>? sink)
    {
        if (sink is null)
        {
            return null;
        }

        var gate = new object();
        return e =>
        {
            lock (gate)
            {
                sink(e);
            }
        };
    }
}
