using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Demo;

/// <summary>
/// Once for the end-to-end tests of the newcomer's path: a copy of the repository as a fresh clone
/// has it (no bin/obj/artifacts), its tools restored, and README's first command, <c>dotnet cake</c>,
/// run in it. The demo test reads what the demo did; the README test then runs the quick starts in
/// the same copy, reusing what the demo built. The copy keeps the packages, builds and demo folders
/// away from the checkout and from the other test projects running at the same time.
/// </summary>
public sealed class DemoCloneFixture : IAsyncLifetime
{
    private static readonly TimeSpan DemoTimeLimit = TimeSpan.FromMinutes(10);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "cab-demo-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Cake's script cache on, for the demo and the README blocks that run after it in this copy:
    /// the README's <c>dotnet cake --target=Pack</c> then runs the build.cake the demo compiled
    /// (the same file, unchanged) instead of compiling it again.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ScriptCache { get; } = new Dictionary<string, string?> { ["CAKE_SETTINGS_ENABLESCRIPTCACHE"] = "true" };

    /// <summary>The copy of the repository.</summary>
    public string Clone => Path.Combine(_work, "repo");

    /// <summary><c>dotnet tool restore</c> in the copy.</summary>
    public ChildProcessResult ToolRestore { get; private set; } = null!;

    /// <summary><c>dotnet cake</c> (the Demo target) in the copy, after the tool restore; null when that failed.</summary>
    public ChildProcessResult? Demo { get; private set; }

    /// <summary>How long the demo took, start to exit.</summary>
    public TimeSpan DemoTime { get; private set; }

    public async Task InitializeAsync()
    {
        FreshClone.CopyRepository(FreshClone.FindRepositoryRoot(), Clone);
        ToolRestore = await ChildProcess.RunAsync("dotnet", ["tool", "restore"], Clone, null, TimeSpan.FromMinutes(3));
        if (ToolRestore.ExitCode == 0)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Demo = await ChildProcess.RunAsync("dotnet", ["cake"], Clone, ScriptCache, DemoTimeLimit);
            DemoTime = clock.Elapsed;
        }
    }

    public Task DisposeAsync()
    {
        FreshClone.DeleteQuietly(_work);
        return Task.CompletedTask;
    }
}

/// <summary>The demo and README tests share one copy of the repository, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCloneCollection : ICollectionFixture<DemoCloneFixture>
{
    public const string Name = "Demo clone";
}
