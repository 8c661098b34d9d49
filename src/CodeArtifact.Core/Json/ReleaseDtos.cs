using System.Text.Json;
using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>
/// The whole body of ShowProjectReleaseFiles: no v5 envelope, only <c>result</c>. DOC-INTL also
/// lists <c>status</c>/<c>error</c>/<c>traceId</c>; they are read so that an error status is not
/// taken for an empty page.
/// </summary>
internal sealed class ReleaseFilesResponseDto
{
    [JsonPropertyName("result")]
    public ReleaseFilesResultDto? Result { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }

    [JsonPropertyName("traceId")]
    public string? TraceId { get; set; }
}

internal sealed class ReleaseFilesResultDto
{
    [JsonPropertyName("data")]
    public List<ReleaseFileVersionDto?>? Data { get; set; }

    [JsonPropertyName("total_records")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalRecords { get; set; }

    [JsonPropertyName("total_pages")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalPages { get; set; }

    public ReleaseFilePage ToModel()
    {
        var data = (Data ?? []).Where(d => d is not null).Select(d => d!.ToModel()).ToArray();
        return new ReleaseFilePage
        {
            Data = data,
            TotalRecords = (int)Math.Clamp(TotalRecords ?? data.Length, 0, int.MaxValue),
            TotalPages = (int)Math.Clamp(TotalPages ?? 0, 0, int.MaxValue),
        };
    }
}

internal sealed class ReleaseFileVersionDto
{
    [JsonPropertyName("version")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Version { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("download_url")]
    public string? DownloadUrl { get; set; }

    public ReleaseFile ToModel() => new(Version ?? string.Empty, Path ?? string.Empty, DownloadUrl ?? string.Empty);
}
