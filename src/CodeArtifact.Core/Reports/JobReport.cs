using System.Reflection;
using System.Text;
using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// Reports of a run: JSON with a stable schema (for tools and audits; a cleanup report lists
/// every deleted path so that it can be restored) and a Markdown summary (for
/// <c>$GITHUB_STEP_SUMMARY</c>). <see cref="JobRunner"/> writes both for every run, whatever its
/// outcome. Neither ever holds a secret: reports are built from their own types, which have no
/// field for a password.
/// </summary>
/// <remarks>
/// <para>JSON schema, version <see cref="SchemaVersion"/> (camelCase, every field present, null when unknown):</para>
/// <code>
/// {
///   "schemaVersion": 2,
///   "job": "cleanup",                        // maven-credentials, checksums, release-versions, cleanup, restore
///   "tool": { "name": "CodeArtifact.Build", "version": "1.2.0" },
///   "startedAt": "2025-06-01T12:00:00Z",     // every time: UTC, ISO 8601
///   "finishedAt": "2025-06-01T12:00:01.5Z",
///   "durationMs": 1500,
///   "outcome": "succeeded",                  // succeeded, failed, refused (before anything changed), cancelled
///   "summary": "…",                          // the one line the build log shows; null when the job had no result
///   "error": { "code", "message", "parameter", "operation", "httpStatus", "serviceErrorCode", "traceId" },  // why it stopped, or null
///   "problems": [ { "severity": "error", "code": "CART0301", "message": "…", "subject": "out/app.zip" } ],
///   "inputs": { … },                         // the job's options; null when they could not be read
///   "results": { … }                         // what was done, also when cancelled part way; null when the job had no result
/// }
/// </code>
/// <para>Version 1 had <c>completed-with-problems</c> and <c>dry-run</c> outcomes (now <c>failed</c> or
/// <c>succeeded</c>, with the problems listed and a cleanup's <c>results.dryRun</c>), no summary, error or
/// problems, and file times in the service's zone.</para>
/// </remarks>
public static class JobReport
{
    /// <summary>Raised when a field is renamed or removed, or a value changes meaning; new fields keep it.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The JSON report of <paramref name="run"/>.</summary>
    public static string ToJson(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return JsonSerializer.Serialize(ReportMapper.Document(run), ReportJsonContext.Default.ReportDocument) + "\n";
    }

    /// <summary>The JSON report of a job that ran to the end, as the runner would write it.</summary>
    public static string ToJson(JobResult result) => ToJson(RunOf(result));

    /// <summary>The Markdown summary of <paramref name="run"/>: a heading, the summary line, the problems, and tables.</summary>
    public static string ToMarkdown(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return MarkdownReport.Render(run);
    }

    /// <summary>The Markdown summary of a job that ran to the end.</summary>
    public static string ToMarkdown(JobResult result) => ToMarkdown(RunOf(result));

    /// <summary>Writes the JSON report to <paramref name="path"/> (replacing it); fails with CART0901.</summary>
    public static Task WriteJsonAsync(string path, JobRun run, CancellationToken cancellationToken = default) =>
        WriteAsync(path, ToJson(run), append: false, "ReportFile", cancellationToken);

    /// <summary>Writes the JSON report of a job that ran to the end; fails with CART0901.</summary>
    public static Task WriteJsonAsync(string path, JobResult result, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(path, RunOf(result), cancellationToken);

    /// <summary>
    /// Writes the Markdown summary to <paramref name="path"/>; <paramref name="append"/> adds it
    /// after what is there, as steps do with <c>$GITHUB_STEP_SUMMARY</c>. Fails with CART0901.
    /// </summary>
    public static Task WriteMarkdownAsync(string path, JobRun run, bool append = false, CancellationToken cancellationToken = default) =>
        WriteAsync(path, ToMarkdown(run), append, "MarkdownSummaryFile", cancellationToken);

    /// <summary>Writes the Markdown summary of a job that ran to the end; fails with CART0901.</summary>
    public static Task WriteMarkdownAsync(string path, JobResult result, bool append = false, CancellationToken cancellationToken = default) =>
        WriteMarkdownAsync(path, RunOf(result), append, cancellationToken);

    internal static ReportTool Tool { get; } = new(
        "CodeArtifact.Build",
        (typeof(JobReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0]);

    /// <summary>A run that gave <paramref name="result"/>: judged by the result's own problems.</summary>
    private static JobRun RunOf(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JobRun
        {
            JobName = result.JobName,
            Title = result.JobName,
            Outcome = result.Cancelled ? JobOutcome.Cancelled
                : result.Problems.Any(p => p.Severity == ProblemSeverity.Error) ? JobOutcome.Failed
                : JobOutcome.Succeeded,
            Options = ReportMapper.OptionsOf(result),
            Result = result,
            StartedAt = result.StartedAt,
            FinishedAt = result.FinishedAt,
            Problems = result.Problems,
        };
    }

    internal static async Task WriteAsync(string path, string text, bool append, string parameterName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CodeArtifactException.Missing(parameterName, $"{parameterName} is required: the path of the report to write.");
        }

        try
        {
            var fullPath = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            var stream = new FileStream(fullPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw CodedText.Failure(parameterName, ex, Messages.Run_ReportFailed, path, ex.Message, parameterName);
        }
    }
}
