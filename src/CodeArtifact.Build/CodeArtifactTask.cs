using System.Globalization;
using CodeArtifact.Build.Resources;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Core.Validation;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace CodeArtifact.Build;

/// <summary>
/// What every CodeArtifact task shares: the non-secret connection parameters, cancellation, the
/// mapping of Core's log events to MSBuild messages and warnings, reports, and the one place where
/// an expected failure becomes one coded error (never MSB4018, never a stack trace).
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
        : base(Strings.ResourceManager, "CodeArtifact.")
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

    /// <summary>Where to write the job's JSON report (stable schema, no secrets), for pipelines to read.</summary>
    public string? ReportFile { get; set; }

    /// <summary>Where to write the job's report as Markdown (for a CI job summary).</summary>
    public string? MarkdownSummaryFile { get; set; }

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
        var succeeded = false;
        _executing = true;
        try
        {
            ExecuteAsync(_cancellation.Token).GetAwaiter().GetResult();
            succeeded = !Log.HasLoggedErrors && !_cancellation.IsCancellationRequested;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.LogMessageFromResources(MessageImportance.Low, "CodeArtifactTask.Canceled", GetType().Name);
        }
        catch (CodeArtifactException ex)
        {
            LogFailure(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A path the build gave cannot be used (bad characters, no permission, full disk).
            Log.LogErrorWithCodeFromResources("CodeArtifactTask.FileError", GetType().Name, ex.Message);
            LogDetail(ex);
        }
        finally
        {
            lock (_logGate)
            {
                _executing = false;
            }

            if (!succeeded)
            {
                // A stale results file would let the next build skip the target as up to date.
                DeleteResultsFile();
            }
        }

        // A cancelled task has not done its work, even when it logged no error (MSBuild does not
        // ask for one once the build is cancelled).
        return succeeded;
    }

    /// <summary>Runs the task's job with a connected client; sets outputs and logs per-file outcomes.</summary>
    /// <returns>The job's result, for the reports; null when the inputs were refused (errors logged) before the job ran.</returns>
    private protected abstract Task<JobResult?> RunJobAsync(CodeArtifactClient client, Action<CodeArtifactLogEvent> log, CancellationToken cancellationToken);

    /// <summary>The task's outputs to keep in <see cref="ResultsFile"/>: (output parameter name, item).</summary>
    private protected virtual IEnumerable<(string Output, ITaskItem Item)> Results() => [];

    /// <summary>Events of Core that the task reports itself, in its own way (a warning that is an error in a build).</summary>
    private protected virtual bool IsReportedByTask(CodeArtifactLogEvent logEvent) => false;

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

    private async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var options = TaskConnection.CreateOptions(this, EnvironmentOverride, OnLogEvent);
        options.Transport = Transport;
        Log.LogMessageFromResources(MessageImportance.Low, "CodeArtifactTask.Connecting", options.Endpoint?.ToString() ?? options.Region ?? string.Empty, options.Credentials?.Describe() ?? string.Empty, options.CredentialSource ?? string.Empty);

        using var client = new CodeArtifactClient(options);
        var result = await RunJobAsync(client, OnLogEvent, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return;
        }

        // Reports are written even when the job found problems (a pipeline wants to read why),
        // and even after cancellation (a cut-off cleanup lists what it did delete).
        await WriteReportsAsync(result).ConfigureAwait(false);

        if (!Log.HasLoggedErrors && !cancellationToken.IsCancellationRequested && !string.IsNullOrEmpty(ResultsFile))
        {
            ResultsProject.Write(ResultsFile, Results());
        }
    }

    private async Task WriteReportsAsync(JobResult result)
    {
        await WriteReportAsync(ReportFile, path => JobReport.WriteJsonAsync(path, result, CancellationToken.None)).ConfigureAwait(false);
        await WriteReportAsync(MarkdownSummaryFile, path => JobReport.WriteMarkdownAsync(path, result, append: false, CancellationToken.None)).ConfigureAwait(false);
    }

    private async Task WriteReportAsync(string? path, Func<string, Task> write)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        try
        {
            await write(path).ConfigureAwait(false);
            Log.LogMessageFromResources(MessageImportance.Low, "CodeArtifactTask.ReportWritten", path);
        }
        catch (CodeArtifactException ex)
        {
            LogFailure(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.LogErrorWithCodeFromResources("CodeArtifactTask.ReportFailed", path, ex.Message);
        }
    }

    /// <summary>Core's events, from any thread: Detail at low importance, Info at normal, Warning with its code.</summary>
    private void OnLogEvent(CodeArtifactLogEvent logEvent)
    {
        lock (_logGate)
        {
            // MSBuild forbids logging once Execute has returned; a late event from a cancelled
            // request has nowhere to go.
            if (!_executing || IsReportedByTask(logEvent))
            {
                return;
            }

            switch (logEvent.Severity)
            {
                case LogSeverity.Warning:
                    Log.LogWarning(null, logEvent.Code, HelpKeyword(logEvent.Code), null, 0, 0, 0, 0, logEvent.Message);
                    break;
                case LogSeverity.Info:
                    Log.LogMessage(MessageImportance.Normal, logEvent.Message);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, logEvent.Message);
                    break;
            }
        }
    }

    private protected void LogFailure(CodeArtifactException exception)
    {
        var message = exception.Message;
        if (!string.IsNullOrEmpty(exception.TraceId) && !message.Contains(exception.TraceId, StringComparison.Ordinal))
        {
            message += " " + string.Format(CultureInfo.CurrentCulture, Strings.CodeArtifactTask_TraceId, exception.TraceId);
        }

        Log.LogError(null, exception.Code, HelpKeyword(exception.Code), null, 0, 0, 0, 0, message);
        LogDetail(exception);
    }

    /// <summary>The chain of causes, at low importance: their messages, not their stack traces.</summary>
    private void LogDetail(Exception exception)
    {
        var causes = new List<string>();
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            causes.Add($"{cause.GetType().Name}: {cause.Message}");
        }

        if (causes.Count > 0)
        {
            Log.LogMessageFromResources(MessageImportance.Low, "CodeArtifactTask.ExceptionDetail", string.Join(" <- ", causes));
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
