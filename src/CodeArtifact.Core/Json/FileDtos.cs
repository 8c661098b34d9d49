using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary><c>result</c> of ShowFileTree. The example contradicts the table on three types; the converters read both.</summary>
internal sealed class FileTreeDto
{
    [JsonPropertyName("uploadAccess")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? UploadAccess { get; set; }

    [JsonPropertyName("total")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Total { get; set; }

    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    [JsonPropertyName("created")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Created { get; set; }

    [JsonPropertyName("children")]
    public List<FileTreeChildDto>? Children { get; set; }

    public FileTree ToModel(string repository, string requestedPath, TimeSpan serviceOffset)
    {
        var children = (Children ?? []).Where(c => c is not null).Select(c => c.ToModel(repository, requestedPath, serviceOffset)).ToArray();
        return new FileTree
        {
            Uri = Uri ?? "/" + repository + (requestedPath == "/" ? string.Empty : requestedPath),
            Total = (int)Math.Clamp(Total ?? children.Length, 0, int.MaxValue),
            UploadAccess = UploadAccess ?? false,
            Created = ServiceTime.Parse(Created, serviceOffset),
            Children = children,
        };
    }
}

internal sealed class FileTreeChildDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("modified")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Modified { get; set; }

    [JsonPropertyName("folder")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Folder { get; set; }

    [JsonPropertyName("modified_by")]
    public string? ModifiedBy { get; set; }

    [JsonPropertyName("has_child")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? HasChild { get; set; }

    public FileTreeEntry ToModel(string repository, string requestedPath, TimeSpan serviceOffset)
    {
        var name = Name ?? LastSegment(Path) ?? string.Empty;
        var relative = RelativeTo(repository, Path) ?? (requestedPath.TrimEnd('/') + "/" + name);
        return new FileTreeEntry
        {
            Name = name,
            Uri = Uri ?? string.Empty,
            Path = Path ?? repository + relative,
            RelativePath = relative,
            Modified = ServiceTime.Parse(Modified, serviceOffset),
            ModifiedBy = ModifiedBy,
            IsFolder = Folder ?? false,
            HasChild = HasChild ?? false,
        };
    }

    /// <summary><c>&lt;repoId&gt;/a/b</c> → <c>/a/b</c>; null when the path is not in that form.</summary>
    private static string? RelativeTo(string repository, string? path)
    {
        var prefix = repository + "/";
        return path is not null && path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length
            ? path[repository.Length..]
            : null;
    }

    private static string? LastSegment(string? path) =>
        string.IsNullOrEmpty(path) ? null : path.TrimEnd('/').Split('/')[^1];
}

/// <summary><c>result</c> of ListArtifactoryComponent (file detail).</summary>
internal sealed class FileDetailDto
{
    [JsonPropertyName("repo")]
    public string? Repo { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("created")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Created { get; set; }

    [JsonPropertyName("createdBy")]
    public string? CreatedBy { get; set; }

    [JsonPropertyName("lastModified")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? LastModified { get; set; }

    [JsonPropertyName("lastUpdated")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? LastUpdated { get; set; }

    [JsonPropertyName("modifiedBy")]
    public string? ModifiedBy { get; set; }

    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    [JsonPropertyName("downloadUri")]
    public string? DownloadUri { get; set; }

    [JsonPropertyName("size")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Size { get; set; }

    [JsonPropertyName("attention")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Attention { get; set; }

    [JsonPropertyName("checksums")]
    public ChecksumsDto? Checksums { get; set; }

    [JsonPropertyName("downloadInfo")]
    public DownloadInfoDto? DownloadInfo { get; set; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("display_size")]
    public string? DisplaySize { get; set; }

    public FileDetail ToModel(string repository, string requestedPath, TimeSpan serviceOffset)
    {
        var path = string.IsNullOrEmpty(Path) ? requestedPath : Path;
        return new FileDetail
        {
            Repository = string.IsNullOrEmpty(Repo) ? repository : Repo,
            Path = path,
            Name = string.IsNullOrEmpty(Name) ? path.TrimEnd('/').Split('/')[^1] : Name,
            Created = ServiceTime.Parse(Created, serviceOffset),
            CreatedBy = CreatedBy,
            LastModified = ServiceTime.Parse(LastModified, serviceOffset) ?? ServiceTime.Parse(LastUpdated, serviceOffset),
            ModifiedBy = ModifiedBy,
            Size = Size,
            DisplaySize = DisplaySize,
            DisplayName = DisplayName,
            Uri = Uri,
            DownloadUri = DownloadUri,
            Checksums = Checksums?.ToModel() ?? FileChecksums.None,
            DownloadCount = DownloadInfo?.DownloadCount,
            LastDownloaded = ServiceTime.Parse(DownloadInfo?.LastDownloaded?.ToString(System.Globalization.CultureInfo.InvariantCulture), serviceOffset),
            IsFollowed = Attention ?? false,
        };
    }
}

internal sealed class ChecksumsDto
{
    [JsonPropertyName("md5")]
    public string? Md5 { get; set; }

    [JsonPropertyName("sha1")]
    public string? Sha1 { get; set; }

    [JsonPropertyName("sha256")]
    public string? Sha256 { get; set; }

    [JsonPropertyName("sha512")]
    public string? Sha512 { get; set; }

    public FileChecksums ToModel() => new()
    {
        Md5 = Hex(Md5),
        Sha1 = Hex(Sha1),
        Sha256 = Hex(Sha256),
        Sha512 = Hex(Sha512),
    };

    private static string? Hex(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}

internal sealed class DownloadInfoDto
{
    [JsonPropertyName("downloadCount")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? DownloadCount { get; set; }

    [JsonPropertyName("lastDownloaded")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? LastDownloaded { get; set; }
}

/// <summary>Body of DeleteArtifactFile: <c>{"path": "&lt;repoId&gt;/&lt;path&gt;"}</c>.</summary>
internal sealed class PathBodyDto
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }
}
