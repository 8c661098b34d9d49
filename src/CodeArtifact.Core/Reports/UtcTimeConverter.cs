using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// Report times in one zone: UTC, ISO 8601 with <c>Z</c> (<c>2025-06-01T12:00:00Z</c>). The
/// service gives file times in UTC+08:00 and the jobs their own in UTC; a reader should not have
/// to compare the two.
/// </summary>
internal sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
