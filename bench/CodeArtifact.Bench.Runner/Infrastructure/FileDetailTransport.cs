using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>
/// The remote side of verification answered from memory, so that a case measures only the
/// local side (hashing, scheduling, signing, reading the answer): every file-detail request gets
/// the SHA-256 registered for its path at once, without a network.
/// </summary>
internal sealed class FileDetailTransport(IReadOnlyDictionary<string, string> sha256ByPath) : HttpMessageHandler
{
    public const string Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1";
    public const string TenantId = "c0dea7f1ac7e4e55a00000000000d001";
    public const string ProjectId = "c0dea7f1ac7e4e55b00000000000p001";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>A client whose requests never leave the process.</summary>
    public static CodeArtifactClient Client(IReadOnlyDictionary<string, string> sha256ByPath) => new(new CodeArtifactClientOptions
    {
        // Never contacted: the transport below answers.
        Endpoint = new Uri("http://127.0.0.1:9"),
        TenantId = TenantId,
        ProjectId = ProjectId,
        Credentials = new AccessKeyCredentials("CAEMUDEVACCESSKEY001", new Secret("CAEmuDevSecretKey0000000000000000000001")),
        Transport = new FileDetailTransport(sha256ByPath),
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = QueryValue(request.RequestUri!, "path");
        var found = path is not null && sha256ByPath.TryGetValue(path, out _);
        var body = found
            ? Detail(path!, sha256ByPath[path!])
            : "{\"error_code\":\"CR.4040\",\"error_msg\":\"file not found\",\"status\":\"error\",\"trace_id\":\"bench\"}";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound) { Content = content, RequestMessage = request });
    }

    private static string Detail(string path, string sha256) =>
        "{\"status\":\"success\",\"trace_id\":\"bench\",\"result\":{\"repo\":\"" + Repository + "\",\"path\":\"" + path
        + "\",\"name\":\"" + path[(path.LastIndexOf('/') + 1)..] + "\",\"created\":\"2024-01-01 08:00:00\",\"lastModified\":\"2024-01-01 08:00:00\","
        + "\"downloadUri\":\"http://127.0.0.1:9/" + Repository + path + "\",\"checksums\":{\"sha256\":\"" + sha256 + "\"}}}";

    private static string? QueryValue(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(pair[..equals]) == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
