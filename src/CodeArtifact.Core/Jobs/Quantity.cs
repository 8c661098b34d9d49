using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>Counts for log lines and reports: invariant digits and the right plural ("1 file", "2 files").</summary>
internal static class Quantity
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(int count, string singular, string? plural = null) =>
        Number(count) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
