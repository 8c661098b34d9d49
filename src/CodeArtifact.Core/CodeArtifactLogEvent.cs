namespace CodeArtifact.Core;

/// <summary>How much a log event matters; front ends map it to their own levels.</summary>
public enum LogSeverity
{
    /// <summary>Per-request and per-file detail (MSBuild: low importance; Cake: verbose).</summary>
    Detail,

    /// <summary>Progress and retry notices (MSBuild: normal importance; Cake: information).</summary>
    Info,

    /// <summary>Something the user should look at; carries a code.</summary>
    Warning,

    /// <summary>
    /// The one line that says what a job did, once per run (MSBuild: high importance, shown at the
    /// default verbosity; Cake: information). Written by the runner from <see cref="Jobs.JobResult.Summary"/>.
    /// </summary>
    Summary,
}

/// <summary>A log line from Core. Never holds a secret.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">The text, without the code.</param>
/// <param name="Code">The <c>CART####</c> code of a warning or a retry notice (<c>CART0111</c>), else null.</param>
public sealed record CodeArtifactLogEvent(LogSeverity Severity, string Message, string? Code = null)
{
    /// <inheritdoc />
    public override string ToString() => Code is null ? Message : $"{Code}: {Message}";
}
