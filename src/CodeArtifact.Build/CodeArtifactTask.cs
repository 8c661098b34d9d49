using System.Globalization;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using CodeArtifact.Core.Validation;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace CodeArtifact.Build;

/// <summary>
/// What every CodeArtifact task shares: the non-secret connection parameters, cancellation, and
/// the mapping of Core's <see cref="JobRunner"/> to MSBuild: its events to messages (detail at low
/// importance, progress at normal, the job's one-line summary at high) and its coded problems to
/// errors and warnings, logged once each after every output is set. Everything else (connecting,
/// credentials, reports, translating failures) is the runner's.
/// </summary>
/// <remarks>
/// Secrets are not parameters: the credential chain reads the SK, security token, IAM password and
/// auth token from the environment or the credentials file, inside the task, because MSBuild
/// records every parameter in its diagnostic and binary logs.
/// </remarks>
public abstract class CodeArtifactTask : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly object _logGate = new();
    private bool _executing;

    private protected CodeArtifactTask()
    {
    }

    /// <summary>The service endpoint, such as <c>https://artifact.ap-southeast-3.myhuaweicloud.com</c> (default: from <see cref="Region"/>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The region, such as <c>ap-southeast-3</c>; gives the artifact and IAM endpoints.</summary>
    public string? Region { get; set; }

    /// <summary>The IAM endpoint, for an IAM user and password (default: from <see cref="Region"/>).</summary>
    public string? IamEndpoint { get; set; }

    /// <summary>The tenant (account) id used in repository paths: 8–32 letters or digits.</summary>
    public string? TenantId { get; set; }

    /// <summary>The project id: 32 letters or digits.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The access key (AK); its secret key comes from <c>HUAWEICLOUD_SDK_SK</c> or the credentials file.</summary>
    public string? AccessKey { get; set; }

    /// <summary>An IAM user name; its password comes from <c>CODEARTIFACT_PASSWORD</c>.</summary>
    public string? UserName { get; set; }

    /// <summary>The account (domain) name of <see cref="UserName"/>.</summary>
    public string? DomainName { get; set; }

    /// <summary>The credentials file (default: <c>~/.huaweicloud/credentials</c>).</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>Time limit of one request attempt, in seconds (default 100).</summary>
    public string? TimeoutSeconds { get; set; }

    /// <summary>Retries on 429/502/503/504 and connection failures (default 4).</summary>
    public string? MaxRetries { get; set; }

    /// <summary>Requests in flight at once (default 32).</summary>
    public string? MaxConcurrency { get; set; }

    /// <summary>Allow plain <c>http://</c> to a host that is not loopback.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Where to write the job's JSON report (schema version 2, no secrets), for pipelines to read. Written
    /// for every run, succeeded, failed, refused or cancelled; an older file there is removed first.
    /// </summary>
    public string? ReportFile { get; set; }

    /// <summary>Where to write the job's report as Markdown (for a CI job summary); written and replaced as <see cref="ReportFile"/>.</summary>
    public string? MarkdownSummaryFile { get; set; }

    /// <summary>
    /// The MSBuild property behind each parameter, as <c>Parameter=Property</c> pairs
    /// (<c>ProjectId=CodeArtifactProjectId</c>): set by the ready targets, so that a message names
    /// the property the user set rather than the task parameter.
    /// </summary>
    public string[]? PropertyNames { get; set; }

    /// <summary>
    /// Where to write the task's outputs as a small MSBuild project (used by the ready targets, so
    /// that a target skipped as up to date still gives its outputs). Written only on success.
    /// </summary>
    public string? ResultsFile { get; set; }

    /// <summary>Test seam: the transport instead of the network.</summary>
    internal HttpMessageHandler? Transport { get; set; }

    /// <summary>Test seam: the environment variables instead of the process's.</summary>
    internal IReadOnlyDictionary<string, string?>? EnvironmentOverride { get; set; }

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        _executing = true;
        try
        {
            var runner = new JobRunner(new JobRunSettings
            {
                Connection = Connection(),
                Environment = EnvironmentOverride is { } variables ? name => variables.TryGetValue(name, out var value) ? value : null : null,
                ReportFile = NullIfBlank(ReportFile),
                MarkdownSummaryFile = NullIfBlank(MarkdownSummaryFile),
                ParameterNames = ParsePropertyNames(PropertyNames),
                Log = OnLogEvent,
                Transport = Transport,
            });
            var run = RunAsync(runner, _cancellation.Token).GetAwaiter().GetResult();

            // Every output is set by now: ContinueOnError and later targets see the whole result.
            foreach (var problem in run.Problems)
            {
                LogProblem(problem);
            }

            var succeeded = run.Succeeded && !Log.HasLoggedErrors;
            KeepResults(succeeded);
            return succeeded;
        }
        finally
        {
            lock (_logGate)
            {
                _executing = false;
            }
        }
    }

    /// <summary>
    /// Runs the task's job: <c>runner.RunAsync(CodeArtifactJobs.X, Options, cancellationToken)</c>,
    /// where Options maps the parameters to the job's options (inside the run, so that a refused
    /// value gets a report too), then sets the outputs from the run's result when there is one.
    /// </summary>
    private protected abstract Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken);

    /// <summary>The task's outputs to keep in <see cref="ResultsFile"/>: (output parameter name, item).</summary>
    private protected virtual IEnumerable<(string Output, ITaskItem Item)> Results() => [];

    /// <summary>Reads a whole-number parameter; empty means the default (null).</summary>
    private protected static int? ParseCount(string? value, string parameterName, int minimum) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum ? number
        : throw Argument.Invalid(parameterName, value, $"a whole number from {minimum.ToString(CultureInfo.InvariantCulture)} up");

    /// <summary>Reads a decimal parameter (invariant culture, <c>.</c> as the decimal point); empty means the default (null).</summary>
    private protected static double? ParseNumber(string? value, string parameterName, double minimum) =>
        string.IsNullOrWhiteSpace(value) ? null
        : double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number >= minimum ? number
        : throw Argument.Invalid(parameterName, value, $"a number from {minimum.ToString(CultureInfo.InvariantCulture)} up, such as 30 or 0.5");

    /// <summary>Non-empty, trimmed entries of a list parameter.</summary>
    private protected static IReadOnlyList<string> List(string[]? values) =>
        values is null ? [] : values.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();

    /// <summary>A time as MSBuild metadata: ISO 8601, invariant.</summary>
    private protected static string MetadataValue(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) ?? string.Empty;

    private protected static string MetadataValue(long? number) =>
        number?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Null for an empty parameter, else the value trimmed.</summary>
    private protected static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private CodeArtifactConnectionSettings Connection() => new()
    {
        Endpoint = Endpoint,
        Region = Region,
        IamEndpoint = IamEndpoint,
        TenantId = TenantId,
        ProjectId = ProjectId,
        AccessKey = AccessKey,
        UserName = UserName,
        DomainName = DomainName,
        CredentialsFile = CredentialsFile,
        TimeoutSeconds = TimeoutSeconds,
        MaxRetries = MaxRetries,
        MaxConcurrency = MaxConcurrency,
        AllowInsecureHttp = AllowInsecureHttp ? "true" : "false",
    };

    internal static Dictionary<string, string> ParsePropertyNames(string[]? pairs)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[(equals + 1)..].Trim() is { Length: > 0 } property)
            {
                names[pair[..equals].Trim()] = property;
            }
        }

        return names;
    }

    /// <summary>Core's events, one at a time: detail at low importance, progress and retry notices at normal, the summary at high, warnings with their code.</summary>
    private void OnLogEvent(CodeArtifactLogEvent logEvent)
    {
        lock (_logGate)
        {
            // MSBuild forbids logging once Execute has returned; a late event from a cancelled
            // request has nowhere to go.
            if (!_executing)
            {
                return;
            }

            switch (logEvent.Severity)
            {
                case LogSeverity.Warning:
                    Log.LogWarning(null, logEvent.Code, HelpKeyword(logEvent.Code), null, 0, 0, 0, 0, logEvent.Message);
                    break;
                case LogSeverity.Summary:
                    Log.LogMessage(MessageImportance.High, "{0}", logEvent.Message);
                    break;
                case LogSeverity.Info:
                    Log.LogMessage(MessageImportance.Normal, "{0}", logEvent.ToString());
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, "{0}", logEvent.Message);
                    break;
            }
        }
    }

    private void LogProblem(JobProblem problem)
    {
        if (problem.Severity == ProblemSeverity.Error)
        {
            Log.LogError(null, problem.Code, HelpKeyword(problem.Code), null, 0, 0, 0, 0, "{0}", problem.Message);
        }
        else
        {
            Log.LogWarning(null, problem.Code, HelpKeyword(problem.Code), null, 0, 0, 0, 0, "{0}", problem.Message);
        }
    }

    /// <summary>Writes the outputs for the next up-to-date build after a success; deletes them otherwise, so that a failed run is never skipped as up to date.</summary>
    private void KeepResults(bool succeeded)
    {
        if (string.IsNullOrEmpty(ResultsFile))
        {
            return;
        }

        if (!succeeded)
        {
            DeleteResultsFile();
            return;
        }

        try
        {
            ResultsProject.Write(ResultsFile, Results());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            LogProblem(CodedText.Problem(ProblemSeverity.Error, nameof(ResultsFile), Messages.Run_FileError, GetType().Name, ex.Message));
            DeleteResultsFile();
        }
    }

    private void DeleteResultsFile()
    {
        if (string.IsNullOrEmpty(ResultsFile))
        {
            return;
        }

        try
        {
            File.Delete(ResultsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Not worth a second error: the build has already failed with the first.
        }
    }

    private static string? HelpKeyword(string? code) => code is null ? null : "CodeArtifact." + code;
}
