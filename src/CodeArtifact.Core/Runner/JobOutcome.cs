namespace CodeArtifact.Core.Runner;

/// <summary>How a run ended; the <c>outcome</c> of its report.</summary>
public enum JobOutcome
{
    /// <summary>The job ran to the end and nothing it found fails the run (warnings may remain).</summary>
    Succeeded,

    /// <summary>The service or the network failed, or the job's findings fail the run.</summary>
    Failed,

    /// <summary>The inputs were refused (a <c>CART00xx</c> code, or a rule such as MaxDeletions) before anything was changed.</summary>
    Refused,

    /// <summary>Ctrl+C, SIGTERM or the caller's token stopped the run (<c>CART0506</c>).</summary>
    Cancelled,
}
