using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core.Tests.Http;

public sealed class SigningTests
{
    [Fact]
    public async Task Should_Sign_With_Project_Header_And_Date_From_Clock()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Ok());

        await client.SendAsync();

        var request = Assert.Single(client.Handler.Requests);
        Assert.Equal(SdkHmacSigner.FormatDate(client.Time.GetUtcNow()), request.Header("X-Sdk-Date"));
        Assert.Equal(TestSecrets.ProjectId, request.Header("X-Project-Id"));
        Assert.True(SdkHmacSigner.TryParseAuthorization(request.Header("Authorization"), out var ak, out var signed, out _));
        Assert.Equal(TestSecrets.AccessKey, ak);
        Assert.Equal(["host", "x-project-id", "x-sdk-date"], signed);
        Assert.Equal("artifact.example.test", request.Header("Host"));
    }

    [Fact]
    public async Task Should_Send_And_Sign_Security_Token_If_Temporary_Keys()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Ok(), o => o.Credentials =
            new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey), new Secret(TestSecrets.SecurityToken)));

        await client.SendAsync();

        var request = Assert.Single(client.Handler.Requests);
        Assert.Equal(TestSecrets.SecurityToken, request.Header("X-Security-Token"));
        Assert.True(SdkHmacSigner.TryParseAuthorization(request.Header("Authorization"), out _, out var signed, out _));
        Assert.Contains("x-security-token", signed);
    }

    [Fact]
    public async Task Should_Send_Domain_Id_If_No_Project()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Ok(), o =>
        {
            o.ProjectId = null;
            o.DomainId = "domain0001";
        });

        await client.SendAsync();

        var request = Assert.Single(client.Handler.Requests);
        Assert.Null(request.Header("X-Project-Id"));
        Assert.Equal("domain0001", request.Header("X-Domain-Id"));
    }

    [Fact]
    public async Task Should_Send_Token_If_Token_Credentials()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Ok(), o => o.Credentials = new TokenCredentials(new Secret(TestSecrets.AuthToken)));

        await client.SendAsync();

        var request = Assert.Single(client.Handler.Requests);
        Assert.Equal(TestSecrets.AuthToken, request.Header("X-Auth-Token"));
        Assert.Null(request.Header("Authorization"));
        Assert.Null(request.Header("X-Sdk-Date"));
    }

    [Fact]
    public async Task Should_Send_Basic_Credentials_Instead_Of_Client_Credentials()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.OK));
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("repo-user:" + TestSecrets.Password)));

        using var response = await client.Connection.SendAbsoluteAsync(HttpMethod.Get, new Uri("https://repo.example.test/a.zip"), null, basic, CancellationToken.None);

        var request = Assert.Single(client.Handler.Requests);
        Assert.Equal(basic.ToString(), request.Header("Authorization"));
        Assert.Null(request.Header("X-Sdk-Date"));
    }

    [Fact]
    public async Task Should_Hash_Seekable_Upload_And_Mark_Forward_Only_Upload_Unsigned()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.Created));
        var uri = new Uri("https://artifact.example.test/upload/a.bin");

        using (await client.Connection.SendAbsoluteAsync(HttpMethod.Put, uri, new UploadContent(new MemoryStream("abc"u8.ToArray())), null, CancellationToken.None))
        {
        }

        using (await client.Connection.SendAbsoluteAsync(HttpMethod.Put, uri, new UploadContent(new NonSeekable("abc"u8.ToArray())), null, CancellationToken.None))
        {
        }

        var requests = client.Handler.Requests;
        Assert.Null(requests[0].Header(RequestAuthenticator.ContentSha256Header));
        Assert.Equal("abc", requests[0].BodyText);
        Assert.Equal(RequestAuthenticator.UnsignedPayload, requests[1].Header(RequestAuthenticator.ContentSha256Header));
        Assert.Equal("abc", requests[1].BodyText);
    }

    [Fact]
    public async Task Should_Refuse_Request_If_No_Credentials()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Ok(), o => o.Credentials = null);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.NoCredentials, error.Code);
        Assert.Equal(0, client.Handler.Count);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
