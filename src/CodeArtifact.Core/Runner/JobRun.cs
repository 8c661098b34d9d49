using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// What <see cref="JobRunner"/> did: the outcome, the job's result when it got one, and every
/// coded problem the front end must report, once each, after it has set its outputs.
/// </summary>
public class JobRun
{
    /// <summary>The job's report name (<c>cleanup</c>).</summary>
    public required string JobName { get; init; }

    /// <summary>The job as messages name it (<c>The cleanup</c>).</summary>
    public required string Title { get; init; }

    /// <summary>How the run ended.</summary>
    public required JobOutcome Outcome { get; init; }

    /// <summary>The options the job ran with; null when the front end's inputs could not be mapped to them.</summary>
    public object? Options { get; init; }

    /// <summary>The job's result: for a run that ended or was cancelled part way; null when it threw.</summary>
    public JobResult? Result { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC).</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>
    /// Why the run stopped before its end: the refusal, the service's failure, or CART0506 for a
    /// cancellation (with what was done). Null when the job ran to the end (its own findings are in <see cref="Problems"/>).
    /// </summary>
    public JobProblem? Failure { get; init; }

    /// <summary>
    /// The exception behind <see cref="Failure"/>, when one was thrown: a <see cref="CodeArtifactException"/>
    /// (with the HTTP status, service code and trace id), an <see cref="OperationCanceledException"/>,
    /// or the file system's exception for a path that could not be used.
    /// </summary>
    public Exception? Exception { get; init; }

    /// <summary>
    /// Every problem to report, in order: the result's findings, then <see cref="Failure"/>, then
    /// a report that could not be written (CART0901). Parameter names are the front end's.
    /// </summary>
    public IReadOnlyList<JobProblem> Problems { get; init; } = [];

    /// <summary>The one line that says what was done (<see cref="JobResult.Summary"/>), or null.</summary>
    public string? Summary => Result?.Summary;

    /// <summary>The JSON report written (full path), or null.</summary>
    public string? ReportFile { get; init; }

    /// <summary>The Markdown summary written (full path), or null.</summary>
    public string? MarkdownSummaryFile { get; init; }

    /// <summary>True when the run succeeded and no problem fails it.</summary>
    public bool Succeeded => Outcome == JobOutcome.Succeeded && !Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>A <see cref="JobRun"/> with its result typed.</summary>
/// <typeparam name="TResult">The job's result.</typeparam>
public sealed class JobRun<TResult> : JobRun
    where TResult : JobResult
{
    /// <summary>The job's result, or null when the job threw (see <see cref="JobRun.Failure"/>).</summary>
    public new TResult? Result
    {
        get => (TResult?)base.Result;
        init => base.Result = value;
    }
}
