using Cake.Core.Diagnostics;
using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// Turns Core's log events into Cake log lines: progress and summaries at normal verbosity,
/// per-file and per-request detail at verbose, coded warnings as warnings. Core events never
/// hold a secret, and neither does anything the addin writes itself.
/// </summary>
internal sealed class CakeLogSink(ICakeLog log, IReadOnlyCollection<string>? reportedAsErrors = null)
{
    // Jobs report from several threads at once (parallel hashing, deletes); lines must not interleave.
    private readonly Lock _gate = new();

    public void Write(CodeArtifactLogEvent logEvent)
    {
        if (logEvent.Code is not null && reportedAsErrors?.Contains(logEvent.Code) == true)
        {
            // The alias fails with these, one line per file: the job's one-line warning would say it twice.
            return;
        }

        switch (logEvent.Severity)
        {
            case LogSeverity.Warning:
                Warning(logEvent.ToString());
                break;
            case LogSeverity.Info:
                Information(logEvent.Message);
                break;
            default:
                Verbose(logEvent.Message);
                break;
        }
    }

    // Messages go in as an argument, never as the format: a path or glob may hold braces.
    public void Information(string message) => Write(Verbosity.Normal, LogLevel.Information, message);

    public void Warning(string message) => Write(Verbosity.Minimal, LogLevel.Warning, message);

    public void Verbose(string message) => Write(Verbosity.Verbose, LogLevel.Verbose, message);

    private void Write(Verbosity verbosity, LogLevel level, string message)
    {
        lock (_gate)
        {
            log.Write(verbosity, level, "{0}", message);
        }
    }
}
