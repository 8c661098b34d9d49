using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Build.Framework;
using Microsoft.Build.Locator;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>
/// The SDK's own MSBuild, loaded in this process through Microsoft.Build.Locator, for the
/// GetFileHash baseline: the task runs in-process, on the same warm runtime as our hasher, and
/// only its <c>Execute()</c> is timed (no MSBuild start-up, evaluation or logging).
/// </summary>
internal static class MSBuildSdk
{
    private static string? _failure;

    /// <summary>"MSBuild 18.0.… from /usr/share/dotnet/sdk/…", once registered.</summary>
    public static string? Description { get; private set; }

    /// <summary>
    /// Registers the SDK's MSBuild. Must run before any Microsoft.Build type is loaded, so Main
    /// calls it first; a machine without an SDK gets the reason instead.
    /// </summary>
    public static void Register()
    {
        try
        {
            if (!MSBuildLocator.IsRegistered)
            {
                var instance = MSBuildLocator.RegisterDefaults();
                Description = $"the MSBuild of .NET SDK {instance.Version} ({instance.MSBuildPath})";
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or BadImageFormatException)
        {
            _failure = ex.Message;
        }
    }

    /// <summary>Throws <see cref="BenchSkipException"/> when MSBuild could not be found.</summary>
    public static void Require()
    {
        if (Description is null)
        {
            throw new BenchSkipException($"MSBuild could not be loaded through Microsoft.Build.Locator: {_failure ?? "no .NET SDK found"}");
        }
    }
}

/// <summary>MSBuild's <c>GetFileHash</c> task (Microsoft.Build.Tasks.Core of the SDK), called as a build would call it.</summary>
internal static class GetFileHashTask
{
    /// <summary>Runs the task once over <paramref name="files"/>: seconds in <c>Execute()</c>, and the hashes it gave.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (double Seconds, IReadOnlyDictionary<string, string> Hashes) Run(IReadOnlyList<string> files)
    {
        MSBuildSdk.Require();
        var type = Assembly.Load(new AssemblyName("Microsoft.Build.Tasks.Core")).GetType("Microsoft.Build.Tasks.GetFileHash", throwOnError: true)!;
        var task = (ITask)Activator.CreateInstance(type)!;
        var engine = new SilentBuildEngine();
        task.BuildEngine = engine;
        type.GetProperty("Files")!.SetValue(task, files.Select(f => (ITaskItem)new TaskItem(f)).ToArray());
        type.GetProperty("Algorithm")!.SetValue(task, "SHA256");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var succeeded = task.Execute();
        var seconds = clock.Elapsed.TotalSeconds;
        if (!succeeded)
        {
            throw new InvalidOperationException("GetFileHash failed: " + string.Join(" | ", engine.Errors));
        }

        var items = (ITaskItem[])type.GetProperty("Items")!.GetValue(task)!;
        return (seconds, items.ToDictionary(i => i.ItemSpec, i => i.GetMetadata("FileHash").ToLowerInvariant(), StringComparer.Ordinal));
    }

    /// <summary>A build engine that keeps errors and drops everything else.</summary>
    private sealed class SilentBuildEngine : IBuildEngine
    {
        public List<string> Errors { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "bench.proj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? string.Empty);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}
