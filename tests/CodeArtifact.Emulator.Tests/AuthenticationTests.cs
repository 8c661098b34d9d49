using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Emulator.Tests;

/// <summary>Every authentication path: AK/SK signatures (and each way to break one), temporary keys, IAM tokens.</summary>
public sealed class AuthenticationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    private (string Repo, string TreeUrl) Repository(string query = "path=/")
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/x/y.txt", [1]);
        return (repo.Id, $"{_client.V5Prefix()}/{repo.Id}/file-tree?{query}");
    }

    [Fact]
    public async Task Should_Accept_A_Valid_Signature_And_Log_The_Auth_Kind()
    {
        var (_, url) = Repository();
        _client.Server.RequestLog.Clear();

        using var response = await _client.Http.SendAsync(_client.Signed(HttpMethod.Get, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = _client.Server.RequestLog.Snapshot().Last();
        Assert.Equal("aksk", entry.AuthKind);
        Assert.Equal("ShowFileTree", entry.Operation);
        Assert.Equal(200, entry.Status);
        Assert.Equal("?path=/", entry.Query);
    }

    [Fact]
    public async Task Should_Accept_A_Signature_Over_Percent_Encoded_Path_And_Query()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/a b/ü+1.txt", [1]);

        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?format=generic&path=%2Fa%20b%2F%C3%BC%2B1.txt");

        Assert.Equal(200, status);
        Assert.Equal("/a b/ü+1.txt", (string?)body!["result"]!["path"]);
    }

    [Fact]
    public async Task Should_Reject_If_One_Byte_Of_The_Path_Changed_After_Signing()
    {
        var (repo, url) = Repository();
        var other = _client.Server.Seed.CreateRepository("generic").Id;
        var request = _client.Signed(HttpMethod.Get, url);
        request.RequestUri = new Uri(_client.Server.Endpoint, url.Replace(repo, other, StringComparison.Ordinal));

        await AssertRejectedAsync(request, "APIGW.0301");
    }

    [Fact]
    public async Task Should_Reject_If_One_Byte_Of_The_Query_Changed_After_Signing()
    {
        var (_, url) = Repository("path=/x");
        var request = _client.Signed(HttpMethod.Get, url);
        request.RequestUri = new Uri(_client.Server.Endpoint, url[..^1] + "y");

        await AssertRejectedAsync(request, "APIGW.0301");
    }

    [Fact]
    public async Task Should_Reject_If_One_Byte_Of_A_Signed_Header_Changed_After_Signing()
    {
        var (_, url) = Repository();
        var request = _client.Signed(HttpMethod.Get, url, extraHeaders: [new("X-Project-Id", _client.Server.Identity.ProjectId)]);
        request.Headers.Remove("X-Project-Id");
        request.Headers.TryAddWithoutValidation("X-Project-Id", _client.Server.Identity.ProjectId[..^1] + "9");

        await AssertRejectedAsync(request, "APIGW.0301");
    }

    [Fact]
    public async Task Should_Reject_If_One_Byte_Of_The_Body_Changed_After_Signing()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/a.txt", [1]);
        _client.Server.Seed.PutFile(repo.Id, "/b.txt", [1]);
        var request = _client.Signed(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repo.Id}}/a.txt"}""");
        request.Content = new StringContent($$"""{"path":"{{repo.Id}}/b.txt"}""", Encoding.UTF8, "application/json");

        await AssertRejectedAsync(request, "APIGW.0301");
        Assert.NotNull(_client.Server.Seed.FindFile(repo.Id, "/b.txt"));
    }

    [Fact]
    public async Task Should_Reject_If_X_Sdk_Date_Is_More_Than_15_Minutes_Old()
    {
        var (_, url) = Repository();

        await AssertRejectedAsync(_client.Signed(HttpMethod.Get, url, at: DateTimeOffset.UtcNow.AddMinutes(-16)), "APIGW.0301");
        await AssertRejectedAsync(_client.Signed(HttpMethod.Get, url, at: DateTimeOffset.UtcNow.AddMinutes(16)), "APIGW.0301");
        using var within = await _client.Http.SendAsync(_client.Signed(HttpMethod.Get, url, at: DateTimeOffset.UtcNow.AddMinutes(-14)));
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
    }

    [Fact]
    public async Task Should_Reject_An_Unknown_Access_Key_Or_A_Wrong_Secret()
    {
        var (_, url) = Repository();

        await AssertRejectedAsync(_client.Signed(HttpMethod.Get, url, accessKey: "UNKNOWNACCESSKEY0000"), "APIGW.0301");
        await AssertRejectedAsync(_client.Signed(HttpMethod.Get, url, secretKey: "not-the-secret"), "APIGW.0301");
    }

    [Fact]
    public async Task Should_Reject_A_Request_Without_Credentials_With_The_Gateway_Body()
    {
        var (_, url) = Repository();

        var body = await AssertRejectedAsync(new HttpRequestMessage(HttpMethod.Get, url), "APIGW.0301");

        Assert.NotNull((string?)body["request_id"]);
        Assert.Null(body["status"]);
    }

    [Fact]
    public async Task Should_Accept_Temporary_Keys_Only_With_Their_Signed_Security_Token()
    {
        var (_, url) = Repository();
        var temporary = _client.Server.CreateTemporaryCredentials(TimeSpan.FromMinutes(30));

        using var accepted = await _client.Http.SendAsync(_client.Signed(
            HttpMethod.Get, url, accessKey: temporary.AccessKey, secretKey: temporary.SecretKey, securityToken: temporary.SecurityToken));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("aksk-temporary", _client.Server.RequestLog.Snapshot().Last(e => e.Path.EndsWith("file-tree", StringComparison.Ordinal)).AuthKind);

        await AssertRejectedAsync(_client.Signed(HttpMethod.Get, url, accessKey: temporary.AccessKey, secretKey: temporary.SecretKey), "APIGW.0301");
        await AssertRejectedAsync(
            _client.Signed(HttpMethod.Get, url, accessKey: temporary.AccessKey, secretKey: temporary.SecretKey, securityToken: temporary.SecurityToken + "x"),
            "APIGW.0301");
    }

    [Fact]
    public async Task Should_Answer_404_APIGW_0101_If_The_Api_Does_Not_Exist()
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/no/such/api/here/at/all");
        Assert.Equal(404, status);
        Assert.Equal("APIGW.0101", (string?)body!["error_code"]);

        var (methodStatus, methodBody) = await _client.JsonAsync(HttpMethod.Post, "/cloudartifact/v5/file", "{}");
        Assert.Equal(404, methodStatus);
        Assert.Equal("APIGW.0101", (string?)methodBody!["error_code"]);
    }

    private async Task<JsonNode> AssertRejectedAsync(HttpRequestMessage request, string code)
    {
        using var response = await _client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await SignedClient.ReadJsonAsync(response);
        Assert.Equal(code, (string?)body!["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_msg"]));
        return body;
    }
}

