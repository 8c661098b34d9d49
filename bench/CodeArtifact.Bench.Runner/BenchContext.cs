using CodeArtifact.Bench.Runner.Infrastructure;

namespace CodeArtifact.Bench.Runner;

/// <summary>What every case gets: sizes, the temp workspace, the repository root, a progress log.</summary>
internal sealed class BenchContext(BenchSizes sizes, Workspace workspace, string repositoryRoot)
{
    public BenchSizes Sizes { get; } = sizes;

    public Workspace Workspace { get; } = workspace;

    /// <summary>The clone the runner was built from (for packing CodeArtifact.Build).</summary>
    public string RepositoryRoot { get; } = repositoryRoot;

    public void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary>One numbered case of the issue.</summary>
internal abstract class BenchCase
{
    public abstract string Number { get; }

    public abstract string Title { get; }

    /// <summary>Runs the case; returns one row, or two when it has two baselines.</summary>
    public abstract Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
