using Cake.CodeArtifact.Resources;
using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// The boundary where Core's failures become the addin's: same code, same text, the original
/// as the inner exception, and the subclass that matches the code's block.
/// </summary>
internal static class CakeFailures
{
    public static CodeArtifactCakeException From(CodeArtifactException exception)
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
            _ => new CodeArtifactCakeException(code, text, exception),
        };
    }

    /// <summary>A path given to an alias that the file system refused (bad characters, no permission, full disk).</summary>
    public static CodeArtifactConfigurationException FileError(string aliasName, Exception exception) =>
        new(Messages.Format(Strings.CodeArtifactTask_FileError, aliasName, exception.Message), exception);

    /// <summary>Shared texts, each starting with its code, as one message: every line, in order.</summary>
    public static string Join(IEnumerable<string> messages) => string.Join(Environment.NewLine, messages);

    // As the MSBuild tasks do: the trace id is what support asks for, so it is never dropped.
    private static string WithTraceId(string text, string? traceId) =>
        string.IsNullOrEmpty(traceId) || text.Contains(traceId, StringComparison.Ordinal)
            ? text
            : text + " " + Messages.Format(Strings.CodeArtifactTask_TraceId, traceId);

    private static string Block(string code) => code.Length == 8 && code.StartsWith("CART", StringComparison.Ordinal) ? code[4..6] : string.Empty;
}
