using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// A setting, credential or input that cannot work (codes <c>CART00xx</c>). Always raised
/// before any request is sent; <see cref="ParameterName"/> names the setting to fix.
/// </summary>
public class CodeArtifactConfigurationException : CodeArtifactAliasException
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.InvalidArgument"/>.</summary>
    public CodeArtifactConfigurationException()
        : base(ErrorCodes.InvalidArgument, "Invalid CodeArts Artifact settings.")
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    public CodeArtifactConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART00xx</c> code.</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactConfigurationException(string code, string text, Exception? innerException = null)
        : base(code, text, innerException)
    {
    }

    /// <summary>The setting at fault, when one is.</summary>
    public string? ParameterName { get; init; }
}
