namespace CodeArtifact.Emulator.Faults;

/// <summary>What happens to one request.</summary>
internal enum FaultKind
{
    None,
    Drop,
    Throttle,
    Unavailable,
    LostAnswer,
}

/// <summary>
/// Holds the current <see cref="FaultOptions"/> and the seeded generator. Setting new options
/// restarts the generator, so a test that sets a seed gets the same sequence every run.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultOptions _options = FaultOptions.None;
    private Random _random = new();
    private int[] _forcedCounts = [];

    public FaultInjector(FaultOptions options) => Options = options;

    public FaultOptions Options
    {
        get
        {
            lock (_gate)
            {
                return _options;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            lock (_gate)
            {
                _options = value;
                _random = value.RandomSeed is { } seed ? new Random(seed) : new Random();
                _forcedCounts = new int[value.ForcedAnswers?.Count ?? 0];
            }
        }
    }

    /// <summary>Decides the fault for one request; latency is returned apart (it applies even when nothing else does).</summary>
    public (FaultKind Kind, int LatencyMs, int RetryAfterSeconds) Decide(string path)
    {
        lock (_gate)
        {
            var options = _options;
            if (options.IsNone || !Applies(options, path))
            {
                return (FaultKind.None, 0, 0);
            }

            // The lost answer takes the last slice of the draw, so that a seed gives the same
            // drops, 429s and 503s as before the kind existed.
            var draw = _random.NextDouble();
            var kind = draw < options.RateDrop ? FaultKind.Drop
                : draw < options.RateDrop + options.Rate429 ? FaultKind.Throttle
                : draw < options.RateDrop + options.Rate429 + options.Rate5xx ? FaultKind.Unavailable
                : draw < options.RateDrop + options.Rate429 + options.Rate5xx + options.RateLostAnswer ? FaultKind.LostAnswer
                : FaultKind.None;
            return (kind, options.LatencyMs, options.RetryAfterSeconds);
        }
    }

    /// <summary>The status forced on this request by the first <see cref="FaultOptions.ForcedAnswers"/> entry it matches, or null.</summary>
    public int? Forced(string path, string? filePath)
    {
        lock (_gate)
        {
            var forced = _options.ForcedAnswers ?? [];
            for (var i = 0; i < forced.Count; i++)
            {
                if (forced[i].Matches(path, filePath))
                {
                    var statuses = forced[i].Statuses;
                    return statuses[Math.Min(_forcedCounts[i]++, statuses.Count - 1)];
                }
            }

            return null;
        }
    }

    private static bool Applies(FaultOptions options, string path) =>
        options.PathPrefixes is not { Count: > 0 } prefixes
        || prefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
