using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// The one orchestration of a job for both front ends: remove the run's stale reports, map the
/// front end's inputs to options, resolve the connection through the credential chain, connect,
/// run the job with its events going to the front end, judge the outcome, write the reports for
/// every outcome (succeeded, failed, refused, cancelled), and hand back every coded problem.
/// </summary>
/// <remarks>
/// The runner never throws for an expected failure (bad input, the service, the network, a file,
/// cancellation): it returns a <see cref="JobRun{TResult}"/> whose <see cref="JobRun.Problems"/>
/// the front end reports once each, after it has set its outputs. A front end only maps its
/// parameters to options and <see cref="JobRunSettings"/>, and events and problems to its logger.
/// </remarks>
public sealed class JobRunner
{
    private readonly JobRunSettings _settings;
    private readonly ParameterRenamer _names;

    public JobRunner(JobRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _names = new ParameterRenamer(settings.ParameterNames);
    }

    /// <summary>Runs <paramref name="job"/> once.</summary>
    /// <param name="job">The job (see <see cref="CodeArtifactJobs"/>).</param>
    /// <param name="options">
    /// Maps the front end's inputs to the job's options; called inside the run, so that an input it
    /// refuses (throwing a <see cref="CodeArtifactException"/>) gets a refused report like any other.
    /// </param>
    /// <param name="cancellationToken">Ctrl+C, SIGTERM, the script's or the build's token.</param>
    public async Task<JobRun<TResult>> RunAsync<TOptions, TResult>(JobDefinition<TOptions, TResult> job, Func<TOptions> options, CancellationToken cancellationToken)
        where TOptions : class
        where TResult : JobResult
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        var log = new RunLog(_settings.Log, job.RestatedCodes, _names);
        var time = _settings.TimeProvider ?? TimeProvider.System;
        var reports = new ReportFiles(_settings.ReportFile, _settings.MarkdownSummaryFile, _names, log.Detail);
        var startedAt = time.GetUtcNow();
        TOptions? jobOptions = null;
        TResult? result = null;
        Exception? failure = null;
        try
        {
            // First, so that nothing can leave an older report to be read as this run's.
            reports.RemoveStale();
            jobOptions = options();
            var clientOptions = CredentialChain.Resolve(_settings.Connection, _settings.Environment);
            clientOptions.Log = log.Write;
            clientOptions.Transport = _settings.Transport;
            clientOptions.TimeProvider = time;
            log.Detail(CodedText.Format(Messages.Run_Connecting, clientOptions.Endpoint?.ToString() ?? clientOptions.Region, clientOptions.Credentials?.Describe(), clientOptions.CredentialSource));
            using var client = new CodeArtifactClient(clientOptions);
            result = await job.Start(client, log.Write, jobOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (FailureJudge.IsExpected(ex))
        {
            failure = ex;
        }

        var judged = new FailureJudge(job.Title, job.AfterCancel, _names, reports).Judge(result, failure);
        if (failure is not null)
        {
            FailureJudge.LogCauses(failure, log);
        }

        var finishedAt = result?.FinishedAt ?? time.GetUtcNow();
        JobRun<TResult> Run(ReportFiles.Written? written) => new()
        {
            JobName = job.Name,
            Title = job.Title,
            Outcome = judged.Outcome,
            Options = jobOptions,
            Result = result,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Failure = judged.Failure,
            Exception = failure,
            Problems = written is null ? judged.Problems : [.. judged.Problems, .. written.Problems],
            ReportFile = written?.ReportFile,
            MarkdownSummaryFile = written?.MarkdownSummaryFile,
        };

        var run = Run(written: null);
        if (run.Summary is { } summary)
        {
            log.Summary(summary);
        }

        // Written for every outcome, once the outcome is known, and never cut short by the token
        // that cancelled the job: a cancelled cleanup's report is the list of what to restore.
        return Run(await reports.WriteAsync(run).ConfigureAwait(false));
    }
}
