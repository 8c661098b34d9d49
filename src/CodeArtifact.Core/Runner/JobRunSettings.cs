using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// What a front end hands <see cref="JobRunner"/> besides the job: the user's connection values
/// (never a secret), where the reports go, where events go, and the names the user knows the
/// parameters by.
/// </summary>
public sealed class JobRunSettings
{
    /// <summary>The connection values as the user gave them; the credential chain completes them.</summary>
    public CodeArtifactConnectionSettings Connection { get; init; } = new();

    /// <summary>Reads an environment variable (Cake's environment, a test's); null: the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>The JSON report to write for every run, whatever its outcome; null for none.</summary>
    public string? ReportFile { get; init; }

    /// <summary>The Markdown summary to write for every run; null for none.</summary>
    public string? MarkdownSummaryFile { get; init; }

    /// <summary>
    /// Core's parameter names (<c>ProjectId</c>, <c>MaxDeletions</c>, <c>ReportFile</c> …) mapped to
    /// the names the user set (<c>CodeArtifactProjectId</c>, the Cake alias's <c>fileName</c>), so
    /// that every message names what the user can change.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ParameterNames { get; init; }

    /// <summary>Where the run's events go, one at a time: detail, progress, retry notices, warnings, and the summary line.</summary>
    public Action<CodeArtifactLogEvent>? Log { get; init; }

    /// <summary>The clock of the client and of the report's times (tests use a fake one).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Test seam: the transport instead of the network.</summary>
    internal HttpMessageHandler? Transport { get; init; }
}
