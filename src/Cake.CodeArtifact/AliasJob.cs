using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>What one alias adds to <see cref="JobRunner"/>: its job, and how it judges the result.</summary>
/// <typeparam name="TResult">The job's result.</typeparam>
/// <param name="AliasName">The alias, for messages about files it was given.</param>
/// <param name="Run">Runs the job with a connected client, the log callback and the run's cancellation token.</param>
internal sealed record AliasJob<TResult>(string AliasName, Func<CodeArtifactClient, Action<CodeArtifactLogEvent>, CancellationToken, Task<TResult>> Run)
    where TResult : JobResult
{
    /// <summary>Checks of the alias's own arguments, run before anything else; throws to refuse them.</summary>
    public Action Check { get; init; } = static () => { };

    /// <summary>Logs what the job's events do not say; returns the failure to raise once the reports are written, or null.</summary>
    public Func<TResult, CakeLogSink, CodeArtifactAliasException?> Review { get; init; } = static (_, _) => null;

    /// <summary>
    /// For a job that returns what it did when cancelled part way (rather than throwing): the
    /// failure to raise once that partial result is reported, given the JSON report's full path
    /// (null when none was asked for); null when the result is complete.
    /// </summary>
    public Func<TResult, string?, CodeArtifactAliasException?> ReviewCancelled { get; init; } = static (_, _) => null;

    /// <summary>Codes of the job's warnings that the alias reports itself, as errors (so they are not said twice).</summary>
    public IReadOnlyCollection<string> ReportedAsErrors { get; init; } = [];
}
