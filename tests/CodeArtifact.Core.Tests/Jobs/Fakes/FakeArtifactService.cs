using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Jobs.Fakes;

/// <summary>One request as the fake service saw it.</summary>
internal sealed record FakeRequest(HttpMethod Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, string? Body)
{
    public string? QueryValue(string key) => Query.Where(p => p.Key == key).Select(p => p.Value).FirstOrDefault();
}

/// <summary>A file of the fake repository.</summary>
/// <param name="Modified">Its modified time (the tree's <c>modified</c>, the detail's <c>lastModified</c>).</param>
/// <param name="Size">Its size.</param>
/// <param name="Content">Its bytes as text, for the digests.</param>
/// <param name="LastDownloaded">Its last download (null: never, sent as 0).</param>
/// <param name="Created">Its creation (default: <paramref name="Modified"/>).</param>
/// <param name="TimeUnknown">True to send no time at all (tree and detail).</param>
internal sealed record FakeFile(DateTimeOffset Modified, long Size, string Content = "", DateTimeOffset? LastDownloaded = null, DateTimeOffset? Created = null, bool TimeUnknown = false);

/// <summary>
/// The transport seam for job tests: a small in-memory CodeArts Artifact that answers file tree,
/// file detail, file delete, recycle-bin restore, release files, repository info and Maven info with the
/// documented shapes (the reference's recorded examples), records every request, and lets a
/// test override any answer. It never touches the network.
/// </summary>
internal sealed class FakeArtifactService : HttpMessageHandler
{
    public const string TenantId = "5a775fdcb14f4431b6c0015618140bc3";
    public const string ProjectId = "e2ee90487d6349dd944a5767225f6f55";
    public const string Repository = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_generic_1";
    public static readonly TimeSpan ServiceOffset = TimeSpan.FromHours(8);

    private readonly object _gate = new();

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Files by repository-relative path (<c>/a/b.zip</c>); folders are implied.</summary>
    public Dictionary<string, FakeFile> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FakeFile> RecycleBin { get; } = new(StringComparer.Ordinal);

    /// <summary>Release records, in the order the service would page them.</summary>
    public List<(string Version, string Path)> Releases { get; } = [];

    /// <summary>Serve the first page whatever the offset (a server that reads offset differently).</summary>
    public bool IgnoreOffset { get; set; }

    /// <summary>The most records a page holds, whatever limit was asked for (a service that caps pages).</summary>
    public int? PageCap { get; set; }

    /// <summary>The total_records to claim (default: the real count).</summary>
    public int? ClaimedTotal { get; set; }

    /// <summary>The repositories ShowRepositoryInfo knows (others answer 404); the default one from the start.</summary>
    public HashSet<string> KnownRepositories { get; } = new(StringComparer.Ordinal) { Repository };

    /// <summary>The Maven info result array, as JSON.</summary>
    public string MavenInfoJson { get; set; } = "[]";

    /// <summary>Runs first; a non-null answer replaces the fake's own.</summary>
    public Func<FakeRequest, CancellationToken, Task<HttpResponseMessage?>>? Intercept { get; set; }

