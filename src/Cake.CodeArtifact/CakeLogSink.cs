using Cake.Core.Diagnostics;
using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// Turns Core's log events into Cake log lines: the job's summary, progress and retry notices as
/// information (normal verbosity), per-file and per-request detail at verbose, coded warnings as
/// warnings. Core events never hold a secret, and neither does anything the addin writes itself.
/// The runner calls it one event at a time.
/// </summary>
internal sealed class CakeLogSink(ICakeLog log)
{
    public void Write(CodeArtifactLogEvent logEvent)
    {
        switch (logEvent.Severity)
        {
            case LogSeverity.Warning:
                Warning(logEvent.ToString());
                break;
            case LogSeverity.Summary or LogSeverity.Info:
                Information(logEvent.ToString());
                break;
            default:
                Verbose(logEvent.Message);
                break;
        }
    }

    // Messages go in as an argument, never as the format: a path or glob may hold braces.
    public void Information(string message) => log.Write(Verbosity.Normal, LogLevel.Information, "{0}", message);

    public void Warning(string message) => log.Write(Verbosity.Minimal, LogLevel.Warning, "{0}", message);

    public void Verbose(string message) => log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", message);
}
