using System.Reflection;
using System.Text;
using System.Text.Json;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// Reports of a job's result: JSON with a stable schema (for tools and audits; a cleanup report
/// lists every deleted path so that it can be restored) and a Markdown summary (for
/// <c>$GITHUB_STEP_SUMMARY</c>). Neither ever holds a secret: reports are built from their own
/// types, which have no field for a password.
/// </summary>
/// <remarks>
/// JSON schema (version <see cref="SchemaVersion"/>): <c>{schemaVersion, job, tool{name,version},
/// startedAt, finishedAt, durationMs, outcome, inputs{…}, results{…}}</c>, camelCase, every field
/// present (null when unknown). <c>outcome</c> is <c>succeeded</c>, <c>completed-with-problems</c>
/// (mismatches, missing files, failures, incomplete paging, no repository), <c>dry-run</c> or
/// <c>cancelled</c>.
/// </remarks>
public static class JobReport
{
    /// <summary>Raised when a field is renamed or removed; new fields keep it.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The JSON report of <paramref name="result"/>.</summary>
    public static string ToJson(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var context = ReportJsonContext.Default;
        return result switch
        {
            MavenCredentialsResult r => JsonSerializer.Serialize(ReportMapper.Map(r), context.ReportDocumentMavenCredentialsInputsMavenCredentialsResults),
            ChecksumVerificationResult r => JsonSerializer.Serialize(ReportMapper.Map(r), context.ReportDocumentChecksumInputsChecksumResults),
            ReleaseVersionsResult r => JsonSerializer.Serialize(ReportMapper.Map(r), context.ReportDocumentReleaseVersionsInputsReleaseVersionsResults),
            CleanupResult r => JsonSerializer.Serialize(ReportMapper.Map(r), context.ReportDocumentCleanupInputsCleanupResults),
            RestoreResult r => JsonSerializer.Serialize(ReportMapper.Map(r), context.ReportDocumentRestoreInputsRestoreResults),
            PublishResult r => PublishReport.ToJson(r),
            _ => throw new ArgumentException($"No report is defined for {result.GetType().Name}.", nameof(result)),
        } + "\n";
    }

    /// <summary>The Markdown summary of <paramref name="result"/>: a heading, a summary table and a table of files.</summary>
    public static string ToMarkdown(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return MarkdownReport.Render(result);
    }

    /// <summary>Writes the JSON report to <paramref name="path"/> (replacing it); fails with CART0901.</summary>
    public static Task WriteJsonAsync(string path, JobResult result, CancellationToken cancellationToken = default) =>
        WriteAsync(path, ToJson(result), append: false, cancellationToken);

    /// <summary>
    /// Writes the Markdown summary to <paramref name="path"/>; <paramref name="append"/> adds it
    /// after what is there, as steps do with <c>$GITHUB_STEP_SUMMARY</c>. Fails with CART0901.
    /// </summary>
    public static Task WriteMarkdownAsync(string path, JobResult result, bool append = false, CancellationToken cancellationToken = default) =>
        WriteAsync(path, ToMarkdown(result), append, cancellationToken);

    internal static ReportTool Tool { get; } = new(
        "CodeArtifact.Build",
        (typeof(JobReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0]);

    private static async Task WriteAsync(string path, string text, bool append, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CodeArtifactException.Missing("ReportFile", "ReportFile is required: the path of the report to write.");
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
            throw new CodeArtifactException(ErrorCodes.ReportWriteFailed, $"Could not write the report {path}: {ex.Message} Choose another ReportFile.", ex)
            {
                ParameterName = "ReportFile",
            };
        }
    }
}
