namespace CodeArtifact.Core.Jobs;

/// <summary>Whether a job's finding fails the run or only warns.</summary>
public enum ProblemSeverity
{
    /// <summary>Reported with its code; the run still succeeds (MSBuild warning, Cake warning line).</summary>
    Warning,

    /// <summary>Reported with its code; the run fails once every output is set and the reports are written.</summary>
    Error,
}

/// <summary>
/// One coded finding of a job, judged in Core (never in a front end): which verdicts fail the run
/// is a rule of the job, so both front ends report exactly the same lines. A front end reports
/// each problem once, after it has set all its outputs, so that <c>ContinueOnError</c> and later
/// targets (or a script's catch block) see the whole result.
/// </summary>
/// <param name="Severity">Whether it fails the run.</param>
/// <param name="Code">The <c>CART####</c> code (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">The text, without the code; never holds a secret.</param>
/// <param name="Subject">What it is about (a local path, a repository path), or null for the whole run.</param>
public sealed record JobProblem(ProblemSeverity Severity, string Code, string Message, string? Subject = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
