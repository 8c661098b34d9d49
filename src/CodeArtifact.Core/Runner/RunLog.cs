namespace CodeArtifact.Core.Runner;

/// <summary>
/// The events of one run on their way to the front end: one at a time (jobs log from many threads,
/// and neither MSBuild's nor Cake's logger is made for that), warnings that the result restates
/// per file left out, and parameter names in warnings renamed to the user's.
/// </summary>
internal sealed class RunLog(Action<CodeArtifactLogEvent>? sink, IReadOnlyCollection<string> restatedCodes, ParameterRenamer names)
{
    private readonly object _gate = new();

    public void Write(CodeArtifactLogEvent logEvent)
    {
        if (sink is null || (logEvent.Code is { } code && restatedCodes.Contains(code)))
        {
            return;
        }

        var shown = logEvent.Severity == LogSeverity.Warning ? logEvent with { Message = names.Rename(logEvent.Message) } : logEvent;
        lock (_gate)
        {
            sink(shown);
        }
    }

    public void Detail(string message) => Write(new CodeArtifactLogEvent(LogSeverity.Detail, message));

    public void Summary(string message) => Write(new CodeArtifactLogEvent(LogSeverity.Summary, message));
}
