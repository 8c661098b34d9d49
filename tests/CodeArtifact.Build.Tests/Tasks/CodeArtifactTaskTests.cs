using System.Diagnostics;
using System.Text.Json;
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
    public async Task Should_Stop_Within_A_Second_With_CART0506_If_Cancelled()
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
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0506", error.Code);
        Assert.Contains("had changed nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fail_At_Once_With_Endpoint_Advice_If_The_Host_Name_Does_Not_Resolve()
    {
        // Given an endpoint whose host never resolves, and retries allowed
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip", PropertyNames = ["Endpoint=CodeArtifactEndpoint"] }, engine);
        task.Endpoint = "https://artifact.typo.invalid";
        task.MaxRetries = "4";

        // When
        var succeeded = task.Execute();

        // Then one error naming the host and the property to fix, and no retry
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0106", error.Code);
        Assert.Contains("the host name artifact.typo.invalid could not be resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check CodeArtifactEndpoint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(engine.Messages, m => m.Message!.StartsWith("CART0111", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Name_The_Property_The_Ready_Targets_Passed_And_Echo_The_Value()
    {
        // Given a project id from the ready targets, as they name its property
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip", PropertyNames = ["ProjectId=CodeArtifactProjectId", "FileName=CodeArtifactReleaseFileName"] }, engine);
        task.ProjectId = "short";

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.StartsWith("Invalid CodeArtifactProjectId \"short\":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Write_A_Refused_Report_Over_An_Older_One()
    {
        // Given an older report and summary, and a value the task refuses
        using var temp = new TempDirectory();
        var report = temp.WriteFile("reports/release-versions.json", "{\"outcome\":\"succeeded\",\"stale\":true}");
        var summary = temp.WriteFile("reports/release-versions.md", "### last week's run");
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip", MaxResults = "lots", ReportFile = report, MarkdownSummaryFile = summary }, engine);

        // When
        var succeeded = task.Execute();

        // Then nothing was sent, and both files say this run was refused, and why
        Assert.False(succeeded);
        Assert.Empty(emulator.RequestsSince(mark));
        Assert.Equal("CART0001", Assert.Single(engine.Errors).Code);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("refused", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("CART0001", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(json.RootElement.TryGetProperty("stale", out _));
        Assert.StartsWith("### CodeArtifact release versions — refused", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Log_The_Summary_Once_At_High_Importance_And_Detail_At_Low()
    {
        // Given a release file with two versions
        var name = $"s{Guid.NewGuid():N}"[..12];
        emulator.Server.Seed.AddReleaseFile(name, "1.0.0");
        emulator.Server.Seed.AddReleaseFile(name, "1.1.0");
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = name }, engine);

        // When
        var succeeded = task.Execute();

        // Then the one line a default-verbosity build shows is the summary
        Assert.True(succeeded, engine.Log);
        var high = Assert.Single(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.High);
        Assert.Equal($"Release versions of {name}.zip: 2 versions, latest 1.1.0.", high.Message);
        Assert.Contains(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.Low && m.Message!.Contains("ShowProjectReleaseFiles", StringComparison.Ordinal));
        Assert.Empty(engine.Warnings);
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        public const string Reason = "Connection reset by the test";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(Reason, new IOException(Reason));
    }
}
