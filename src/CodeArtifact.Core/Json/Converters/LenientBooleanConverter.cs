using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Json.Converters;

/// <summary>
/// Reads a boolean the service sends as <c>true</c> or as the string <c>"true"</c> (file tree
/// <c>has_child</c>, <c>uploadAccess</c>); also <c>"1"</c>/<c>"0"</c>. Null and <c>""</c> read as null.
/// </summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && number is 0 or 1:
                return number == 1;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (bool.TryParse(text, out var value))
                {
                    return value;
                }

                return text switch
                {
                    "1" => true,
                    "0" => false,
                    _ => throw new JsonException($"Expected a boolean, got the string \"{text}\"."),
                };
            default:
                throw new JsonException($"Expected a boolean, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBooleanValue(value.Value);
        }
    }
}
