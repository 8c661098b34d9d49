using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Http;

/// <summary>
/// Feeds distinctive secret values through every path that produces text (errors echoing
/// headers and bodies, retries, HTML pages, IAM failures, ToString) and scans all of it.
/// </summary>
public sealed class SecretLeakTests
{
    private static void AssertNoSecret(string text)
    {
        foreach (var secret in TestSecrets.All)
        {
            Assert.DoesNotContain(secret, text);
        }

        Assert.DoesNotMatch("Signature=[0-9a-f]{16}", text);
    }

    [Fact]
    public async Task Should_Not_Show_Secrets_Echoed_By_Service_In_Error_Body()
    {
        // Given: a gateway that quotes our headers back in its message
        using var client = new TestClient(
            r => FakeHttpHandler.Json(HttpStatusCode.Unauthorized,
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"verify aksk signature fail, Authorization: " + r.Header("Authorization") +
                ", X-Security-Token: " + r.Header("X-Security-Token") + ", sk=" + TestSecrets.SecretKey + "\",\"request_id\":\"r1\"}"),
            o => o.Credentials = new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey), new Secret(TestSecrets.SecurityToken)));

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        // Then
        AssertNoSecret(client.Visible(error));
        AssertNoSecret(error.ServiceMessage ?? string.Empty);
        Assert.Contains("verify aksk signature fail", error.Message);
    }

    [Fact]
    public async Task Should_Not_Show_Secrets_In_Retry_Notices_Or_Html_Pages()
    {
        using var client = new TestClient(
            r => FakeHttpHandler.Html(HttpStatusCode.BadGateway,
                $"<html><title>Bad gateway</title><body>upstream said {r.Header("X-Security-Token")} and X-Auth-Token: {TestSecrets.AuthToken}</body></html>"),
            o =>
            {
                o.MaxRetries = 2;
                o.Credentials = new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey), new Secret(TestSecrets.SecurityToken));
            });

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(2, client.RetryNotices.Count);
        Assert.Contains("Bad gateway", error.Message);
        AssertNoSecret(client.Visible(error));
    }

    [Fact]
    public async Task Should_Not_Show_Password_If_Iam_Echoes_The_Request()
    {
        using var client = new TestClient(
            r => FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":401,\"message\":\"rejected " + r.BodyText.Replace("\"", "'") + "\"}}"),
            o => o.Credentials = new IamPasswordCredentials("alice", "corp", new Secret(TestSecrets.Password)));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.AuthenticationFailed, error.Code);
        Assert.Equal("KeystoneCreateUserTokenByPassword", error.Operation);
        Assert.Contains("CODEARTIFACT_PASSWORD", error.Message);
        AssertNoSecret(client.Visible(error));
    }

    [Fact]
    public async Task Should_Not_Show_Issued_Token_If_Service_Echoes_It()
    {
        using var client = new TestClient(
            r => r.Uri.Host == "iam.example.test"
                ? FakeHttpHandler.Json(HttpStatusCode.Created, "{\"token\":{}}", ("X-Subject-Token", TestSecrets.IssuedToken))
                : FakeHttpHandler.Json(HttpStatusCode.Forbidden, "{\"error_code\":\"CR.4102\",\"error_msg\":\"token " + r.Header("X-Auth-Token") + " has no access\"}"),
            o => o.Credentials = new IamPasswordCredentials("alice", "corp", new Secret(TestSecrets.Password)));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        AssertNoSecret(client.Visible(error));
    }

    [Fact]
    public async Task Should_Not_Show_Preissued_Token_Or_Basic_Password()
    {
        var basicPassword = TestSecrets.Password;
        using var client = new TestClient(
            r => FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{\"code\":\"401\",\"message\":\"denied " + r.Header("Authorization") + " " + basicPassword + "\"}"),
            o => o.Credentials = new TokenCredentials(new Secret(TestSecrets.AuthToken)));
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("repo-user:" + basicPassword)));

        using var response = await client.Connection.SendAbsoluteAsync(HttpMethod.Get, new Uri("https://repo.example.test/a.zip"), null, basic, CancellationToken.None);
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.Connection.ThrowIfFailedAsync(response, "DownloadFile", CancellationToken.None));

        Assert.DoesNotContain(basic.Parameter!, client.Visible(error));
        AssertNoSecret(client.Visible(error));
    }

    [Fact]
    public void Should_Not_Show_Secrets_In_ToString()
    {
        var credentials = new CodeArtifactCredentials[]
        {
            new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey), new Secret(TestSecrets.SecurityToken)),
            new IamPasswordCredentials("alice", "corp", new Secret(TestSecrets.Password)),
            new TokenCredentials(new Secret(TestSecrets.AuthToken)),
        };
        var texts = credentials.SelectMany(c => new[]
        {
            c.ToString(),
            c.Describe(),
            new CodeArtifactClientOptions { Credentials = c }.ToString(),
        }).ToList();
        var options = CredentialChain.Resolve(
            new CodeArtifactConnectionSettings { Region = "ap-southeast-3", UserName = "alice", DomainName = "corp" },
            new Dictionary<string, string?> { ["CODEARTIFACT_PASSWORD"] = TestSecrets.Password });
        texts.Add(options.ToString());
        texts.Add(options.Credentials!.ToString());
        texts.Add(options.CredentialSource!);

        AssertNoSecret(string.Join("\n", texts));
    }

    [Fact]
    public void Should_Not_Show_Secret_In_Credential_Chain_Errors()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(
            new CodeArtifactConnectionSettings { Region = "ap-southeast-3" },
            new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_SK"] = TestSecrets.SecretKey, ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = TestSecrets.SecurityToken }));

        Assert.Equal(ErrorCodes.IncompleteCredentials, error.Code);
        AssertNoSecret(error.ToString());
    }
}
