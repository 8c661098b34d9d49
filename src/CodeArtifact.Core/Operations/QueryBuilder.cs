using System.Globalization;

namespace CodeArtifact.Core.Operations;

/// <summary>Collects query pairs in order, leaving out values that were not given.</summary>
internal sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public QueryBuilder Add(string key, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(key, value));
        }

        return this;
    }

    public QueryBuilder Add(string key, int? value) =>
        Add(key, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Booleans go out as <c>true</c>/<c>false</c>, as the documented examples send them.</summary>
    public QueryBuilder Add(string key, bool? value) =>
        Add(key, value is null ? null : value.Value ? "true" : "false");

    public IReadOnlyList<KeyValuePair<string, string>> Build() => _pairs.ToArray();
}
