using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Json.Converters;

/// <summary>
/// Reads a Maven repository <c>policy</c>, which sources spell <c>release</c>, <c>releases</c> or
/// <c>snapshot</c>, as <c>release</c> or <c>snapshot</c>. Other values are kept as sent.
/// </summary>
internal sealed class MavenPolicyConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public static string? Normalize(string? policy) =>
        policy?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "release" or "releases" => "release",
            "snapshot" or "snapshots" => "snapshot",
            _ => policy,
        };

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Normalize(reader.GetString()),
            _ => throw new JsonException($"Expected a policy string, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
