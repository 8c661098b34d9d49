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
    /// The coded findings that the front ends report, in order: the job's own rule of which of its
    /// verdicts fail the run (errors) and which only warn. Empty when all is well.
    /// </summary>
    public virtual IReadOnlyList<JobProblem> Problems => [];
}
