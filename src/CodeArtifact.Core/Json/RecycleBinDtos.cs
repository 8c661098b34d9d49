using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>
/// One element of the bare JSON array the recycle-bin operations take. The DELETE field was spelled
/// <c>fomat</c> by older docs and SDKs, but every documented example and current SDK sends
/// <c>format</c>, so that is what we send.
/// </summary>
internal sealed class RecycleBinItemDto
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }
}

/// <summary>The recycle-bin <c>result</c> in either documented form (see <see cref="TrashcanResultConverter"/>).</summary>
[JsonConverter(typeof(TrashcanResultConverter))]
internal sealed class TrashcanResultDto
{
    /// <summary>True for the object form; false for the string (or null) form.</summary>
    public bool IsCounted { get; init; }

    public string? Text { get; init; }

    public int? SuccessNum { get; init; }

    public int? FailedNum { get; init; }

    public IReadOnlyList<string> FailedMessages { get; init; } = Array.Empty<string>();

    /// <summary>The model; the string form carries no counts, so they come from the request's item count.</summary>
    public TrashcanResult ToModel(int itemCount)
    {
        if (IsCounted)
        {
            var failed = Math.Max(FailedNum ?? FailedMessages.Count, 0);
            return new TrashcanResult
            {
                FailedNum = failed,
                SuccessNum = Math.Max(SuccessNum ?? itemCount - failed, 0),
                FailedMessages = FailedMessages,
            };
        }

        return Text is null || string.Equals(Text.Trim(), "success", StringComparison.OrdinalIgnoreCase)
            ? new TrashcanResult { SuccessNum = itemCount }
            : new TrashcanResult { FailedNum = itemCount, FailedMessages = [Text] };
    }
}
