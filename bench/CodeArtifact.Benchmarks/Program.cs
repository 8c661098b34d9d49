using BenchmarkDotNet.Running;

namespace CodeArtifact.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project bench/CodeArtifact.Benchmarks -- --filter *</c>
/// runs every benchmark with the short job of <see cref="ShortInProcessConfig"/>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortInProcessConfig());
}
