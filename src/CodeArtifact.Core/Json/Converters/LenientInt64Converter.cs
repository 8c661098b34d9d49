using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Json.Converters;

/// <summary>
/// Reads a whole number sent as a number (<c>"total": 1</c>, where the table says String) or as a
/// string of digits (<c>"size": "1056"</c>). Null and <c>""</c> read as null.
/// </summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                {
                    return number;
                }

                // A whole number written as 12.0 is still whole.
                var real = reader.GetDouble();
                return real == Math.Floor(real) && Math.Abs(real) < 9e15
                    ? (long)real
                    : throw new JsonException($"Expected a whole number, got {real.ToString(CultureInfo.InvariantCulture)}.");
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new JsonException($"Expected a whole number, got the string \"{text}\".");
            default:
                throw new JsonException($"Expected a whole number, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}
