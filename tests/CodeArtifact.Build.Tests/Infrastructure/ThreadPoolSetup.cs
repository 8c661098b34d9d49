using System.Runtime.CompilerServices;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// Task tests call <c>Execute()</c>, which blocks its thread on async work as MSBuild's own task
/// threads do; with many test classes doing so at once on two cores, the thread pool would add
/// threads only about once a second, and a "stops within a second" bound would measure that
/// instead of the task.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinimumThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completionPorts, 64));
    }
}
