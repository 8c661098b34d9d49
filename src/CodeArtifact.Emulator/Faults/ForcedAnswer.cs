namespace CodeArtifact.Emulator.Faults;

/// <summary>
/// A failure forced on the requests for one target, whatever the random faults draw: for tests
/// that need one file's look-up to fail in a given way while every other request succeeds. Like
/// the other faults it is answered before authentication, so nothing is done.
/// </summary>
/// <remarks>
/// A request matches when it satisfies every target that is set: <see cref="PathPrefix"/> against
/// the request path, <see cref="FilePath"/> against the <c>path</c> query parameter that names the
/// file of file detail and file tree. The n-th matching request gets <c>Statuses[n]</c>, and every
/// later one the last status, so <c>[503, 503, 500]</c> is "a 500 after two retried 503s".
/// </remarks>
public sealed record ForcedAnswer
{
    /// <summary>The answers this emulator can force, with the body each one has.</summary>
    public static IReadOnlyDictionary<int, string> Supported { get; } = new Dictionary<int, string>
    {
        [200] = "HTTP 200 whose v5 envelope says status \"error\" (CR.5000)",
        [403] = "CR.4102, no permission on the project",
        [500] = "CR.5000, unknown service error",
        [503] = "the gateway's backend unavailable",
    };

    /// <summary>A request path prefix (ordinal, case-insensitive), such as <c>/v2/</c>; null: any path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>The file a request names in its <c>path</c> query parameter (exact; the leading <c>/</c> is optional); null: any.</summary>
    public string? FilePath { get; init; }

    /// <summary>The statuses of the matching requests, in order; the last one repeats. See <see cref="Supported"/>.</summary>
    public IReadOnlyList<int> Statuses { get; init; } = [];

    /// <summary>True when a request for <paramref name="requestPath"/> naming <paramref name="filePath"/> is one of this answer's.</summary>
    public bool Matches(string requestPath, string? filePath) =>
        (PathPrefix is null || requestPath.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        && (FilePath is null || (filePath is not null && string.Equals(Rooted(FilePath), Rooted(filePath), StringComparison.Ordinal)));

    /// <summary>Throws when no target is set, no status is given, or a status is not <see cref="Supported"/>.</summary>
    public void Validate()
    {
        if (PathPrefix is null && FilePath is null)
        {
            throw new ArgumentException("A forced answer needs a PathPrefix or a FilePath: without either it would answer every request.", nameof(PathPrefix));
        }

        if (Statuses.Count == 0)
        {
            throw new ArgumentException("A forced answer needs at least one status.", nameof(Statuses));
        }

        foreach (var status in Statuses.Where(s => !Supported.ContainsKey(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(Statuses), status, $"A forced answer can be {string.Join(", ", Supported.Keys)}.");
        }
    }

    private static string Rooted(string path) => path.StartsWith('/') ? path : "/" + path;
}
