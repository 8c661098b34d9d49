using Microsoft.Build.Framework;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>An MSBuild logger for in-process builds: errors, warnings, messages, and which targets and tasks ran.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly object _gate = new();

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<string> Messages { get; } = [];

    /// <summary>Targets whose body ran (not skipped by condition or as up to date).</summary>
    public List<string> TargetsRun { get; } = [];

    /// <summary>Targets skipped because their outputs were up to date.</summary>
    public List<string> TargetsUpToDate { get; } = [];

    public List<string> TasksStarted { get; } = [];

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

    public string? Parameters { get; set; }

    public void Initialize(IEventSource eventSource)
    {
        eventSource.ErrorRaised += (_, e) => Add(Errors, e);
        eventSource.WarningRaised += (_, e) => Add(Warnings, e);
        eventSource.MessageRaised += (_, e) => Add(Messages, e.Message ?? string.Empty);
        eventSource.TargetStarted += (_, e) => Add(TargetsRun, e.TargetName);
        eventSource.TaskStarted += (_, e) => Add(TasksStarted, e.TaskName);
        eventSource.AnyEventRaised += (_, e) =>
        {
            if (e is TargetSkippedEventArgs { SkipReason: TargetSkipReason.OutputsUpToDate } skipped)
            {
                Add(TargetsUpToDate, skipped.TargetName);
            }
        };
    }

    public void Shutdown()
    {
    }

    public string Describe() =>
        string.Join(Environment.NewLine, Errors.Select(e => $"error {e.Code}: {e.Message}").Concat(Warnings.Select(w => $"warning {w.Code}: {w.Message}")));

    private void Add<T>(List<T> list, T value)
    {
        lock (_gate)
        {
            list.Add(value);
        }
    }
}
