using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Tests.Http;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>
/// The few answers a publish run needs, over the fake transport: repository info, Maven info with
/// the repository account, file detail from what was "stored", and uploads that store a SHA-256.
/// Each answer can be changed by a test to play a misbehaving service.
/// </summary>
internal sealed class FakePublishService
{
    public const string RepositoryId = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_generic_9";
    public const string RepositoryPassword = "RepoPassword-5e1f-DoNotLeak";
    public const string RepositoryUser = "cn-north-4_tenant0001_user0001";

    public string Format { get; set; } = "generic";

    public string? RepositoryUrl { get; set; } = "https://repo.example.test/artgalaxy/" + RepositoryId + "/";

    /// <summary>Answers an upload instead of storing it, when set.</summary>
    public Func<CapturedRequest, HttpResponseMessage>? Upload { get; set; }

    /// <summary>Answers a file detail instead of the stored file, when set.</summary>
    public Func<CapturedRequest, HttpResponseMessage?>? Detail { get; set; }

    /// <summary>SHA-256 by repository path (<c>/a/b.zip</c>).</summary>
    public ConcurrentDictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<CodeArtifactLogEvent> ClientLog { get; } = new();

    public FakeHttpHandler? Handler { get; private set; }

    public IReadOnlyList<CapturedRequest> Puts => Handler!.Requests.Where(r => r.Method == HttpMethod.Put).ToList();

    public CodeArtifactClient CreateClient(int maxConcurrency = 4)
    {
        Handler = new FakeHttpHandler(TimeProvider.System, Respond);
        return new CodeArtifactClient(new CodeArtifactClientOptions
        {
            Endpoint = new Uri("https://artifact.example.test"),
            ProjectId = TestSecrets.ProjectId,
            TenantId = "tenant0001",
            Credentials = new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey)),
            MaxRetries = 0,
            MaxConcurrency = maxConcurrency,
            Transport = Handler,
            Log = ClientLog.Enqueue,
        });
    }

    private HttpResponseMessage Respond(CapturedRequest request)
    {
        var path = request.Uri.AbsolutePath;
        if (request.Method == HttpMethod.Put)
        {
            if (Upload is { } upload)
            {
                return upload(request);
            }

            var prefix = new Uri(RepositoryUrl!).AbsolutePath.TrimEnd('/');
            Stored[Uri.UnescapeDataString(path[prefix.Length..])] = Convert.ToHexString(SHA256.HashData(request.Body)).ToLowerInvariant();
            return FakeHttpHandler.Json(HttpStatusCode.Created, "{}");
        }

        if (path == "/cloudartifact/v5/repositories/" + RepositoryId)
        {
            var url = RepositoryUrl is null ? "null" : "\"" + RepositoryUrl + "\"";
            return FakeHttpHandler.Json(HttpStatusCode.OK, $"{{\"status\":\"success\",\"trace_id\":\"t1\",\"result\":{{\"name\":\"{RepositoryId}\",\"format\":\"{Format}\",\"url\":{url}}}}}");
        }

        if (path == "/cloudartifact/v5/maven/info")
        {
            return FakeHttpHandler.Json(
                HttpStatusCode.OK,
                $"{{\"status\":\"success\",\"trace_id\":\"t2\",\"result\":[{{\"name\":\"cn-north-4_tenant0001_maven_1_1\",\"format\":\"maven2\",\"username\":\"{RepositoryUser}\",\"password\":\"{RepositoryPassword}\"}}]}}");
        }

        if (path.EndsWith("/file-detail", StringComparison.Ordinal))
        {
            if (Detail?.Invoke(request) is { } answer)
            {
                return answer;
            }

            var filePath = Uri.UnescapeDataString(request.Uri.Query.Split("path=")[1].Split('&')[0]);
            return Stored.TryGetValue(filePath, out var sha256)
                ? FakeHttpHandler.Json(HttpStatusCode.OK, $"{{\"status\":\"success\",\"trace_id\":\"t3\",\"result\":{{\"path\":\"{filePath}\",\"downloadUri\":\"https://repo.example.test/artgalaxy/{RepositoryId}{filePath}\",\"checksums\":{{\"sha256\":\"{sha256}\"}}}}}}")
                : FakeHttpHandler.Json(HttpStatusCode.NotFound, "{\"error_code\":\"CR.4040\",\"error_msg\":\"file not found\",\"status\":\"error\",\"trace_id\":\"t4\"}");
        }

        return FakeHttpHandler.Json(HttpStatusCode.NotFound, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"API not found\"}");
    }
}
