using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Seeding;
using CodeArtifact.Emulator.Tests.Support;
using CodeArtifact.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Emulator.Tests.Security;

/// <summary>
/// An emulator on a fake clock for the attack tests, with a repository of the dev tenant and one
/// of another tenant, each holding files whose bytes the tests know. Every request is signed at
/// the emulator's own time, so moving the clock moves nothing but what a test means to move.
/// </summary>
public sealed class SecurityEmulator : EmulatorFixtureBase
{
    public const string DevFile = "/app/1.0/app.zip";
    public const string OtherFile = "/secret/keys.txt";

    private HttpClient? _http;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SignedClient Client => new(Server, _http!);

    public SeededRepository DevRepository { get; private set; } = null!;

    public SeededRepository OtherRepository { get; private set; } = null!;

    public byte[] DevBytes { get; } = Encoding.UTF8.GetBytes("dev tenant's build output");

    public byte[] OtherBytes { get; } = Encoding.UTF8.GetBytes("other tenant's secret bytes 7c1d");

    protected override EmulatorOptions CreateOptions() => new() { TimeProvider = Clock };

    protected override Task OnStartedAsync(EmulatorServer server)
    {
        _http = new HttpClient { BaseAddress = server.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        DevRepository = server.Seed.CreateRepository("generic", name: "sec-dev");
        OtherRepository = server.Seed.CreateRepository("generic", name: "sec-other", owner: server.OtherIdentity);
        server.Seed.PutFile(DevRepository.Id, DevFile, DevBytes);
        server.Seed.PutFile(OtherRepository.Id, OtherFile, OtherBytes);
        return Task.CompletedTask;
    }

    protected override Task OnStoppingAsync()
    {
        _http?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A request signed at the emulator's current time, as <paramref name="identity"/> (the dev user by default).</summary>
    public HttpRequestMessage Signed(HttpMethod method, string pathAndQuery, string? json = null, EmulatorIdentity? identity = null, string? accessKey = null, string? secretKey = null, string? securityToken = null) =>
        Client.Signed(method, pathAndQuery, json, accessKey ?? identity?.AccessKey, secretKey ?? identity?.SecretKey, Clock.GetUtcNow(), securityToken);

    /// <summary>A signed <c>DELETE /cloudartifact/v5/file</c> of <paramref name="repositoryPath"/> (<c>&lt;repo&gt;/&lt;path&gt;</c>).</summary>
    public HttpRequestMessage SignedDelete(string repositoryPath, EmulatorIdentity? identity = null) =>
        Signed(HttpMethod.Delete, "/cloudartifact/v5/file", new JsonObject { ["path"] = repositoryPath }.ToJsonString(), identity);

    /// <summary>A request to a path sent byte for byte as given: no client-side removal of <c>..</c> or decoding.</summary>
    public HttpRequestMessage Raw(HttpMethod method, string rawPathAndQuery, AuthenticationHeaderValue? authorization = null, byte[]? body = null)
    {
        var uri = new Uri(Server.Endpoint.GetLeftPart(UriPartial.Authority) + rawPathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : new ByteArrayContent(body) };
        request.Headers.Authorization = authorization;
        return request;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await _http!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            body = JsonValue.Create(text);
        }

        return (response.StatusCode, body, response);
    }

    /// <summary>
    /// Everything a request could have changed: every file of both repositories (tree walk as each
    /// owner) with its SHA-256, and what each recycle bin holds.
    /// </summary>
    public async Task<string> StateAsync()
    {
        var lines = new List<string>();
        foreach (var (repository, owner) in new[] { (DevRepository, Server.Identity), (OtherRepository, Server.OtherIdentity) })
        {
            foreach (var bin in new[] { false, true })
            {
                foreach (var path in await WalkAsync(repository.Id, owner, "/", bin))
                {
                    var file = bin ? null : Server.Seed.FindFile(repository.Id, path);
                    lines.Add($"{repository.Id}{(bin ? " [bin]" : string.Empty)} {path} {file?.Sha256}");
                }
            }
        }

        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<string>> WalkAsync(string repository, EmulatorIdentity owner, string folder, bool recycleBin)
    {
        var query = $"path={Uri.EscapeDataString(folder)}{(recycleBin ? "&is_recycle_bin=true" : string.Empty)}";
        var (status, body, response) = await SendAsync(Signed(HttpMethod.Get, $"/cloudartifact/v5/{owner.TenantId}/{owner.ProjectId}/{repository}/file-tree?{query}", identity: owner));
        response.Dispose();
        if (status == HttpStatusCode.NotFound)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, status);
        var found = new List<string>();
        foreach (var child in body!["result"]!["children"]!.AsArray())
        {
            var path = (folder == "/" ? string.Empty : folder) + "/" + (string)child!["name"]!;
            if ((bool?)child["folder"] == true)
            {
                found.Add(path + "/");
                found.AddRange(await WalkAsync(repository, owner, path, recycleBin));
            }
            else
            {
                found.Add(path);
            }
        }

        return found;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}

/// <summary>The documented error bodies, one per layer that answers.</summary>
internal static class ErrorShapes
{
    /// <summary>The API gateway: <c>{error_code, error_msg, request_id}</c>, no <c>status</c>.</summary>
    public static void Gateway(JsonNode? body, string code)
    {
        Assert.Equal(code, (string?)body?["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body!["error_msg"]));
        Assert.False(string.IsNullOrEmpty((string?)body["request_id"]));
        Assert.Null(body["status"]);
        Assert.Null(body["result"]);
    }

    /// <summary>The v5 service: <c>{error_code, error_msg, status: "error", trace_id}</c>.</summary>
    public static void V5(JsonNode? body, params string[] codes)
    {
        Assert.Contains((string?)body?["error_code"], codes);
        Assert.False(string.IsNullOrEmpty((string?)body!["error_msg"]));
        Assert.Equal("error", (string?)body["status"]);
        Assert.False(string.IsNullOrEmpty((string?)body["trace_id"]));
        Assert.Null(body["result"]);
    }

    /// <summary>The v2 release API: <c>{error_code, error_msg}</c> without an envelope.</summary>
    public static void Release(JsonNode? body, string code)
    {
        Assert.Equal(code, (string?)body?["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body!["error_msg"]));
        Assert.Null(body["status"]);
        Assert.Null(body["result"]);
    }

    /// <summary>The repository server: <c>{"errors": [{status, message}]}</c>.</summary>
    public static void Repository(JsonNode? body, HttpStatusCode status)
    {
        var error = Assert.Single(body!["errors"]!.AsArray());
        Assert.Equal((int)status, (int?)error!["status"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }
}
