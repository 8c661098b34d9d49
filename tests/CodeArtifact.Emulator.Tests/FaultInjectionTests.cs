using System.Diagnostics;
using System.Net;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>Injected faults: seeded and so repeatable, the documented 429 body with Retry-After, 503, dropped connections, path filters.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private SignedClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync();
        _client = SignedClient.For(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Should_Give_The_Same_Faults_For_The_Same_Seed()
    {
        var options = new FaultOptions { Rate429 = 0.3, Rate5xx = 0.2, RandomSeed = 1234 };

        _server.Faults = options;
        var first = await StatusesAsync(40);
        _server.Faults = options;
        var second = await StatusesAsync(40);

        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(429, first);
        Assert.Contains(503, first);
    }

    [Fact]
    public async Task Should_Answer_429_APIGW_0308_With_Retry_After()
    {
        _server.Faults = new FaultOptions { Rate429 = 1, RetryAfterSeconds = 7, RandomSeed = 1 };

        using var response = await _client.SendSignedAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        var body = await SignedClient.ReadJsonAsync(response);
        Assert.Equal("APIGW.0308", (string?)body!["error_code"]);
        Assert.NotNull((string?)body["request_id"]);
        Assert.Equal("429", _server.RequestLog.Snapshot().Last().Fault);
    }

    [Fact]
    public async Task Should_Drop_The_Connection_Without_An_Answer()
    {
        _server.Faults = new FaultOptions { RateDrop = 1, RandomSeed = 1 };

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.SendSignedAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info"));

        _server.Faults = FaultOptions.None;
        Assert.Contains(_server.RequestLog.Snapshot(), e => e.Fault == "drop" && e.Status == 0);
    }

    [Fact]
    public async Task Should_Apply_Faults_Only_To_The_Given_Path_Prefixes()
    {
        _server.Faults = new FaultOptions { Rate5xx = 1, RandomSeed = 1, PathPrefixes = ["/v2/"] };

        using var spared = await _client.SendSignedAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");
        using var hit = await _client.SendSignedAsync(HttpMethod.Get, $"/v2/{_server.Identity.ProjectId}/release/files?file_name=x");

        Assert.Equal(HttpStatusCode.OK, spared.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, hit.StatusCode);
    }

    [Fact]
    public async Task Should_Add_The_Configured_Latency()
    {
        _server.Faults = new FaultOptions { LatencyMs = 300 };
        var watch = Stopwatch.StartNew();

        using var response = await _client.SendSignedAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Should_Refuse_Rates_Outside_0_To_1()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _server.Faults = new FaultOptions { Rate429 = 1.5 });
        Assert.Throws<ArgumentException>(() => _server.Faults = new FaultOptions { Rate429 = 0.6, Rate5xx = 0.6 });
    }

    [Fact]
    public async Task Should_Start_With_Faults_From_The_Options()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = new FaultOptions { Rate5xx = 1, RandomSeed = 3 } });
        using var http = new HttpClient { BaseAddress = server.Endpoint };

        using var response = await http.GetAsync("/cloudartifact/v5/maven/info");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task<List<int>> StatusesAsync(int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await _client.SendSignedAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }
}
