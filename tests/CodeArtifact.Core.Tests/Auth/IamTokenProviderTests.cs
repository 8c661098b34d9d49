using System.Net;
using System.Text.Json;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Tests.Http;

namespace CodeArtifact.Core.Tests.Auth;

public sealed class IamTokenProviderTests
{
    private const string IamHost = "iam.example.test";

    private static TestClient Client(Func<CapturedRequest, int, HttpResponseMessage> iam, Func<CapturedRequest, HttpResponseMessage>? api = null, Task? iamGate = null)
    {
        var issued = 0;
        return new TestClient(
            async (r, ct) =>
            {
                if (r.Uri.Host != IamHost)
                {
                    return (api ?? (_ => FakeHttpHandler.Ok()))(r);
                }

                if (iamGate is not null)
                {
                    await iamGate.WaitAsync(ct);
                }

                return iam(r, Interlocked.Increment(ref issued));
            },
            o => o.Credentials = new IamPasswordCredentials("alice", "corp", new Secret(TestSecrets.Password)));
    }

    private static HttpResponseMessage Token(int n, DateTimeOffset issuedAt, TimeSpan lifetime) =>
        FakeHttpHandler.Json(
            HttpStatusCode.Created,
            $"{{\"token\":{{\"issued_at\":\"{issuedAt:yyyy-MM-ddTHH:mm:ss.ffffffZ}\",\"expires_at\":\"{issuedAt + lifetime:yyyy-MM-ddTHH:mm:ss.ffffffZ}\",\"methods\":[\"password\"]}}}}",
            ("X-Subject-Token", "MIItoken" + n));

    private static int IamRequests(TestClient client) => client.Handler.Requests.Count(r => r.Uri.Host == IamHost);

    [Fact]
    public async Task Should_Ask_Iam_With_Project_Scope_And_Send_Token()
    {
        TestClient? client = null;
        client = Client((_, n) => Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)));

        await client.SendAsync();

        var iam = client.Handler.Requests.First(r => r.Uri.Host == IamHost);
        Assert.Equal(HttpMethod.Post, iam.Method);
        Assert.Equal("/v3/auth/tokens", iam.Uri.AbsolutePath);
        Assert.Null(iam.Header("Authorization"));
        using var body = JsonDocument.Parse(iam.Body);
        var auth = body.RootElement.GetProperty("auth");
        Assert.Equal("password", auth.GetProperty("identity").GetProperty("methods")[0].GetString());
        var user = auth.GetProperty("identity").GetProperty("password").GetProperty("user");
        Assert.Equal("alice", user.GetProperty("name").GetString());
        Assert.Equal(TestSecrets.Password, user.GetProperty("password").GetString());
        Assert.Equal("corp", user.GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal(TestSecrets.ProjectId, auth.GetProperty("scope").GetProperty("project").GetProperty("id").GetString());
        var api = client.Handler.Requests.Single(r => r.Uri.Host != IamHost);
        Assert.Equal("MIItoken1", api.Header("X-Auth-Token"));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Reuse_Cached_Token()
    {
        TestClient? client = null;
        client = Client((_, n) => Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)));

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync();
            client.Time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(1, IamRequests(client));
        Assert.All(client.Handler.Requests.Where(r => r.Uri.Host != IamHost), r => Assert.Equal("MIItoken1", r.Header("X-Auth-Token")));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Renew_Token_Before_It_Expires()
    {
        TestClient? client = null;
        client = Client((_, n) => Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)));
        await client.SendAsync();

        // Six minutes before expiry: still valid, but too close to rely on.
        client.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(6));
        await client.SendAsync();

        Assert.Equal(2, IamRequests(client));
        Assert.Equal("MIItoken2", client.Handler.Requests.Last().Header("X-Auth-Token"));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Use_Lifetime_From_Answer_Not_Local_Clock()
    {
        // IAM's clock is a day behind ours; the token still lasts 24 hours from now.
        TestClient? client = null;
        client = Client((_, n) => Token(n, client!.Time.GetUtcNow() - TimeSpan.FromDays(1), TimeSpan.FromHours(24)));
        await client.SendAsync();

        client.Time.Advance(TimeSpan.FromHours(12));
        await client.SendAsync();

        Assert.Equal(1, IamRequests(client));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Send_One_Token_Request_For_Many_Concurrent_Callers()
    {
        // Given: IAM answers only once every caller is waiting
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestClient? client = null;
        client = Client((_, n) => Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)), iamGate: gate.Task);

        // When
        var calls = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => client.Connection.SendAsync(TestClient.Request(), TestJsonContext.Default.TestResult, CancellationToken.None)))
            .ToList();
        while (client.Handler.Count < 1)
        {
            await Task.Delay(5);
        }

        await Task.Delay(100);
        gate.SetResult();
        await Task.WhenAll(calls);

        // Then
        Assert.Equal(1, IamRequests(client));
        var apiRequests = client.Handler.Requests.Where(r => r.Uri.Host != IamHost).ToList();
        Assert.Equal(20, apiRequests.Count);
        Assert.All(apiRequests, r => Assert.Equal("MIItoken1", r.Header("X-Auth-Token")));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Get_New_Token_And_Retry_Once_If_Gateway_Says_Token_Must_Be_Updated()
    {
        TestClient? client = null;
        client = Client(
            (_, n) => Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)),
            r => r.Header("X-Auth-Token") == "MIItoken1"
                ? FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated.\",\"request_id\":\"r\"}")
                : FakeHttpHandler.Ok());

        var result = await client.SendAsync();

        Assert.Equal("ok", result.Name);
        Assert.Equal(2, IamRequests(client));
        Assert.Equal("MIItoken2", client.Handler.Requests.Last().Header("X-Auth-Token"));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Not_Loop_If_New_Token_Is_Refused_Too()
    {
        TestClient? client = null;
        client = Client(
            (_, n) => Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)),
            _ => FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated.\"}"));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.AuthenticationFailed, error.Code);
        Assert.Equal(2, IamRequests(client));
        Assert.Equal(2, client.Handler.Requests.Count(r => r.Uri.Host != IamHost));
        client.Dispose();
    }

    [Fact]
    public async Task Should_Default_To_24_Hours_If_Answer_Has_No_Expiry()
    {
        using var client = Client((_, n) => FakeHttpHandler.Json(HttpStatusCode.Created, "{}", ("X-Subject-Token", "MIItoken" + n)));
        await client.SendAsync();

        client.Time.Advance(TimeSpan.FromHours(23));
        await client.SendAsync();
        client.Time.Advance(TimeSpan.FromMinutes(55));
        await client.SendAsync();

        Assert.Equal(2, IamRequests(client));
    }

    [Fact]
    public async Task Should_Fail_Clearly_If_Iam_Gives_No_Token()
    {
        using var client = Client((_, _) => FakeHttpHandler.Json(HttpStatusCode.Created, "{}"));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.InvalidResponse, error.Code);
        Assert.Contains("X-Subject-Token", error.Message);
    }

    [Fact]
    public async Task Should_Ask_Again_After_A_Failed_Token_Request()
    {
        TestClient? client = null;
        client = Client((_, n) => n == 1
            ? FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":401,\"message\":\"wrong\"}}")
            : Token(n, client!.Time.GetUtcNow(), TimeSpan.FromHours(24)));

        await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());
        var result = await client.SendAsync();

        Assert.Equal("ok", result.Name);
        Assert.Equal(2, IamRequests(client));
        client.Dispose();
    }
}
