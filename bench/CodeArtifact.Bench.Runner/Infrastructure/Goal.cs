using System.Globalization;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>A case's goal on its figure, and how far a figure is from it.</summary>
internal sealed class Goal
{
    private readonly Func<double, bool> _isMet;
    private readonly Func<double, string> _gap;

    private Goal(string text, Func<double, bool> isMet, Func<double, string> gap)
    {
        Text = text;
        _isMet = isMet;
        _gap = gap;
    }

    public string Text { get; }

    /// <summary>A ratio (baseline ÷ ours, higher is better) of at least <paramref name="threshold"/>.</summary>
    public static Goal RatioAtLeast(double threshold) => new(
        string.Create(CultureInfo.InvariantCulture, $"≥ {threshold:0.##}×"),
        v => v >= threshold,
        v => string.Create(CultureInfo.InvariantCulture, $"{(threshold - v) / threshold:P1} short"));

    /// <summary>A ratio strictly above <paramref name="threshold"/> ("ahead of").</summary>
    public static Goal RatioAbove(double threshold) => new(
        string.Create(CultureInfo.InvariantCulture, $"> {threshold:0.##}× (ahead)"),
        v => v > threshold,
        v => string.Create(CultureInfo.InvariantCulture, $"{(threshold - v) / threshold:P1} behind"));

    /// <summary>A value of at most <paramref name="threshold"/> (lower is better).</summary>
    public static Goal AtMost(double threshold, Unit unit, string? text = null) => new(
        text ?? $"≤ {Units.Format(threshold, unit)}",
        v => v <= threshold,
        v => $"{Units.Format(v - threshold, unit)} over");

    /// <summary>A value of at least <paramref name="threshold"/> (higher is better).</summary>
    public static Goal AtLeast(double threshold, Unit unit) => new(
        $"≥ {Units.Format(threshold, unit)}",
        v => v >= threshold,
        v => string.Create(CultureInfo.InvariantCulture, $"{(threshold - v) / threshold:P1} short"));

    public bool IsMet(double figure) => _isMet(figure);

    /// <summary>How far <paramref name="figure"/> is from the goal, when it is not met.</summary>
    public string Gap(double figure) => _gap(figure);
}
