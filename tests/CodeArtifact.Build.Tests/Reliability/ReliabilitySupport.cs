using System.Collections;
using System.Text.RegularExpressions;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator.Faults;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build.Tests.Reliability;

/// <summary>Fault settings of the MSBuild front end's reliability tests (the fault mixes are in TestUtilities' FaultProfiles).</summary>
internal static class Faults
{
    /// <summary>
    /// The most retries a task accepts: at 30 % faults a request then fails only once in about half
    /// a million, so a test under faults cannot fail by bad luck.
    /// </summary>
    public const string MaxRetries = "10";
}

/// <summary>
/// A build engine that records like <see cref="MockEngine"/> and also lets a test act on a message
/// the moment the task logs it (to change the emulator's faults part way through a job).
/// </summary>
internal sealed class HookedEngine(Action<string> onMessage) : IBuildEngine
{
    public MockEngine Inner { get; } = new();

    public bool ContinueOnError => Inner.ContinueOnError;

    public int LineNumberOfTaskNode => Inner.LineNumberOfTaskNode;

    public int ColumnNumberOfTaskNode => Inner.ColumnNumberOfTaskNode;

    public string ProjectFileOfTaskNode => Inner.ProjectFileOfTaskNode;

    public void LogErrorEvent(BuildErrorEventArgs e) => Inner.LogErrorEvent(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Inner.LogWarningEvent(e);

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        Inner.LogMessageEvent(e);
        onMessage(e.Message ?? string.Empty);
    }

    public void LogCustomEvent(CustomBuildEventArgs e) => Inner.LogCustomEvent(e);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        Inner.BuildProjectFile(projectFileName, targetNames, globalProperties, targetOutputs);
}

/// <summary>What no expected failure may show, whatever the front end.</summary>
internal static partial class Expected
{
    /// <summary>No "task failed unexpectedly", no stack frame.</summary>
    public static void NoCrash(string output)
    {
        Assert.DoesNotContain("MSB4018", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4062", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(output), "A stack frame was printed:\n" + output);
    }

    [GeneratedRegex(@"^\s+at [\w.`<>]+\.[\w<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
