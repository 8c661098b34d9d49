using System.Net.Sockets;

namespace CodeArtifact.Core.Tests.Http;

/// <summary>
/// Failures to reach the service, judged by what they mean: a name that does not resolve is a
/// wrong endpoint (not retried), a refused connection means nothing listens there (retried once),
/// and on a loopback endpoint that is most likely the emulator not running.
/// </summary>
public sealed class ConnectionFailureTests
{
    private static HttpRequestException NameNotResolved() =>
        new(HttpRequestError.NameResolutionError, "Name or service not known (artifact.ap-southeast-9.example.com:443)", new SocketException((int)SocketError.HostNotFound));

    private static HttpRequestException Refused() =>
        new(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:10150)", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task Should_Not_Retry_A_Host_Name_That_Does_Not_Resolve()
    {
        // Given a host name that no DNS knows, and retries allowed
        using var client = new TestClient((_, _) => throw NameNotResolved(), o =>
        {
            o.Endpoint = new Uri("https://artifact.ap-southeast-9.example.com");
            o.MaxRetries = 4;
        });

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        // Then one attempt, no retry notice, and advice about the endpoint rather than MaxRetries
        Assert.Equal(1, client.Handler.Count);
        Assert.Empty(client.RetryNotices);
        Assert.Equal(ErrorCodes.NetworkError, error.Code);
        Assert.Contains("the host name artifact.ap-southeast-9.example.com could not be resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Region", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxRetries", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://artifact.example.invalid")]
    [InlineData("https://ARTIFACT.INVALID./")]
    public async Task Should_Fail_A_Reserved_Invalid_Host_Without_Asking_Dns_Or_Sending(string endpoint)
    {
        // Given an endpoint under the .invalid domain, which RFC 6761 reserves never to resolve
        using var client = new TestClient(_ => FakeHttpHandler.Ok(), o => o.Endpoint = new Uri(endpoint));

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        // Then nothing reached the transport, nothing was retried, and the advice is about the endpoint
        Assert.Equal(0, client.Handler.Count);
        Assert.Empty(client.RetryNotices);
        Assert.Equal(ErrorCodes.NetworkError, error.Code);
        Assert.Contains("could not be resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains("reserved .invalid domain", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Retry_A_Refused_Connection_Once_And_Ask_Whether_The_Emulator_Runs()
    {
        // Given a loopback endpoint where nothing listens
        using var client = new TestClient((_, _) => throw Refused(), o =>
        {
            o.Endpoint = new Uri("http://127.0.0.1:10150");
            o.MaxRetries = 4;
        });

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        // Then two attempts, one notice, and how to start the emulator on that port
        Assert.Equal(2, client.Handler.Count);
        Assert.Single(client.RetryNotices);
        Assert.Empty(client.Warnings);
        Assert.Equal(ErrorCodes.NetworkError, error.Code);
        Assert.Contains("127.0.0.1:10150 refused the connection (2 attempts): nothing is listening on port 10150.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Is the CodeArts Artifact emulator running?", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/CodeArtifact.Emulator -- --port 10150", error.Message, StringComparison.Ordinal);
        Assert.Contains("codeartifact-emulator", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("raise MaxRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Not_Mention_The_Emulator_For_A_Remote_Host()
    {
        // Given a remote endpoint that refuses connections
        using var client = new TestClient((_, _) => throw Refused(), o => o.MaxRetries = 4);

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        // Then
        Assert.Equal(2, client.Handler.Count);
        Assert.Contains("Check Endpoint (host and port)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Succeed_If_The_Second_Attempt_Connects()
    {
        // Given a service that refuses once, then answers (a restart)
        using var client = new TestClient((r, _) => r.Index == 1 ? throw Refused() : Task.FromResult(FakeHttpHandler.Ok()));

        // When
        var result = await client.SendAsync();

        // Then
        Assert.Equal("ok", result.Name);
        Assert.Equal(2, client.Handler.Count);
        Assert.Contains("the connection was refused", Assert.Single(client.RetryNotices).Message, StringComparison.Ordinal);
    }
}
