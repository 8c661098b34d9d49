using System.Text.RegularExpressions;

namespace CodeArtifact.Core.Runner;

/// <summary>
/// Renames Core's parameter names in a message to the names the user set: <c>ProjectId</c> becomes
/// <c>CodeArtifactProjectId</c> when the MSBuild ready targets passed that property, <c>FileName</c>
/// becomes the Cake alias's <c>fileName</c> argument. Whole words only, one pass, so a renamed
/// name is never renamed again and <c>Include</c> inside <c>CodeArtifactCleanupInclude</c> is left alone.
/// </summary>
internal sealed class ParameterRenamer
{
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly Regex? _pattern;

    public ParameterRenamer(IReadOnlyDictionary<string, string>? names)
    {
        _names = names?.Where(n => n.Key.Length > 0 && n.Value.Length > 0 && n.Key != n.Value).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        if (_names.Count > 0)
        {
            // Longest first, so that a name that starts another (Path, Paths) never takes its place.
            var alternatives = string.Join('|', _names.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));

            // A neighbour that is part of a word, a path or a URL means it is not the parameter.
            _pattern = new Regex($@"(?<![\w/\\.-])(?:{alternatives})(?![\w/\\-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The front end's name of a Core parameter (as given when it has none).</summary>
    public string Name(string parameterName) => _names.TryGetValue(parameterName, out var name) ? name : parameterName;

    public string Rename(string message) =>
        _pattern is null || string.IsNullOrEmpty(message) ? message : _pattern.Replace(message, m => _names[m.Value]);
}
