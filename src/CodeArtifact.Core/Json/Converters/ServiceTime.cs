using System.Globalization;

namespace CodeArtifact.Core.Json.Converters;

/// <summary>
/// Reads the time forms the service sends: epoch milliseconds (<c>"1701220753711"</c>), ISO 8601
/// with an offset (<c>2023-11-29T09:56:51.349+08:00</c>), and local times without an offset
/// (<c>2023-11-14 19:29:46</c>, <c>2023/10/27 15:46:19</c>, <c>2023-11-22</c>), which are the
/// service's local time.
/// </summary>
/// <remarks>
/// This is not a <c>JsonConverter</c> on purpose: the offset of local times is a client setting
/// (<see cref="CodeArtifactClientOptions.ServiceTimeOffset"/>), so the DTOs keep the raw text
/// (through <see cref="StringOrNumberConverter"/>) and the DTO-to-model mapping calls
/// <see cref="Parse"/> with the client's offset.
/// </remarks>
internal static class ServiceTime
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>
    /// The instant <paramref name="raw"/> names, or null when it is empty, zero or negative epoch
    /// milliseconds (the service's "never", as in <c>lastDownloaded: 0</c>), or in no known form.
    /// </summary>
    public static DateTimeOffset? Parse(string? raw, TimeSpan serviceOffset)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.All(char.IsAsciiDigit) || (text[0] == '-' && text.Length > 1 && text.Skip(1).All(char.IsAsciiDigit)))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
                   && milliseconds > 0 && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), serviceOffset);
        }

        // Only strings with an explicit offset or Z get here: the local forms were tried first, so
        // nothing falls back to this machine's time zone.
        return DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset)
            ? withOffset
            : null;
    }
}
