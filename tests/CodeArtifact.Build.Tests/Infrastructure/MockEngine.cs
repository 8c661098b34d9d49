using System.Collections;
using System.Text;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// A build engine that records what a task logs: one line per event, <c>ERROR CART0001: …</c>,
/// <c>WARNING CART0301: …</c> or <c>MESSAGE(Low): …</c>, in the order logged.
/// </summary>
internal sealed class MockEngine : IBuildEngine
{
    private readonly StringBuilder _log = new();
    private readonly object _gate = new();

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_gate)
        {
            Errors.Add(e);
            _log.Append("ERROR ").Append(e.Code).Append(": ").AppendLine(e.Message);
        }
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_gate)
        {
            Warnings.Add(e);
            _log.Append("WARNING ").Append(e.Code).Append(": ").AppendLine(e.Message);
        }
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (_gate)
        {
            Messages.Add(e);
            _log.Append("MESSAGE(").Append(e.Importance).Append("): ").AppendLine(e.Message);
        }
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
        lock (_gate)
        {
            _log.Append("CUSTOM: ").AppendLine(e.Message);
        }
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The CodeArtifact tasks never build other projects.");
}
