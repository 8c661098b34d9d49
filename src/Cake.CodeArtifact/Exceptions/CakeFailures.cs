using Cake.Core;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>
/// A failed run as the addin's failure: a <see cref="CakeException"/> whose message is the run's
/// coded errors (<c>CART####: text</c>, one per line, the same lines the MSBuild tasks log), and
/// whose inner exception is the addin's typed exception (the code, and the job's result where
/// there is one), which in turn holds Core's original exception.
/// </summary>
internal static class CakeFailures
{
    public static CakeException ToCake(CodeArtifactAliasException exception) => new(exception.Message, exception);

    /// <summary>The typed exception of a run that did not succeed: the subclass of the block of the code that stopped it.</summary>
    public static CodeArtifactAliasException From(JobRun run)
    {
        // The line that stopped the run first, so that it gives the exception its code; then every file's.
        var errors = run.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (run.Failure is { } stop && errors.Remove(stop))
        {
            errors.Insert(0, stop);
        }

        var first = errors.FirstOrDefault() ?? run.Failure ?? throw new InvalidOperationException("A run that did not succeed has no error.");
        var message = Join(errors.Select(e => e.ToString()));
        var cause = run.Exception;
        var service = cause as CodeArtifactException;
        return Block(first.Code) switch
        {
            "00" => new CodeArtifactConfigurationException(message, cause) { ParameterName = first.Subject },
            "01" => new CodeArtifactServiceException(message, cause)
            {
                HttpStatus = service?.HttpStatus ?? 0,
                ServiceErrorCode = service?.ServiceErrorCode,
                TraceId = service?.TraceId,
                Operation = service?.Operation,
            },
            "03" => new CodeArtifactVerificationException(message, cause) { Result = run.Result as ChecksumVerificationResult },
            _ when run.Result is CleanupResult cleanup => new CodeArtifactCleanupException(message, cause) { Cleanup = cleanup },
            _ when run.Result is RestoreResult restore => new CodeArtifactCleanupException(message, cause) { Restore = restore },
            _ when run.Result is PublishResult publish => new CodeArtifactPublishException(message, cause) { Result = publish },
            _ when first.Code == ErrorCodes.Cancelled => new CodeArtifactAliasException(message, cause),
            "05" => new CodeArtifactCleanupException(message, cause),
            "06" => new CodeArtifactPublishException(message, cause),
            _ => new CodeArtifactAliasException(message, cause),
        };
    }

    /// <summary>Coded texts as one message: every line, in order.</summary>
    public static string Join(IEnumerable<string> messages) => string.Join(Environment.NewLine, messages);

    private static string Block(string code) => code.Length == 8 && code.StartsWith("CART", StringComparison.Ordinal) ? code[4..6] : string.Empty;
}
