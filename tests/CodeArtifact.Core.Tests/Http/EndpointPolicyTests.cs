using System.Net;
using CodeArtifact.Core.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Core.Tests.Http;

public sealed class EndpointPolicyTests
{
    private static CodeArtifactClientOptions Options(string endpoint, FakeHttpHandler handler, bool allowInsecure = false) => new()
    {
        Endpoint = new Uri(endpoint),
        Credentials = new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey)),
        AllowInsecureHttp = allowInsecure,
        Transport = handler,
    };

    [Theory]
    [InlineData("http://artifact.example.test")]
    [InlineData("http://10.0.0.1:8080")]
    [InlineData("http://127.example.test")]
    public void Should_Refuse_Plain_Http_If_Host_Is_Not_Loopback(string endpoint)
    {
        var handler = new FakeHttpHandler(TimeProvider.System, _ => FakeHttpHandler.Ok());

        var error = Assert.Throws<CodeArtifactException>(() => new CodeArtifactClient(Options(endpoint, handler)));

        Assert.Equal(ErrorCodes.InsecureEndpoint, error.Code);
        Assert.Equal("Endpoint", error.ParameterName);
        Assert.Contains("AllowInsecureHttp", error.Message);
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.1.2.3")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public async Task Should_Allow_Plain_Http_If_Host_Is_Loopback(string endpoint)
    {
        var handler = new FakeHttpHandler(TimeProvider.System, _ => FakeHttpHandler.Ok());
        using var client = new CodeArtifactClient(Options(endpoint, handler));

        var result = await client.Connection.SendAsync(TestClient.Request(), TestJsonContext.Default.TestResult, CancellationToken.None);

        Assert.Equal("ok", result.Name);
        Assert.StartsWith(endpoint.TrimEnd('/'), handler.Requests[0].Uri.ToString());
    }

    [Fact]
    public void Should_Allow_Plain_Http_If_Opted_In()
    {
        var handler = new FakeHttpHandler(TimeProvider.System, _ => FakeHttpHandler.Ok());

        using var client = new CodeArtifactClient(Options("http://artifact.example.test", handler, allowInsecure: true));

        Assert.Equal("http", client.Options.Endpoint!.Scheme);
    }

    [Fact]
    public async Task Should_Refuse_Plain_Http_Transfer_Before_Sending()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Ok());

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.Connection.SendAbsoluteAsync(
            HttpMethod.Get, new Uri("http://repo.example.test/a.zip"), null, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.InsecureEndpoint, error.Code);
        Assert.Equal(0, client.Handler.Count);
    }

    [Fact]
    public void Should_Derive_Endpoints_From_Region()
    {
        using var client = new CodeArtifactClient(new CodeArtifactClientOptions { Region = "ap-southeast-3" });

        Assert.Equal(new Uri("https://artifact.ap-southeast-3.myhuaweicloud.com"), client.Options.Endpoint);
        Assert.Equal(new Uri("https://iam.ap-southeast-3.myhuaweicloud.com"), client.Options.IamEndpoint);
    }

    [Theory]
    [InlineData("Ap-Southeast-3")]
    [InlineData("southeast")]
    [InlineData("cn-north-4/../x")]
    public void Should_Refuse_Malformed_Region(string region)
    {
        var error = Assert.Throws<CodeArtifactException>(() => new CodeArtifactClient(new CodeArtifactClientOptions { Region = region }));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("Region", error.ParameterName);
    }

    [Fact]
    public async Task Should_Keep_Endpoint_Path_Prefix()
    {
        var handler = new FakeHttpHandler(TimeProvider.System, _ => FakeHttpHandler.Ok());
        using var client = new CodeArtifactClient(Options("https://gateway.example.test/artifact/", handler));

        await client.Connection.SendAsync(TestClient.Request(), TestJsonContext.Default.TestResult, CancellationToken.None);

        Assert.Equal("/artifact/cloudartifact/v5/file-tree", handler.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Should_Drop_Credentials_If_Redirected_To_Another_Host()
    {
        using var client = new TestClient(r => r.Uri.Host == "repo.example.test"
            ? FakeHttpHandler.Status(HttpStatusCode.Found, ("Location", "https://storage.example.test/blob?sig=1"))
            : FakeHttpHandler.Status(HttpStatusCode.OK));

        using var response = await client.Connection.SendAbsoluteAsync(
            HttpMethod.Get, new Uri("https://repo.example.test/generic/a.zip"), null, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = client.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.NotNull(requests[0].Header("Authorization"));
        Assert.Null(requests[1].Header("Authorization"));
        Assert.Null(requests[1].Header("X-Sdk-Date"));
    }

    [Fact]
    public void Should_Refuse_Out_Of_Range_Options()
    {
        Assert.Equal("MaxRetries", Assert.Throws<CodeArtifactException>(() => new CodeArtifactClient(new CodeArtifactClientOptions { MaxRetries = 11 })).ParameterName);
        Assert.Equal("MaxConcurrency", Assert.Throws<CodeArtifactException>(() => new CodeArtifactClient(new CodeArtifactClientOptions { MaxConcurrency = 0 })).ParameterName);
        Assert.Equal("Timeout", Assert.Throws<CodeArtifactException>(() => new CodeArtifactClient(new CodeArtifactClientOptions { Timeout = TimeSpan.Zero })).ParameterName);
    }

    [Fact]
    public void Should_Require_Iam_Endpoint_For_Password_Credentials()
    {
        var error = Assert.Throws<CodeArtifactException>(() => new CodeArtifactClient(new CodeArtifactClientOptions
        {
            Endpoint = new Uri("https://artifact.example.test"),
            Credentials = new IamPasswordCredentials("alice", "corp", new Secret(TestSecrets.Password)),
            TimeProvider = new FakeTimeProvider(),
        }));

        Assert.Equal(ErrorCodes.MissingArgument, error.Code);
        Assert.Equal("IamEndpoint", error.ParameterName);
    }
}
