using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Json.Converters;

/// <summary>
/// Reads the recycle-bin answer's <c>result</c>: the string <c>"success"</c> (2023 docs) or
/// <c>{successNum, failedNum, failedMessages}</c> (current docs and SDKs). A null result reads as a
/// bare success, since the envelope already said <c>status: "success"</c>.
/// </summary>
internal sealed class TrashcanResultConverter : JsonConverter<TrashcanResultDto>
{
    public override bool HandleNull => true;

    public override TrashcanResultDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new TrashcanResultDto { Text = null };
            case JsonTokenType.String:
                return new TrashcanResultDto { Text = reader.GetString() };
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    return new TrashcanResultDto
                    {
                        IsCounted = true,
                        SuccessNum = Count(root, "successNum"),
                        FailedNum = Count(root, "failedNum"),
                        FailedMessages = Messages(root),
                    };
                }

            default:
                throw new JsonException($"Expected \"success\" or {{successNum, failedNum, failedMessages}}, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TrashcanResultDto value, JsonSerializerOptions options)
    {
        if (!value.IsCounted)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("successNum", value.SuccessNum ?? 0);
        writer.WriteNumber("failedNum", value.FailedNum ?? 0);
        writer.WriteStartArray("failedMessages");
        foreach (var message in value.FailedMessages)
        {
            writer.WriteStringValue(message);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static int? Count(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Null => null,
            _ => throw new JsonException($"Expected a count in \"{name}\", got {element.ValueKind}."),
        };
    }

    private static IReadOnlyList<string> Messages(JsonElement root)
    {
        if (!root.TryGetProperty("failedMessages", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        return element.EnumerateArray()
            .Where(item => item.ValueKind != JsonValueKind.Null)
            .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText())
            .ToArray();
    }
}
