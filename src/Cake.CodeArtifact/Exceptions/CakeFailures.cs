using Cake.CodeArtifact.Resources;
using Cake.Core;
using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// The boundary every alias runs inside. Failures leave it as a <see cref="CakeException"/> whose
/// message is the MSBuild task's error (<c>CART####: text</c>) and whose inner exception is the
/// addin's typed exception (code, and the job's result where there is one), which in turn holds
/// Core's original exception.
/// </summary>
internal static class CakeFailures
{
    public static T Boundary<T>(string aliasName, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (CodeArtifactException ex)
        {
            throw ToCake(From(ex));
        }
        catch (CodeArtifactAliasException ex)
        {
            throw ToCake(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A path given to the alias that the file system refused (bad characters, no permission, full disk).
            throw ToCake(new CodeArtifactConfigurationException(Messages.Format(Strings.CodeArtifactTask_FileError, aliasName, ex.Message), ex));
        }
    }

    public static CakeException ToCake(CodeArtifactAliasException exception) => new(exception.Message, exception);

    /// <summary>Core's failure as the addin's: same code, same text, the subclass of the code's block.</summary>
    public static CodeArtifactAliasException From(CodeArtifactException exception)
    {
        var code = exception.Code;
        var text = WithTraceId(Messages.TextOf(exception.Message), exception.TraceId);
        return Block(code) switch
        {
            "00" => new CodeArtifactConfigurationException(code, text, exception) { ParameterName = exception.ParameterName },
            "01" => new CodeArtifactServiceException(code, text, exception)
            {
                HttpStatus = exception.HttpStatus,
                ServiceErrorCode = exception.ServiceErrorCode,
                TraceId = exception.TraceId,
                Operation = exception.Operation,
            },
            "03" => new CodeArtifactVerificationException(code, text, exception),
            "05" => new CodeArtifactCleanupException(code, text, exception),
            _ => new CodeArtifactAliasException(code, text, exception),
        };
    }

    /// <summary>Shared texts, each starting with its code, as one message: every line, in order.</summary>
    public static string Join(IEnumerable<string> messages) => string.Join(Environment.NewLine, messages);

    // As the MSBuild tasks do: the trace id is what support asks for, so it is never dropped.
    private static string WithTraceId(string text, string? traceId) =>
        string.IsNullOrEmpty(traceId) || text.Contains(traceId, StringComparison.Ordinal)
            ? text
            : text + " " + Messages.Format(Strings.CodeArtifactTask_TraceId, traceId);

    private static string Block(string code) => code.Length == 8 && code.StartsWith("CART", StringComparison.Ordinal) ? code[4..6] : string.Empty;
}
