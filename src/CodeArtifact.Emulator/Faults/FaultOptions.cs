namespace CodeArtifact.Emulator.Faults;

/// <summary>
/// Faults the emulator injects: added latency, then at most one of a dropped connection, a 429
/// with <c>Retry-After</c> or a 503 (all before the request reaches authentication, so nothing is
/// done), or a lost answer (the request is handled in full, then its connection is dropped before
/// a byte of the answer is sent). Each request that the faults apply to draws one number from a
/// generator seeded with <see cref="RandomSeed"/>, so the same seed and the same sequence of
/// requests give the same faults.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Added to every affected request before it is handled.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of affected requests answered 429 (<c>APIGW.0308</c>) with <c>Retry-After</c>, 0–1.</summary>
    public double Rate429 { get; init; }

    /// <summary>Share of affected requests answered 503, 0–1.</summary>
    public double Rate5xx { get; init; }

    /// <summary>Share of affected requests whose connection is aborted without an answer, 0–1.</summary>
    public double RateDrop { get; init; }

    /// <summary>
    /// Share of affected requests that are applied (a delete really deletes, a restore restores) and
    /// whose connection is then dropped without an answer, 0–1: "the work was done but its answer was
    /// lost". The request log shows the status the emulator would have answered, with fault
    /// <see cref="FaultNames.LostAnswer"/>.
    /// </summary>
    public double RateLostAnswer { get; init; }

    /// <summary>The <c>Retry-After</c> value sent with an injected 429, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Seed of the fault generator; null draws a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Path prefixes the faults apply to (ordinal, case-insensitive); null or empty: every path.</summary>
    public IReadOnlyList<string>? PathPrefixes { get; init; }

    /// <summary>
    /// Answers forced on the requests they match, before the random faults are drawn (a matching
    /// request draws no number, so a seed gives the other requests the same faults as without them).
    /// </summary>
    public IReadOnlyList<ForcedAnswer>? ForcedAnswers { get; init; }

    /// <summary>No fault at all.</summary>
    public static FaultOptions None { get; } = new();

    /// <summary>True when no fault can occur.</summary>
    public bool IsNone => LatencyMs <= 0 && Rate429 <= 0 && Rate5xx <= 0 && RateDrop <= 0 && RateLostAnswer <= 0 && ForcedAnswers is not { Count: > 0 };

    /// <summary>Throws when a rate is outside 0–1 (or NaN), the rates add up to more than 1, or a time is negative.</summary>
    public void Validate()
    {
        foreach (var (name, rate) in new[] { (nameof(Rate429), Rate429), (nameof(Rate5xx), Rate5xx), (nameof(RateDrop), RateDrop), (nameof(RateLostAnswer), RateLostAnswer) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(name, rate, $"{name} must be between 0 and 1.");
            }
        }

        if (Rate429 + Rate5xx + RateDrop + RateLostAnswer > 1)
        {
            throw new ArgumentException("Rate429 + Rate5xx + RateDrop + RateLostAnswer must not exceed 1.", nameof(Rate429));
        }

        if (LatencyMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LatencyMs), LatencyMs, "LatencyMs must not be negative.");
        }

        foreach (var forced in ForcedAnswers ?? [])
        {
            ArgumentNullException.ThrowIfNull(forced, nameof(ForcedAnswers));
            forced.Validate();
        }

        if (RetryAfterSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfterSeconds), RetryAfterSeconds, "RetryAfterSeconds must not be negative.");
        }
    }
}
