using Cake.Core;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>
/// The one path every alias takes: its settings mapped to Core's <see cref="JobRunner"/> (the
/// connection, the Cake environment, the reports, Ctrl+C and the script's token), the run's events
/// to the Cake log, its warnings to Cake warnings, and its errors to one coded
/// <see cref="CakeException"/>, raised after the reports are written.
/// </summary>
internal static class AliasRunner
{
    /// <summary>Runs a job and returns its result; any failure leaves as a coded <see cref="CakeException"/>.</summary>
    /// <param name="context">The Cake context: log, environment, paths.</param>
    /// <param name="settings">The connection, report and cancellation settings.</param>
    /// <param name="job">The job (see <see cref="CodeArtifactJobs"/>).</param>
    /// <param name="options">Maps the alias's arguments and settings to the job's options (inside the run, so that a refusal is reported like any failure).</param>
    /// <param name="argumentNames">Core's parameter names that are the alias's own arguments here (<c>FileName</c> → <c>fileName</c>).</param>
    public static TResult Run<TOptions, TResult>(
        ICakeContext context,
        CodeArtifactSettings settings,
        JobDefinition<TOptions, TResult> job,
        Func<TOptions> options,
        IReadOnlyDictionary<string, string>? argumentNames = null)
        where TOptions : class
        where TResult : JobResult
    {
        var log = new CakeLogSink(context.Log);

        // Held until the reports are written: the signal that cut a cleanup short must not also cut its report.
        using var cancellation = RunCancellation.Start(settings.Cancellation);
        var runner = new JobRunner(new JobRunSettings
        {
            Connection = Connection(context, settings),
            Environment = context.Environment.GetEnvironmentVariable,
            ReportFile = settings.ReportFile?.MakeAbsolute(context.Environment).FullPath,
            MarkdownSummaryFile = settings.MarkdownSummaryFile?.MakeAbsolute(context.Environment).FullPath,
            ParameterNames = argumentNames,
            Log = log.Write,
        });
        var run = runner.RunAsync(job, options, cancellation.Token).GetAwaiter().GetResult();
        foreach (var warning in run.Problems.Where(p => p.Severity == ProblemSeverity.Warning))
        {
            log.Warning(warning.ToString());
        }

        return run.Succeeded && run.Result is { } result ? result : throw CakeFailures.ToCake(CakeFailures.From(run));
    }

    private static CodeArtifactConnectionSettings Connection(ICakeContext context, CodeArtifactSettings settings) => new()
    {
        Endpoint = settings.Endpoint,
        Region = settings.Region,
        IamEndpoint = settings.IamEndpoint,
        TenantId = settings.TenantId,
        ProjectId = settings.ProjectId,
        AccessKey = settings.AccessKey,
        UserName = settings.UserName,
        DomainName = settings.DomainName,
        CredentialsFile = settings.CredentialsFile?.MakeAbsolute(context.Environment).FullPath,
        TimeoutSeconds = SettingValues.Text(settings.TimeoutSeconds),
        MaxRetries = SettingValues.Text(settings.MaxRetries),
        MaxConcurrency = SettingValues.Text(settings.MaxConcurrency),
        AllowInsecureHttp = settings.AllowInsecureHttp ? "true" : null,
    };
}
