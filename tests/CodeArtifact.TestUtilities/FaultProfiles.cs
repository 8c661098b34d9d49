using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.TestUtilities;

/// <summary>The fault mixes the reliability tests of every project run under, defined once.</summary>
public static class FaultProfiles
{
    /// <summary>
    /// 30 % of requests fail, 7.5 % each: a 429 with <c>Retry-After: 1</c>, a 503, a connection
    /// dropped before the request is handled, and a request applied whose answer is then lost (the
    /// delete is done, the client sees a dropped connection). Every request is 50 ms late. Seeded,
    /// so a failure can be replayed.
    /// </summary>
    public static FaultOptions ThirtyPercent(int seed) => new()
    {
        LatencyMs = 50,
        Rate429 = 0.075,
        Rate5xx = 0.075,
        RateDrop = 0.075,
        RateLostAnswer = 0.075,
        RetryAfterSeconds = 1,
        RandomSeed = seed,
    };

    /// <summary>Every request to a path under one of <paramref name="prefixes"/> fails the same way, for ever: <c>429</c>, <c>503</c> or <c>drop</c>.</summary>
    public static FaultOptions Persistent(string kind, params string[] prefixes) => kind switch
    {
        "429" => new FaultOptions { Rate429 = 1, RetryAfterSeconds = 1, PathPrefixes = prefixes },
        "503" => new FaultOptions { Rate5xx = 1, PathPrefixes = prefixes },
        "drop" => new FaultOptions { RateDrop = 1, PathPrefixes = prefixes },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "429, 503 or drop"),
    };
}
