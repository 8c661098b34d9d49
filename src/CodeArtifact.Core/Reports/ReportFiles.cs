using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// The two report files of one run (JSON and Markdown): removed when the run starts, so that no
/// report of an earlier run can be read as this one's, and written when it ends, whatever the outcome.
/// </summary>
internal sealed class ReportFiles(string? reportFile, string? markdownSummaryFile, ParameterRenamer names, Action<string> detail)
{
    private const string ReportParameter = "ReportFile";
    private const string MarkdownParameter = "MarkdownSummaryFile";

    /// <summary>The full path of the JSON report, once <see cref="RemoveStale"/> has checked it; null when none is written.</summary>
    public string? JsonPath { get; private set; }

    /// <summary>The full path of the Markdown summary, once checked.</summary>
    public string? MarkdownPath { get; private set; }

    /// <summary>Deletes the files an earlier run left, and makes their folders; fails with CART0901, before anything is sent, when a path cannot be used.</summary>
    public void RemoveStale()
    {
        JsonPath = Remove(reportFile, ReportParameter);
        MarkdownPath = Remove(markdownSummaryFile, MarkdownParameter);
    }

    /// <summary>Writes both files; a file that cannot be written is a CART0901 problem, not an exception.</summary>
    public async Task<Written> WriteAsync(JobRun run)
    {
        var problems = new List<JobProblem>();
        var json = await WriteOneAsync(JsonPath, ReportParameter, () => JobReport.ToJson(run), problems).ConfigureAwait(false);
        var markdown = await WriteOneAsync(MarkdownPath, MarkdownParameter, () => JobReport.ToMarkdown(run), problems).ConfigureAwait(false);
        return new Written(json, markdown, problems);
    }

    private string? Remove(string? path, string parameter)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            // The folder is made now, so that a path that cannot hold a report is refused before anything is sent.
            var fullPath = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            if (File.Exists(fullPath))
            {
                File.Delete(fullPath);
                detail(CodedText.Format(Messages.Run_StaleReportRemoved, fullPath));
            }

            return fullPath;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw CodedText.Failure(parameter, ex, Messages.Run_ReportFailed, path, ex.Message, parameter);
        }
    }

    private async Task<string?> WriteOneAsync(string? path, string parameter, Func<string> render, List<JobProblem> problems)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            // Never cut short by the run's token: a cancelled run's report is the list of what it did.
            await JobReport.WriteAsync(path, render(), append: false, parameter, CancellationToken.None).ConfigureAwait(false);
            detail(CodedText.Format(Messages.Run_ReportWritten, path));
            return path;
        }
        catch (CodeArtifactException ex)
        {
            problems.Add(new JobProblem(ProblemSeverity.Error, ex.Code, names.Rename(ex.Message), names.Name(parameter)));
            return null;
        }
    }

    public sealed record Written(string? ReportFile, string? MarkdownSummaryFile, IReadOnlyList<JobProblem> Problems);
}
