using System.Globalization;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>What a side's values are, and how they print.</summary>
internal enum Unit
{
    Seconds,
    MiB,
    RequestsPerSecond,
    RoundTrips,
}

internal static class Units
{
    public const double Mebi = 1024 * 1024;

    public static string Format(double value, Unit unit) => unit switch
    {
        Unit.Seconds when Math.Abs(value) < 0.1 => string.Create(CultureInfo.InvariantCulture, $"{value * 1000:0.#} ms"),
        Unit.Seconds when Math.Abs(value) < 1 => string.Create(CultureInfo.InvariantCulture, $"{value * 1000:0} ms"),
        Unit.Seconds => string.Create(CultureInfo.InvariantCulture, $"{value:0.00} s"),
        Unit.MiB => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} MiB"),
        Unit.RequestsPerSecond => string.Create(CultureInfo.InvariantCulture, $"{value:#,0}/s"),
        Unit.RoundTrips => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} round trips"),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"median (min–max)", or the single value when there was one run.</summary>
    public static string Describe(Samples samples, Unit unit) =>
        samples.Count == 1
            ? $"{Format(samples.Median, unit)} (1 run)"
            : $"{Format(samples.Median, unit)} ({Format(samples.Min, unit)}–{Format(samples.Max, unit)}, {samples.Count} runs)";

    public static string Bytes(long bytes) => bytes >= 1L << 30 && bytes % (1L << 30) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / Mebi:0.#} MiB");

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
