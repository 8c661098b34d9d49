using Cake.CodeArtifact.Resources;
using Cake.Core;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;

namespace Cake.CodeArtifact;

/// <summary>
/// The one path every alias takes: connect with the settings and the Cake environment, run one
/// Core job with its events going to the Cake log, review the result (per-file lines and the
/// failures that must stop the script), write the reports, and only then throw.
/// </summary>
internal static class JobRunner
{
    /// <summary>Runs a job and returns its result, or throws the addin's exception for its failure.</summary>
    /// <param name="context">The Cake context: log, environment, paths.</param>
    /// <param name="settings">The connection and report settings.</param>
    /// <param name="aliasName">The alias, for messages about files it was given.</param>
    /// <param name="job">Runs the job with a connected client and the log callback.</param>
    /// <param name="review">Logs the result's detail; returns the exception to throw once the reports are written, or null.</param>
    public static TResult Run<TResult>(
        ICakeContext context,
        CodeArtifactSettings settings,
        string aliasName,
        Func<CodeArtifactClient, Action<CodeArtifactLogEvent>, Task<TResult>> job,
        Func<TResult, CakeLogSink, CodeArtifactCakeException?> review)
        where TResult : JobResult
    {
        var log = new CakeLogSink(context.Log);
        try
        {
            var options = ClientFactory.CreateOptions(context, settings, log.Write);
            log.Verbose(Messages.Format(Strings.CodeArtifactTask_Connecting, options.Endpoint, options.Credentials?.Describe()));
            TResult result;
            using (var client = new CodeArtifactClient(options))
            {
                result = job(client, log.Write).GetAwaiter().GetResult();
            }

            var failure = review(result, log);

            // Written even when the job found problems: a pipeline wants to read why.
            WriteReport(context, settings.ReportFile, path => JobReport.WriteJsonAsync(path, result), log);
            WriteReport(context, settings.MarkdownSummaryFile, path => JobReport.WriteMarkdownAsync(path, result), log);
            return failure is null ? result : throw failure;
        }
        catch (CodeArtifactException ex)
        {
            throw CakeFailures.From(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw CakeFailures.FileError(aliasName, ex);
        }
    }

    private static void WriteReport(ICakeContext context, Cake.Core.IO.FilePath? file, Func<string, Task> write, CakeLogSink log)
    {
        if (file is null)
        {
            return;
        }

        var path = file.MakeAbsolute(context.Environment).FullPath;
        try
        {
            write(path).GetAwaiter().GetResult();
            log.Verbose(Messages.Format(Strings.CodeArtifactTask_ReportWritten, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CodeArtifactCakeException(Messages.Format(Strings.CodeArtifactTask_ReportFailed, path, ex.Message), ex);
        }
    }
}
