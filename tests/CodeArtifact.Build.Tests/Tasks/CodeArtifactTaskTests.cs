using System.Diagnostics;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Build.Tests.Tasks;

/// <summary>What every task shares: the connection, credentials from the environment, coded failures, cancellation.</summary>
public sealed class CodeArtifactTaskTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Should_Fail_With_CART0004_If_No_Credentials_Are_Found()
    {
        // Given an empty environment (and so no home folder with a credentials file)
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" }, engine, new Dictionary<string, string?>());

        // When
        var succeeded = task.Execute();

        // Then it says how to give credentials
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0004", error.Code);
        Assert.Contains("HUAWEICLOUD_SDK_SK", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    [Theory]
    [InlineData("Endpoint", "not an address", "CART0001")]
    [InlineData("Endpoint", "http://artifact.example.com", "CART0003")]
    [InlineData("TimeoutSeconds", "0", "CART0001")]
    [InlineData("MaxRetries", "lots", "CART0001")]
    [InlineData("MaxConcurrency", "0", "CART0001")]
    [InlineData("ProjectId", "short", "CART0001")]
    public void Should_Refuse_A_Bad_Connection_Setting_Before_Any_Request(string parameter, string value, string code)
    {
        // Given
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" }, engine);
        typeof(GetCodeArtifactReleaseFileVersions).GetProperty(parameter)!.SetValue(task, value);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    [Fact]
    public void Should_Fail_With_CART0102_If_The_Secret_Key_Is_Wrong_And_Never_Show_It()
    {
        // Given
        const string wrongSecret = "Wrong-Secret-Key-0000000000000000000000";
        var engine = new MockEngine();
        var task = emulator.Connect(
            new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" },
            engine,
            new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = emulator.Dev.AccessKey, ["HUAWEICLOUD_SDK_SK"] = wrongSecret });

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        Assert.Equal("CART0102", Assert.Single(engine.Errors).Code);
        Assert.DoesNotContain(wrongSecret, engine.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", engine.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Log_The_Credential_Source_But_Never_The_Secret()
    {
        // Given
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" }, engine);

        // When
        task.Execute();

        // Then
        Assert.Contains("HUAWEICLOUD_SDK_AK", engine.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Dev.SecretKey, engine.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fail_With_CART0106_And_The_Cause_At_Low_Importance_If_The_Network_Fails()
    {
        // Given a transport whose connection always fails
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" }, engine);
        task.Transport = new FailingHandler();

        // When
        var succeeded = task.Execute();

        // Then one coded error; the cause is there for -v:d readers, without a stack trace
        Assert.False(succeeded);
        Assert.Equal("CART0106", Assert.Single(engine.Errors).Code);
        Assert.Contains(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.Low && m.Message!.Contains(FailingHandler.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", engine.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fail_With_The_Service_Code_And_Trace_Id_If_The_Service_Fails()
    {
        // Given a service that answers 503 to everything, and no retries
        await using var failing = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = new FaultOptions { Rate5xx = 1, RandomSeed = 1 } });
        var engine = new MockEngine();
        var task = new GetCodeArtifactReleaseFileVersions
        {
            BuildEngine = engine,
            Endpoint = failing.Endpoint.ToString(),
            ProjectId = failing.Identity.ProjectId,
            FileName = "app.zip",
            MaxRetries = "0",
            EnvironmentOverride = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = failing.Identity.AccessKey, ["HUAWEICLOUD_SDK_SK"] = failing.Identity.SecretKey },
        };

        // When
        var succeeded = task.Execute();

        // Then one coded error line, with the trace id to quote to support, and no stack trace
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0105", error.Code);
        var traceId = Assert.Single(failing.RequestLog.Snapshot()).TraceId;
        Assert.Contains(traceId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", engine.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Stop_Within_A_Second_And_Quietly_If_Cancelled()
    {
        // Given a service that takes 30 s to answer
        await using var slow = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = new FaultOptions { LatencyMs = 30_000 } });
        var engine = new MockEngine();
        var task = new GetCodeArtifactReleaseFileVersions
        {
            BuildEngine = engine,
            Endpoint = slow.Endpoint.ToString(),
            ProjectId = slow.Identity.ProjectId,
            FileName = "app.zip",
            EnvironmentOverride = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = slow.Identity.AccessKey, ["HUAWEICLOUD_SDK_SK"] = slow.Identity.SecretKey },
        };
        var running = Task.Factory.StartNew(task.Execute, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.Delay(300);

        // When
        var clock = Stopwatch.StartNew();
        task.Cancel();
        var succeeded = await running.WaitAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Execute returned {clock.Elapsed} after Cancel:{Environment.NewLine}{engine.Log}");
        Assert.False(succeeded);
        Assert.Empty(engine.Errors);
        Assert.Contains("canceled", engine.Log, StringComparison.Ordinal);
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        public const string Reason = "Connection reset by the test";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(Reason, new IOException(Reason));
    }
}
