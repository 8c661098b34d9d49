using System.Globalization;

namespace Cake.CodeArtifact;

/// <summary>Formats the shared texts (see <c>Resources/Strings.resx</c>) the way the MSBuild tasks do.</summary>
internal static class Messages
{
    public static string Format(string text, params object?[] args) => string.Format(CultureInfo.InvariantCulture, text, args);

    /// <summary>The <c>CART####</c> code a shared text starts with.</summary>
    public static string CodeOf(string? message) =>
        message is { Length: >= 8 } && message.StartsWith("CART", StringComparison.Ordinal) && message[4..8].All(char.IsAsciiDigit) ? message[..8] : string.Empty;

    /// <summary>The text after <c>CART####: </c>.</summary>
    public static string TextOf(string message) => CodeOf(message).Length == 0 ? message : message[8..].TrimStart(':', ' ');
}
