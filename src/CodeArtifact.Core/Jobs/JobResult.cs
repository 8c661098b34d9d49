namespace CodeArtifact.Core.Jobs;

/// <summary>
/// What every job result carries besides its own findings: which job ran and when, so that a
/// report (<see cref="Reports.JobReport"/>) can be written from the result alone.
/// </summary>
public abstract class JobResult
{
    /// <summary>The job's short name in reports: <c>maven-credentials</c>, <c>checksums</c>, <c>release-versions</c>, <c>cleanup</c>, <c>restore</c>.</summary>
    public abstract string JobName { get; }

    /// <summary>When the job started (from the client's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the job finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>
    /// True when cancellation cut the run short after it had begun changing things (deleting,
    /// uploading, restoring): the job returned, rather than threw, so that the result says
    /// exactly what was done. A job cancelled before it changed anything throws instead.
    /// </summary>
    public bool Cancelled { get; init; }

    /// <summary>
    /// One line that says what the job did, or what it had done when it stopped: the summary the
    /// front ends show at high importance, and the counts of a cancellation message (CART0506).
    /// Null when the job has no result worth a line.
    /// </summary>
    public virtual string? Summary => null;

    /// <summary>
    /// The coded findings that the front ends report, in order: the job's own rule of which of its
    /// verdicts fail the run (errors) and which only warn. Empty when all is well.
    /// </summary>
    public virtual IReadOnlyList<JobProblem> Problems => [];
}
