namespace CodeArtifact.Core;

/// <summary>How much a log event matters; front ends map it to their own levels.</summary>
public enum LogSeverity
{
    /// <summary>Per-request and per-file detail (MSBuild: low importance; Cake: verbose).</summary>
    Detail,

    /// <summary>Progress and summaries (MSBuild: normal importance; Cake: information).</summary>
    Info,

    /// <summary>Something the user should look at; carries a code.</summary>
    Warning,
}

/// <summary>A log line from Core. Never holds a secret.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">The text, without the code.</param>
/// <param name="Code">The <c>CART####</c> code for warnings, else null.</param>
public sealed record CodeArtifactLogEvent(LogSeverity Severity, string Message, string? Code = null)
{
    /// <inheritdoc />
    public override string ToString() => Code is null ? Message : $"{Code}: {Message}";
}