    public IEnumerable<FakeRequest> RequestsTo(HttpMethod method, string pathEnd) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    public static string ServiceTime(DateTimeOffset time) =>
        time.ToOffset(ServiceOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string Envelope(string resultJson) =>
        $$"""{"status":"success","trace_id":"143002-1701223197469-447","result":{{resultJson}}}""";

    public static HttpResponseMessage NotFound(string message = "file not found") =>
        Json($$"""{"error_code":"CR.4040","error_msg":"{{message}}","status":"error","trace_id":"143002-1-1"}""", HttpStatusCode.NotFound);

    public CodeArtifactClient CreateClient(Action<CodeArtifactClientOptions>? configure = null)
    {
        var options = new CodeArtifactClientOptions
        {
            Endpoint = new Uri("https://artifact.example.test"),
            Region = "cn-north-7",
            TenantId = TenantId,
            ProjectId = ProjectId,
            Credentials = new TokenCredentials(new Secret("test-token")),
            MaxRetries = 0,
            ServiceTimeOffset = ServiceOffset,
            Transport = this,
        };
        configure?.Invoke(options);
        return new CodeArtifactClient(options);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        var recorded = new FakeRequest(request.Method, Uri.UnescapeDataString(uri.AbsolutePath), SdkHmacSigner.ParseQuery(uri.Query), body);
        Requests.Enqueue(recorded);
        if (Intercept is not null && await Intercept(recorded, cancellationToken) is { } replaced)
        {
            replaced.RequestMessage = request;
            return replaced;
        }

        var answer = Route(recorded);
        answer.RequestMessage = request;
        return answer;
    }

    /// <summary>Answers <paramref name="request"/> as the fake itself would (for an intercept that applies a request, then loses its answer).</summary>
    public Task<HttpResponseMessage> SendToSelfAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Route(request));
    }

    private HttpResponseMessage Route(FakeRequest request)
    {
        lock (_gate)
        {
            var path = request.Path;
            if (request.Method == HttpMethod.Get && path.EndsWith("/file-tree", StringComparison.Ordinal))
            {
                return Tree(request.QueryValue("path")!, request.QueryValue("is_recycle_bin") == "true");
            }

            if (request.Method == HttpMethod.Get && path.EndsWith("/file-detail", StringComparison.Ordinal))
            {
                return Detail(request.QueryValue("path")!);
            }

            if (request.Method == HttpMethod.Delete && path == "/cloudartifact/v5/file")
            {
                return Delete(JsonNode.Parse(request.Body!)!["path"]!.GetValue<string>());
            }

            if (request.Method == HttpMethod.Put && path == "/cloudartifact/v5/trashes")
            {
                return Restore(JsonNode.Parse(request.Body!)!.AsArray());
            }

            if (request.Method == HttpMethod.Get && path.EndsWith("/release/files", StringComparison.Ordinal))
            {
                return ReleasePage(int.Parse(request.QueryValue("limit")!, CultureInfo.InvariantCulture), int.Parse(request.QueryValue("offset")!, CultureInfo.InvariantCulture));
            }

            if (request.Method == HttpMethod.Get && path.StartsWith("/cloudartifact/v5/repositories/", StringComparison.Ordinal))
            {
                return RepositoryInfo(path["/cloudartifact/v5/repositories/".Length..]);
            }

            if (request.Method == HttpMethod.Get && path == "/cloudartifact/v5/maven/info")
            {
                return Json(Envelope(MavenInfoJson));
            }

            return Json("""{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment","request_id":"r1"}""", HttpStatusCode.NotFound);
        }
    }

    private HttpResponseMessage Tree(string folder, bool recycleBin)
    {
        var source = recycleBin ? RecycleBin : Files;
        var prefix = folder == "/" ? "/" : folder.TrimEnd('/') + "/";
        var children = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (path, file) in source)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var name = slash < 0 ? rest : rest[..slash];
            var isFolder = slash >= 0;
            children.TryAdd(name, new JsonObject
            {
                ["name"] = name,
                ["uri"] = $"https://cloudartifacts-backend.example.test/artgalaxy/api/storage/{Repository}{prefix}{name}",
                ["path"] = $"{Repository}{prefix}{name}",
                ["modified"] = !isFolder && file.TimeUnknown ? null : ServiceTime(file.Modified),
                ["folder"] = isFolder,
                ["display_size"] = null,
                ["modified_by"] = "devcloud_user",
                ["has_child"] = isFolder ? "true" : "false",
            });
        }

        var result = new JsonObject
        {
            ["children"] = new JsonArray(children.Values.Select(c => (JsonNode)c).ToArray()),
            ["uploadAccess"] = false,
            ["total"] = children.Count,
            ["uri"] = "/" + Repository,
            ["created"] = "2023-11-29T09:56:51.349+08:00",
        };
        return Json(Envelope(result.ToJsonString()));
    }

    private HttpResponseMessage Detail(string path)
    {
        if (!Files.TryGetValue(path, out var file))
        {
            return NotFound();
        }

        var content = Encoding.UTF8.GetBytes(file.Content);
        var result = new JsonObject
        {
            ["repo"] = Repository,
            ["path"] = path,
            ["name"] = path[(path.LastIndexOf('/') + 1)..],
            ["created"] = file.TimeUnknown ? null : ServiceTime(file.Created ?? file.Modified),
            ["lastModified"] = file.TimeUnknown ? null : ServiceTime(file.Modified),
            ["uri"] = $"https://cloudartifacts-backend.example.test/artgalaxy/api/storage/{Repository}{path}",
            ["downloadUri"] = $"https://cloudartifacts-backend.example.test/artgalaxy/{Repository}{path}",
            ["size"] = file.Size.ToString(CultureInfo.InvariantCulture),
            ["attention"] = "0",
            ["checksums"] = new JsonObject
            {
                ["sha512"] = Hex(System.Security.Cryptography.SHA512.HashData(content)),
                ["sha256"] = Hex(System.Security.Cryptography.SHA256.HashData(content)),
                ["sha1"] = Hex(System.Security.Cryptography.SHA1.HashData(content)),
                ["md5"] = Hex(System.Security.Cryptography.MD5.HashData(content)),
            },
            ["downloadInfo"] = new JsonObject
            {
                ["downloadCount"] = file.LastDownloaded is null ? 0 : 1,
                ["lastDownloaded"] = file.LastDownloaded?.ToUnixTimeMilliseconds() ?? 0,
            },
        };
        return Json(Envelope(result.ToJsonString()));
    }

    private HttpResponseMessage RepositoryInfo(string repositoryId)
    {
        if (!KnownRepositories.Contains(repositoryId))
        {
            return Json($$"""{"error_code":"CR.4004","error_msg":"Repository '{{repositoryId}}' does not exist.","status":"error","trace_id":"143002-1-2"}""", HttpStatusCode.NotFound);
        }

        var result = new JsonObject { ["name"] = repositoryId, ["format"] = "generic", ["type"] = "hosted", ["repositoryName"] = "fake" };
        return Json(Envelope(result.ToJsonString()));
    }

    private HttpResponseMessage Delete(string repositoryPath)
    {
        var path = repositoryPath[Repository.Length..];
        if (!repositoryPath.StartsWith(Repository + "/", StringComparison.Ordinal) || !Files.Remove(path, out var file))
        {
            return NotFound();
        }

        RecycleBin[path] = file;
        return Json("""{"status":"success","trace_id":"143002-1701223356546-449","result":"delete file success!"}""");
    }

    private HttpResponseMessage Restore(JsonArray items)
    {
        var failed = new List<string>();
        foreach (var item in items)
        {
            var uri = item!["uri"]!.GetValue<string>();
            var path = uri[Repository.Length..];
            if (RecycleBin.Remove(path, out var file))
            {
                Files[path] = file;
            }
            else
            {
                failed.Add($"{uri} is not in the recycle bin");
            }
        }

        var result = new JsonObject
        {
            ["successNum"] = items.Count - failed.Count,
            ["failedNum"] = failed.Count,
            ["failedMessages"] = new JsonArray(failed.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
        };
        return Json(Envelope(result.ToJsonString()));
    }

    private HttpResponseMessage ReleasePage(int limit, int offset)
    {
        var start = IgnoreOffset ? 0 : offset;
        var page = Releases.Skip(start).Take(Math.Min(limit, PageCap ?? limit)).Select(r => new JsonObject
        {
            ["version"] = r.Version,
            ["path"] = r.Path,
            ["download_url"] = "https://download.example.test" + r.Path,
        });
        var total = ClaimedTotal ?? Releases.Count;
        var result = new JsonObject
        {
            ["data"] = new JsonArray(page.Select(p => (JsonNode)p).ToArray()),
            ["total_records"] = total,
            ["total_pages"] = (total + limit - 1) / limit,
        };
        return Json(new JsonObject { ["result"] = result }.ToJsonString());
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Parses a body for assertions.</summary>
    public static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
