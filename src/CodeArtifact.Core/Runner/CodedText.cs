using System.Globalization;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// Formats the texts of the <see cref="Messages"/> catalogue: invariant culture, and a coded text
/// (<c>CART####: text</c>) split into its code and its text, the shape of a <see cref="JobProblem"/>.
/// </summary>
internal static class CodedText
{
    private const int CodeLength = 8;

    /// <summary>A catalogue text with its arguments, in the invariant culture.</summary>
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>The <c>CART####</c> code a text starts with, or null.</summary>
    public static string? CodeOf(string? message) =>
        message is { Length: > CodeLength }
        && message.StartsWith("CART", StringComparison.Ordinal)
        && message.AsSpan(4, 4).IndexOfAnyExceptInRange('0', '9') < 0
        && message[CodeLength] == ':'
            ? message[..CodeLength]
            : null;

    /// <summary>The text after <c>CART####: </c> (the whole text when it has no code).</summary>
    public static string TextOf(string message) =>
        CodeOf(message) is null ? message : message[(CodeLength + 1)..].TrimStart();

    /// <summary>A coded catalogue text as a problem.</summary>
    public static JobProblem Problem(ProblemSeverity severity, string? subject, string template, params object?[] args)
    {
        var message = Format(template, args);
        var code = CodeOf(message) ?? throw new ArgumentException($"The catalogue text \"{template}\" has no CART code.", nameof(template));
        return new JobProblem(severity, code, TextOf(message), subject);
    }

    /// <summary>A coded catalogue text as the exception to throw, naming the parameter at fault.</summary>
    public static CodeArtifactException Failure(string? parameterName, Exception? innerException, string template, params object?[] args)
    {
        var message = Format(template, args);
        var code = CodeOf(message) ?? throw new ArgumentException($"The catalogue text \"{template}\" has no CART code.", nameof(template));
        return new CodeArtifactException(code, TextOf(message), innerException) { ParameterName = parameterName };
    }
}
