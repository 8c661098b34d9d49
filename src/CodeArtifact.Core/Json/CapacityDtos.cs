using System.Globalization;
using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary><c>result</c> of ShowStorage.</summary>
internal sealed class StorageUsageDto
{
    [JsonPropertyName("totalStorage")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? TotalStorage { get; set; }

    [JsonPropertyName("totalCount")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalCount { get; set; }

    public StorageUsage ToModel() => new(TotalStorage, TotalCount);
}

/// <summary>One day of ListArtifactoryStorageStatistic.</summary>
internal sealed class StorageTrendPointDto
{
    [JsonPropertyName("filesCount")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? FilesCount { get; set; }

    [JsonPropertyName("usedSpaceLength")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? UsedSpaceLength { get; set; }

    [JsonPropertyName("usedSpace")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? UsedSpace { get; set; }

    [JsonPropertyName("summaryDate")]
    public string? SummaryDate { get; set; }

    [JsonPropertyName("foldersCount")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? FoldersCount { get; set; }

    [JsonPropertyName("itemsCount")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ItemsCount { get; set; }

    public StorageTrendPoint ToModel() => new()
    {
        Date = DateOnly.TryParseExact(SummaryDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        FilesCount = FilesCount,
        UsedSpaceBytes = UsedSpaceLength,
        UsedSpace = string.IsNullOrEmpty(UsedSpace) ? null : UsedSpace,
        FoldersCount = FoldersCount,
        ItemsCount = ItemsCount,
    };
}
