namespace CodeArtifact.Core.Json.Converters;

/// <summary>
/// Merges a field the service sends under two spellings (<c>oldRepoId</c>/<c>oldRepoid</c>,
/// <c>userName</c>/<c>username</c>). The DTO reads both spellings into separate properties and the
/// mapping calls <see cref="Either"/>, so a null or empty spelling never hides a set one, whatever
/// the order of the keys.
/// </summary>
internal static class TwoSpellings
{
    public static string? Either(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first
        : !string.IsNullOrEmpty(second) ? second
        : first ?? second;
}
