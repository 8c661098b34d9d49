using System.Globalization;

namespace CodeArtifact.Emulator;

/// <summary>The time formats the service writes, in its local time (UTC+08:00 unless configured).</summary>
internal sealed class ServiceTime(TimeSpan offset)
{
    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, no offset (file detail, file tree children, repositories).</summary>
    public string Plain(DateTimeOffset value) =>
        value.ToOffset(offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with milliseconds and offset: <c>2023-11-29T09:56:51.349+08:00</c> (file tree root, search).</summary>
    public string Iso(DateTimeOffset value) =>
        value.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy/MM/dd HH:mm:ss</c> (audit log).</summary>
    public string Slashed(DateTimeOffset value) =>
        value.ToOffset(offset).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd</c> in service time.</summary>
    public string Day(DateTimeOffset value) =>
        value.ToOffset(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Epoch milliseconds as a string (advanced search <c>created</c>).</summary>
    public static string EpochMillis(DateTimeOffset value) =>
        value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public TimeSpan Offset => offset;
}
