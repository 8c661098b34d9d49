using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Emulator;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// Faults that outlast the retries: the job fails with a coded error that says what happened and
/// what to change, and a cleanup's report still lists what was deleted before the faults won.
/// </summary>
public sealed class RetryExhaustionTests(FaultyEmulatorFixture fixture) : IClassFixture<FaultyEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-exhausted-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose()
    {
        fixture.Calm();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("503", ErrorCodes.ServiceError, "HTTP 503")]
    [InlineData("drop", ErrorCodes.NetworkError, "connection was dropped")]
    public async Task A_Lookup_Fails_With_A_Coded_Error_Naming_The_Fault_And_The_Attempts(string fault, string code, string says)
    {
        // Given a release file, and a service that always fails its release API
        var name = "gone" + Guid.NewGuid().ToString("N")[..10];
        Server.Seed.AddReleaseFile(name, "1.0.0");
        using var client = fixture.CreateClient(maxRetries: 2);
        Server.Faults = FaultProfiles.Persistent(fault, "/v2/");
        var mark = Server.RequestLog.Count;

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name }));
        fixture.Calm();

        // Then: the code, the operation, the fault and the attempts, and exactly three were made
        Assert.Equal(code, error.Code);
        Assert.Equal("ShowProjectReleaseFiles", error.Operation);
        Assert.Contains("ShowProjectReleaseFiles", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, fixture.RequestsSince(mark).Count(e => e.Path.StartsWith("/v2/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_Throttled_Lookup_Waits_Retry_After_Then_Fails_With_CART0104()
    {
        // Given a service that throttles every request with Retry-After: 1
        var name = "slow" + Guid.NewGuid().ToString("N")[..10];
        Server.Seed.AddReleaseFile(name, "1.0.0");
        var events = new EventLog();
        using var client = fixture.CreateClient(maxRetries: 1, log: events.Add);
        Server.Faults = FaultProfiles.Persistent("429", "/v2/");
        var clock = Stopwatch.StartNew();

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name }));
        clock.Stop();
        fixture.Calm();

        // Then it waited the second it was asked to (not the 10 ms backoff), once, and said so
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"Retried after {clock.Elapsed}, before the 1 s of Retry-After.");
        Assert.Equal(ErrorCodes.Throttled, error.Code);
        Assert.Equal(429, error.HttpStatus);
        Assert.Equal("APIGW.0308", error.ServiceErrorCode);
        Assert.Contains("Gave up after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrency", error.Message, StringComparison.Ordinal);
        Assert.Empty(events.Warnings(ErrorCodes.Retrying));
        var retry = Assert.Single(events.Notices(ErrorCodes.Retrying));
        Assert.Contains("HTTP 429", retry.Message, StringComparison.Ordinal);
        Assert.Contains("retrying in 1 s", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Cleanup_Whose_Deletes_Start_Failing_Reports_What_It_Deleted_Before()
    {
        // Given ten obsolete files, deleted one at a time, and a service whose delete API
        // breaks down for good after the fourth delete
        var repository = Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-60);
        var paths = Enumerable.Range(0, 10).Select(i => $"/nightly/n{i:D2}.zip").ToArray();
        Server.Seed.PutFiles(repository, paths.Select(p => (p, Encoding.UTF8.GetBytes(p), old)));
        var events = new EventLog();
        var deletedSoFar = 0;
        void Log(CodeArtifactLogEvent e)
        {
            events.Add(e);
            if (e.Severity == LogSeverity.Detail && e.Message.StartsWith("Deleted /", StringComparison.Ordinal) && ++deletedSoFar == 4)
            {
                Server.Faults = FaultProfiles.Persistent("503", "/cloudartifact/v5/file");
            }
        }

        using var client = fixture.CreateClient(maxRetries: 2);

        // When
        var result = await new CleanupJob(client, Log).RunAsync(new CleanupOptions { Repository = repository, MaxConcurrency = 1 });
        fixture.Calm();

        // Then four files are reported deleted, and they are the four the service no longer has
        Assert.Equal(4, result.Deleted.Count);
        Assert.Equal(6, result.Failed.Count);
        Assert.All(result.Deleted, d => Assert.Null(Server.Seed.FindFile(repository, d.Path)));
        Assert.All(result.Failed, f => Assert.NotNull(Server.Seed.FindFile(repository, f.Path)));
        Assert.Equal(paths, result.Deleted.Select(d => d.Path).Concat(result.Failed.Select(f => f.Path)).Order(StringComparer.Ordinal));

        // And each failure says what happened, and is an error with its code
        Assert.All(result.Failed, f =>
        {
            Assert.Contains("DeleteArtifactFile failed: HTTP 503", f.Message, StringComparison.Ordinal);
            Assert.Contains("Gave up after 3 attempts", f.Message, StringComparison.Ordinal);
        });
        Assert.Equal(6, result.Problems.Count(p => p.Severity == ProblemSeverity.Error && p.Code == ErrorCodes.DeletionsFailed));

        // And the JSON and Markdown reports list exactly the deleted paths, for a restore
        var json = Path.Combine(_folder, "cleanup.json");
        var markdown = Path.Combine(_folder, "cleanup.md");
        await JobReport.WriteJsonAsync(json, result);
        await JobReport.WriteMarkdownAsync(markdown, result);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var results = report.RootElement.GetProperty("results");
        Assert.Equal("failed", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(result.Failed.Select(f => f.Path), report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("subject").GetString()));
        Assert.All(report.RootElement.GetProperty("problems").EnumerateArray(), p => Assert.Equal(ErrorCodes.DeletionsFailed, p.GetProperty("code").GetString()));
        Assert.Equal(result.Deleted.Select(d => d.Path), results.GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()));
        Assert.Equal(result.Failed.Select(f => f.Path), results.GetProperty("failed").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        var summary = await File.ReadAllTextAsync(markdown);
        Assert.All(result.Deleted, d => Assert.Contains(d.Path, summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Verification_Whose_Lookups_Always_Fail_Gives_Each_File_A_Remote_Error()
    {
        // Given published files, and a service whose file detail always answers 503
        var repository = Server.Seed.CreateRepository("generic").Id;
        var files = new List<VerifyFileRequest>();
        for (var i = 0; i < 3; i++)
        {
            var local = Path.Combine(_folder, $"v{i}.bin");
            await File.WriteAllTextAsync(local, $"v{i}");
            Server.Seed.PutFile(repository, $"/v/v{i}.bin", Encoding.UTF8.GetBytes($"v{i}"));
            files.Add(new VerifyFileRequest(local, $"/v/v{i}.bin"));
        }

        using var client = fixture.CreateClient(maxRetries: 1);
        Server.Faults = FaultProfiles.Persistent("503", "/cloudartifact/v5/");

        // When
        var result = await new ChecksumVerificationJob(client).RunAsync(new ChecksumVerificationOptions { Repository = repository, Files = files });
        fixture.Calm();

        // Then no verdict is made up from a failed look-up: each file is a remote error with the service error, and fails the run
        Assert.All(result.Files, f =>
        {
            Assert.Equal(VerificationStatus.RemoteError, f.Status);
            Assert.Equal(ErrorCodes.ServiceError, f.ErrorCode);
            Assert.Contains("ListArtifactoryComponent", f.Error, StringComparison.Ordinal);
            Assert.Contains("Gave up after 2 attempts", f.Error, StringComparison.Ordinal);
        });
        Assert.Equal(3, result.Problems.Count(p => p.Code == ErrorCodes.RemoteLookupFailed && p.Severity == ProblemSeverity.Error));
    }
}
