using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary><c>result</c> of ShowAudit.</summary>
internal sealed class AuditPageDto
{
    [JsonPropertyName("auditInfoList")]
    public List<AuditEntryDto?>? AuditInfoList { get; set; }

    [JsonPropertyName("total")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Total { get; set; }

    public AuditLogPage ToModel(TimeSpan serviceOffset)
    {
        var entries = (AuditInfoList ?? []).Where(e => e is not null).Select(e => e!.ToModel(serviceOffset)).ToArray();
        return new AuditLogPage
        {
            Total = (int)Math.Clamp(Total ?? entries.Length, 0, int.MaxValue),
            Entries = entries,
        };
    }
}

/// <summary>One audit record; <c>time</c> comes as <c>yyyy/MM/dd HH:mm:ss</c> (service local time).</summary>
internal sealed class AuditEntryDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("module")]
    public string? Module { get; set; }

    [JsonPropertyName("operation")]
    public string? Operation { get; set; }

    [JsonPropertyName("time")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Time { get; set; }

    [JsonPropertyName("info")]
    public string? Info { get; set; }

    [JsonPropertyName("data")]
    public string? Data { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    [JsonPropertyName("operator")]
    public string? Operator { get; set; }

    [JsonPropertyName("ipSource")]
    public string? IpSource { get; set; }

    public AuditLogEntry ToModel(TimeSpan serviceOffset) => new()
    {
        Id = Id,
        Module = Module,
        Operation = Operation,
        Time = ServiceTime.Parse(Time, serviceOffset),
        Info = Info,
        Data = Data,
        Reason = Reason,
        UserAgent = UserAgent,
        Operator = Operator,
        IpSource = IpSource,
    };
}
