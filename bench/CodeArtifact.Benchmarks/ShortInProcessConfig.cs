using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CodeArtifact.Benchmarks;

/// <summary>
/// A short job (3 warm-ups, 3 iterations) run in this process, with allocations reported, and
/// BenchmarkDotNet's default logger, columns, analysers and validators (the switcher adds the
/// default exporters itself).
/// </summary>
/// <remarks>
/// In-process because the default toolchain generates and builds a project under bin/, which
/// would inherit this repository's Directory.Build.props and central package versions; it also
/// keeps `--filter *` within a few minutes on a 2-core machine. The figures are for comparing
/// benchmarks with each other in one run, not absolute truths.
/// </remarks>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        var defaults = DefaultConfig.Instance;
        AddLogger([.. defaults.GetLoggers()]);
        AddColumnProvider([.. defaults.GetColumnProviders()]);
        AddAnalyser([.. defaults.GetAnalysers()]);
        AddValidator([.. defaults.GetValidators()]);
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        ArtifactsPath = Path.Combine(FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts", "bench", "micro");
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeArtifact.Build.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
