using Cake.CodeArtifact.Resources;
using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;

namespace Cake.CodeArtifact;

/// <summary>
/// The one path every alias takes: connect with the settings and the Cake environment, run one
/// Core job with its events going to the Cake log, review the result (the failures that must stop
/// the script), write the reports, and only then fail. Ctrl+C, SIGTERM or the settings' token
/// cancel the job; a job that returns a partial result when cancelled has it reported first.
/// </summary>
internal static class JobRunner
{
    /// <summary>Runs a job and returns its result; any failure leaves as a coded <see cref="CakeException"/>.</summary>
    /// <param name="context">The Cake context: log, environment, paths.</param>
    /// <param name="settings">The connection, report and cancellation settings.</param>
    /// <param name="job">The alias's job and how it judges the result.</param>
    public static TResult Run<TResult>(ICakeContext context, CodeArtifactSettings settings, AliasJob<TResult> job)
        where TResult : JobResult =>
        CakeFailures.Boundary(job.AliasName, () =>
        {
            job.Check();
            var log = new CakeLogSink(context.Log, job.ReportedAsErrors);
            var options = ClientFactory.CreateOptions(context, settings, log.Write);
            log.Verbose(Messages.Format(Strings.CodeArtifactTask_Connecting, options.Endpoint?.ToString() ?? options.Region, options.Credentials?.Describe(), options.CredentialSource));

            // Held until the reports are written: the signal that cut a cleanup short must not also cut its report.
            using var cancellation = RunCancellation.Start(settings.Cancellation);
            TResult result;
            try
            {
                using var client = new CodeArtifactClient(options);
                result = job.Run(client, log.Write, cancellation.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException ex) when (cancellation.Token.IsCancellationRequested)
            {
                throw new CodeArtifactAliasException(Messages.Format(Strings.CodeArtifactTask_CanceledError, job.AliasName), ex);
            }

            var failure = job.Review(result, log);

            // Written even when the job found problems or was cancelled: a pipeline wants to read why, and what was done.
            var report = WriteReport(context, settings.ReportFile, path => JobReport.WriteJsonAsync(path, result), log);
            WriteReport(context, settings.MarkdownSummaryFile, path => JobReport.WriteMarkdownAsync(path, result), log);
            failure = job.ReviewCancelled(result, report) ?? failure;
            return failure is null ? result : throw failure;
        });

    /// <returns>The full path written, or null when no file was asked for.</returns>
    private static string? WriteReport(ICakeContext context, FilePath? file, Func<string, Task> write, CakeLogSink log)
    {
        if (file is null)
        {
            return null;
        }

        var path = file.MakeAbsolute(context.Environment).FullPath;
        try
        {
            write(path).GetAwaiter().GetResult();
            log.Verbose(Messages.Format(Strings.CodeArtifactTask_ReportWritten, path));
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CodeArtifactAliasException(Messages.Format(Strings.CodeArtifactTask_ReportFailed, path, ex.Message), ex);
        }
    }
}
