using System.Globalization;

namespace Cake.CodeArtifact;

/// <summary>How settings become job options: blanks are unset, list entries are trimmed and blanks dropped.</summary>
internal static class SettingValues
{
    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static IReadOnlyList<string> List(IEnumerable<string?>? values) =>
        values is null ? [] : [.. values.Select(v => v?.Trim() ?? string.Empty).Where(v => v.Length > 0)];

    /// <summary>A number setting as the connection's text (invariant), or null when unset.</summary>
    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
