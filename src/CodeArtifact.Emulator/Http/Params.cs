using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Domain;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Http;

/// <summary>Reading and checking query parameters and JSON bodies; every failure is a documented 400.</summary>
internal static class Params
{
    public static string? Optional(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static string Required(HttpContext context, string name, ErrorShape shape = ErrorShape.ServiceV5) =>
        Optional(context, name) ?? throw EmulatorErrors.BadParameter(name, "the parameter is required.", shape);

    public static int Int(HttpContext context, string name, int defaultValue, int min, int max, ErrorShape shape = ErrorShape.ServiceV5)
    {
        var text = Optional(context, name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw EmulatorErrors.BadParameter(name, $"an integer from {min} to {max} is allowed, got '{text}'.", shape);
    }

    public static bool? Bool(HttpContext context, string name)
    {
        var text = Optional(context, name);
        return text switch
        {
            null => null,
            _ when bool.TryParse(text, out var value) => value,
            _ => throw EmulatorErrors.BadParameter(name, $"true or false is allowed, got '{text}'."),
        };
    }

    /// <summary>A repository-relative path parameter (leading <c>/</c> optional), normalised.</summary>
    public static string RepositoryPath(HttpContext context, string name = "path") =>
        Normalize(Required(context, name), name);

    public static string Normalize(string path, string name) =>
        RepoPath.TryNormalize(path, out var normalized)
            ? normalized
            : throw EmulatorErrors.BadParameter(name, $"a path of at most {RepoPath.MaxLength} characters without '.' or '..' segments is allowed.");

    public static string Format(HttpContext context, string name = "format")
    {
        var format = Required(context, name);
        return RepositoryCatalog.Formats.Contains(format)
            ? format
            : throw EmulatorErrors.BadParameter(name, "one of " + string.Join(", ", RepositoryCatalog.Formats.Order(StringComparer.Ordinal)) + " is allowed.");
    }

    /// <summary>Reads the JSON body; malformed JSON is a 400, never a 500.</summary>
    public static async Task<JsonNode> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false)
                ?? throw EmulatorErrors.BadBody("the body is empty or null.");
        }
        catch (JsonException exception)
        {
            throw EmulatorErrors.BadBody("malformed JSON (" + exception.Message + ").");
        }
    }

    /// <summary>A string field of a JSON object; numbers and booleans are taken in their text form.</summary>
    public static string? Text(JsonNode? node, string name)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
    }

    public static IReadOnlyList<string> TextList(JsonNode? node, string name)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var value) || value is null)
        {
            return [];
        }

        return value switch
        {
            JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? string.Empty)
                .Where(s => s.Length > 0).ToList(),
            JsonValue single when single.TryGetValue<string>(out var s) =>
                s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => throw EmulatorErrors.BadBody($"'{name}' must be an array of strings."),
        };
    }

    public static int BodyInt(JsonNode? node, string name, int defaultValue, int min, int max)
    {
        var text = Text(node, name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw EmulatorErrors.BadParameter(name, $"an integer from {min} to {max} is allowed, got '{text}'.");
    }
}

internal static class ActorExtensions
{
    public static Actor Actor(this HttpContext context) => new(
        context.Info().Caller?.User.Name ?? "anonymous",
        context.Request.Headers.UserAgent.ToString(),
        context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");
}
