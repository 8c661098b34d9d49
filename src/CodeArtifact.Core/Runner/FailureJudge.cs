using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// Turns how a run ended (a result, an exception, a cancellation) into its outcome and coded
/// problems: the one translation of failures both front ends report.
/// </summary>
internal sealed class FailureJudge(string title, string afterCancel, ParameterRenamer names, ReportFiles reports)
{
    /// <summary>Failures a run reports as coded problems; anything else is a bug and is left to crash.</summary>
    public static bool IsExpected(Exception exception) => exception
        is CodeArtifactException
        or OperationCanceledException
        or IOException
        or UnauthorizedAccessException
        or NotSupportedException
        or ArgumentException and not ArgumentNullException;

    public Verdict Judge(JobResult? result, Exception? failure)
    {
        var problems = result?.Problems.Select(Renamed).ToList() ?? [];
        JobProblem? stop = null;
        JobOutcome outcome;
        if (result is { Cancelled: true })
        {
            outcome = JobOutcome.Cancelled;
            stop = CancelledPartWay(result);
        }
        else if (failure is OperationCanceledException)
        {
            outcome = JobOutcome.Cancelled;
            stop = CodedText.Problem(ProblemSeverity.Error, null, Messages.Run_CancelledBeforeChanges, title);
        }
        else if (failure is CodeArtifactException exception)
        {
            outcome = IsRefusal(exception) ? JobOutcome.Refused : JobOutcome.Failed;
            var subject = exception.ParameterName is { } parameter ? names.Name(parameter) : exception.Operation;
            stop = new JobProblem(ProblemSeverity.Error, exception.Code, names.Rename(WithTraceId(exception.Message, exception.TraceId)), subject);
        }
        else if (failure is not null)
        {
            // A path given to the job that the file system refused (bad characters, no permission, full disk).
            outcome = JobOutcome.Refused;
            stop = CodedText.Problem(ProblemSeverity.Error, null, Messages.Run_FileError, title, failure.Message);
        }
        else
        {
            outcome = problems.Any(p => p.Severity == ProblemSeverity.Error) ? JobOutcome.Failed : JobOutcome.Succeeded;
        }

        if (stop is not null)
        {
            problems.Add(stop);
        }

        return new Verdict(outcome, stop, problems);
    }

    /// <summary>The chain of causes at detail level: their types and messages, never a stack trace.</summary>
    public static void LogCauses(Exception failure, RunLog log)
    {
        var causes = new List<string>();
        for (var cause = failure.InnerException; cause is not null; cause = cause.InnerException)
        {
            causes.Add($"{cause.GetType().Name}: {cause.Message}");
        }

        if (causes.Count > 0)
        {
            log.Detail(CodedText.Format(Messages.Run_ExceptionDetail, string.Join(" <- ", causes)));
        }
    }

    /// <summary>
    /// Refused: the inputs (a CART00xx code: invalid, missing, insecure, no credentials) or a
    /// safety rule of the job (MaxDeletions, a Maven repository, a path outside the root) stopped
    /// it before it changed anything; both name the parameter at fault.
    /// </summary>
    private static bool IsRefusal(CodeArtifactException exception) =>
        exception.Code.StartsWith("CART00", StringComparison.Ordinal) || exception.IsValidationError;

    private JobProblem CancelledPartWay(JobResult result)
    {
        var summary = result.Summary ?? string.Empty;
        return reports.JsonPath is { } report
            ? CodedText.Problem(ProblemSeverity.Error, null, Messages.Run_CancelledPartWay, title, summary, report, afterCancel)
            : CodedText.Problem(ProblemSeverity.Error, null, Messages.Run_CancelledPartWayWithoutReport, title, summary, names.Name("ReportFile"), afterCancel);
    }

    private JobProblem Renamed(JobProblem problem) => problem with { Message = names.Rename(problem.Message) };

    // The trace id is what support asks for, so it is never dropped.
    private static string WithTraceId(string message, string? traceId) =>
        string.IsNullOrEmpty(traceId) || message.Contains(traceId, StringComparison.Ordinal)
            ? message
            : message + " " + CodedText.Format(Messages.Run_TraceId, traceId);

    public sealed record Verdict(JobOutcome Outcome, JobProblem? Failure, IReadOnlyList<JobProblem> Problems);
}
