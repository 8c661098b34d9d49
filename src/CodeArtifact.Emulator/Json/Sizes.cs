using System.Globalization;

namespace CodeArtifact.Emulator.Json;

/// <summary>Human sizes as the service shows them: <c>1.03 KB</c>, <c>549.62 MB</c>, <c>1,010.15 KB</c>.</summary>
internal static class Sizes
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    public static string Display(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
            : value.ToString("#,##0.##", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>Megabytes with two decimals, as storage summaries show them (<c>0 MB</c> when empty).</summary>
    public static string Megabytes(long bytes) =>
        bytes == 0 ? "0 MB" : (bytes / 1024d / 1024d).ToString("#,##0.##", CultureInfo.InvariantCulture) + " MB";
}