/// <summary>IAM tokens and temporary keys against a fake clock.</summary>
public sealed class TokenExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private EmulatorServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = _clock });
        _http = new HttpClient { BaseAddress = _server.Endpoint };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Should_Issue_A_Project_Scoped_Token_That_Works_Until_It_Expires()
    {
        // Given
        var repo = _server.Seed.CreateRepository("generic");
        var token = await CreateTokenAsync(_server.Identity.UserName, _server.Identity.Password, projectName: _server.Region);
        var url = $"/cloudartifact/v5/{_server.Identity.TenantId}/{_server.Identity.ProjectId}/{repo.Id}/file-tree?path=/";

        // Then: valid now
        using (var ok = await SendWithTokenAsync(url, token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // When: 24 h pass
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        // Then
        using var expired = await SendWithTokenAsync(url, token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("APIGW.0307", (string?)(await SignedClient.ReadJsonAsync(expired))!["error_code"]);
    }

    [Fact]
    public async Task Should_Answer_The_Token_Body_With_Expires_At_And_The_Project()
    {
        using var response = await _http.PostAsync("/v3/auth/tokens", TokenBody(_server.Identity.UserName, _server.Identity.Password, projectId: _server.Identity.ProjectId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("X-Subject-Token", out var values));
        Assert.NotEmpty(values.Single());
        var body = await SignedClient.ReadJsonAsync(response);
        var expires = DateTimeOffset.Parse((string)body!["token"]!["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_clock.GetUtcNow().AddHours(24), expires, TimeSpan.FromSeconds(1));
        Assert.Equal(_server.Identity.ProjectId, (string?)body["token"]!["project"]!["id"]);
    }

    [Fact]
    public async Task Should_Answer_401_If_The_Password_Is_Wrong()
    {
        using var response = await _http.PostAsync("/v3/auth/tokens", TokenBody(_server.Identity.UserName, "wrong", projectName: _server.Region));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Subject-Token"));
    }

    [Fact]
    public async Task Should_Reject_An_Unknown_Token()
    {
        using var response = await SendWithTokenAsync("/cloudartifact/v5/maven/info", "MIIEmu-not-issued");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("APIGW.0301", (string?)(await SignedClient.ReadJsonAsync(response))!["error_code"]);
    }

    [Fact]
    public async Task Should_Reject_Temporary_Keys_After_They_Expire()
    {
        var client = new SignedClient(_server, _http);
        var temporary = _server.CreateTemporaryCredentials(TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(11));

        using var response = await _http.SendAsync(client.Signed(
            HttpMethod.Get, "/cloudartifact/v5/maven/info", accessKey: temporary.AccessKey, secretKey: temporary.SecretKey,
            securityToken: temporary.SecurityToken, at: _clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> CreateTokenAsync(string user, string password, string? projectName = null)
    {
        using var response = await _http.PostAsync("/v3/auth/tokens", TokenBody(user, password, projectName: projectName));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Auth-Token", token);
        return _http.SendAsync(request);
    }

    private StringContent TokenBody(string user, string password, string? projectName = null, string? projectId = null)
    {
        var project = projectId is not null ? new JsonObject { ["id"] = projectId } : new JsonObject { ["name"] = projectName };
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject { ["name"] = user, ["password"] = password, ["domain"] = new JsonObject { ["name"] = _server.Identity.DomainName } },
                    },
                },
                ["scope"] = new JsonObject { ["project"] = project },
            },
        };
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }
}

/// <summary>The gateway's limits: AK lockout after repeated failures (when enabled), 12 MB signed bodies, unsigned payloads.</summary>
public sealed class GatewayLimitTests
{
    [Fact]
    public async Task Should_Lock_An_Access_Key_After_Repeated_Signature_Failures_If_Lockout_Is_Enabled()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { AccessKeyLockoutThreshold = 5 });
        var client = SignedClient.For(server);
        for (var i = 0; i < 6; i++)
        {
            using var failed = await client.Http.SendAsync(client.Signed(HttpMethod.Get, "/cloudartifact/v5/maven/info", secretKey: "wrong"));
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await client.Http.SendAsync(client.Signed(HttpMethod.Get, "/cloudartifact/v5/maven/info"));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("forbidden", (string?)(await SignedClient.ReadJsonAsync(locked))!["error_msg"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_413_If_A_Signed_Body_Is_Over_12_MB()
    {
        await using var server = await EmulatorServer.StartAsync();
        var client = SignedClient.For(server);
        var repo = server.Seed.CreateRepository("generic");
        var request = client.Signed(HttpMethod.Put, new Uri(repo.Url).AbsolutePath + "big.bin", "\"x\"");
        request.Content = new ByteArrayContent(new byte[(12 * 1024 * 1024) + 1]);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(server.Seed.FindFile(repo.Id, "/big.bin"));
    }

    [Fact]
    public async Task Should_Accept_An_Unsigned_Payload_If_Declared_And_Signed()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Endpoint };
        var repo = server.Seed.CreateRepository("generic");
        server.Seed.PutFile(repo.Id, "/u.bin", [1]);
        var date = SdkHmacSigner.FormatDate(DateTimeOffset.UtcNow);
        var headers = SdkHmacSigner.SignableHeaders(
            [new("Host", server.Endpoint.Authority), new(SdkHmacSigner.DateHeader, date), new("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")]);
        var canonical = SdkHmacSigner.CanonicalRequest("DELETE", "/cloudartifact/v5/file", [], headers, "UNSIGNED-PAYLOAD");
        var signature = SdkHmacSigner.Signature(Encoding.UTF8.GetBytes(server.Identity.SecretKey), SdkHmacSigner.StringToSign(date, canonical));
        var request = new HttpRequestMessage(HttpMethod.Delete, "/cloudartifact/v5/file")
        {
            Content = new StringContent($$"""{"path":"{{repo.Id}}/u.bin"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(SdkHmacSigner.DateHeader, date);
        request.Headers.TryAddWithoutValidation("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        request.Headers.TryAddWithoutValidation(
            "Authorization", SdkHmacSigner.AuthorizationHeader(server.Identity.AccessKey, SdkHmacSigner.SignedHeaderNames(headers), signature));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(server.Seed.FindFile(repo.Id, "/u.bin"));
    }
}
