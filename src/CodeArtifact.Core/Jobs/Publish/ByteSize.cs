using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>Byte counts for log lines and summaries: <c>512 bytes</c>, <c>8.0 MiB</c>, <c>1.6 GiB</c> (binary units, invariant digits).</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return Quantity.Of((int)Math.Max(0, bytes), "byte");
        }

        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
