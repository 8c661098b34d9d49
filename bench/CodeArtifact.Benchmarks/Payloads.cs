using System.Globalization;
using System.Text;

namespace CodeArtifact.Benchmarks;

/// <summary>
/// Answers shaped as the service sends them, quirks included: <c>has_child</c> and <c>folder</c>
/// as strings, <c>modified</c> alternating between epoch milliseconds and local date text,
/// <c>size</c> as a string of digits.
/// </summary>
internal static class Payloads
{
    public const string TenantId = "c0dea7f1ac7e4e55a00000000000d001";
    public const string ProjectId = "c0dea7f1ac7e4e55b00000000000p001";
    public const string Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1";

    /// <summary>A v5 file-tree answer with <paramref name="entries"/> children of <c>/app</c>.</summary>
    public static byte[] FileTreePage(int entries)
    {
        var json = new StringBuilder(entries * 260);
        json.Append("{\"status\":\"success\",\"trace_id\":\"3f0c7e2a9b\",\"result\":{\"uploadAccess\":\"true\",\"total\":")
            .Append(entries.ToString(CultureInfo.InvariantCulture))
            .Append(",\"uri\":\"/").Append(Repository).Append("/app\",\"created\":\"2023-11-29 09:56:51\",\"children\":[");
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < entries; i++)
        {
            var folder = i % 10 == 0;
            var name = folder ? $"release-{i:D4}" : $"app-1.{i / 100}.{i % 100}.zip";
            var modified = start.AddMinutes(i);
            var modifiedText = i % 2 == 0
                ? modified.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
                : "\"" + modified.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "\"";
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append("{\"name\":\"").Append(name)
                .Append("\",\"uri\":\"/").Append(name)
                .Append("\",\"path\":\"").Append(Repository).Append("/app/").Append(name)
                .Append("\",\"modified\":").Append(modifiedText)
                .Append(",\"folder\":\"").Append(folder ? "true" : "false")
                .Append("\",\"modified_by\":\"dev-user\",\"has_child\":\"").Append(folder ? "true" : "false").Append("\"}");
        }

        json.Append("]}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>A v2 release-files answer (no envelope) with <paramref name="records"/> records of 1,000.</summary>
    public static byte[] ReleasePage(int records)
    {
        var json = new StringBuilder(records * 200);
        json.Append("{\"result\":{\"data\":[");
        for (var i = 0; i < records; i++)
        {
            var version = $"1.{i / 10}.{i % 10}";
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append("{\"version\":\"").Append(version)
                .Append("\",\"path\":\"/app/").Append(version).Append("/app.zip")
                .Append("\",\"download_url\":\"https://devrepo.devcloud.cn-north-4.huaweicloud.com/DevRepoServer/v1/files/download?filename=")
                .Append(ProjectId).Append("/app/").Append(version).Append("/app.zip\"}");
        }

        json.Append("],\"total_records\":1000,\"total_pages\":10}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>A v5 file-detail answer as the emulator writes it.</summary>
    public static byte[] FileDetail(string path, string sha256) => Encoding.UTF8.GetBytes(
        "{\"status\":\"success\",\"trace_id\":\"3f0c7e2a9b\",\"result\":{\"repo\":\"" + Repository + "\",\"path\":\"" + path
        + "\",\"name\":\"" + path[(path.LastIndexOf('/') + 1)..] + "\",\"created\":\"2024-01-01 08:00:00\",\"createdBy\":\"dev-user\","
        + "\"lastModified\":\"2024-01-01 08:00:00\",\"lastUpdated\":\"2024-01-01 08:00:00\",\"modifiedBy\":\"dev-user\","
        + "\"uri\":\"/" + Repository + path + "\",\"downloadUri\":\"https://example.invalid/" + Repository + path + "\",\"mimeType\":null,"
        + "\"size\":\"8388608\",\"attention\":\"0\",\"checksums\":{\"sha512\":null,\"sha256\":\"" + sha256
        + "\",\"sha1\":null,\"md5\":null},\"downloadInfo\":{\"downloadCount\":0,\"lastDownloaded\":0},\"displayName\":\"generic-1\",\"display_size\":\"8 MB\"}}");
}
