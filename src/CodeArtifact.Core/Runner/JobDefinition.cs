using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// One job as <see cref="JobRunner"/> runs it: its name, how to start it with a connected client,
/// and what the runner must know to report it. Both front ends run the same definitions (see
/// <see cref="CodeArtifactJobs"/>); a new job adds one definition there.
/// </summary>
/// <typeparam name="TOptions">The job's inputs (never a secret: reports show them).</typeparam>
/// <typeparam name="TResult">The job's result.</typeparam>
public sealed class JobDefinition<TOptions, TResult>
    where TOptions : class
    where TResult : JobResult
{
    /// <param name="name">The report name (<see cref="JobResult.JobName"/>): <c>cleanup</c>.</param>
    /// <param name="title">The job in messages, a sentence's subject: <c>The cleanup</c>.</param>
    /// <param name="start">Runs the job: client, serialized log callback, options, the run's token.</param>
    public JobDefinition(string name, string title, Func<CodeArtifactClient, Action<CodeArtifactLogEvent>, TOptions, CancellationToken, Task<TResult>> start)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(start);
        Name = name;
        Title = title;
        Start = start;
    }

    /// <summary>The report name, as the result's <see cref="JobResult.JobName"/>; also used when no result exists.</summary>
    public string Name { get; }

    /// <summary>The job as messages name it (<c>The cleanup</c>).</summary>
    public string Title { get; }

    /// <summary>Runs the job. Cancellation either throws (nothing changed) or returns a result with <see cref="JobResult.Cancelled"/>.</summary>
    public Func<CodeArtifactClient, Action<CodeArtifactLogEvent>, TOptions, CancellationToken, Task<TResult>> Start { get; }

    /// <summary>
    /// Codes of warnings the job logs while it runs and its result's <see cref="JobResult.Problems"/>
    /// restate one line per file: the runner drops those events, so nothing is said twice.
    /// </summary>
    public IReadOnlyCollection<string> RestatedCodes { get; init; } = [];

    /// <summary>What to do after a cancellation cut the job short (the last sentence of CART0506).</summary>
    public string AfterCancel { get; init; } = Messages.Run_RunAgain;
}
