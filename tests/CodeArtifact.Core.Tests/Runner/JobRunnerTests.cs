using System.Text;
using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using CodeArtifact.Core.Tests.Integration;
using CodeArtifact.Emulator;

namespace CodeArtifact.Core.Tests.Runner;

/// <summary>
/// The runner both front ends use, end to end against the emulator: for every job a success, a
/// 401, a refusal before any request and a cancellation, each with its report (JSON and Markdown)
/// replacing the report an earlier run left.
/// </summary>
public sealed class JobRunnerTests(JobsEmulatorFixture emulator) : IClassFixture<JobsEmulatorFixture>, IDisposable
{
    private const string Stale = "STALE REPORT OF AN EARLIER RUN";

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-runner-").FullName;
    private readonly List<CodeArtifactLogEvent> _events = [];

    public static TheoryData<string> Jobs => new() { "maven-credentials", "checksums", "release-versions", "cleanup", "restore" };

    private EmulatorServer Server => emulator.Server;

    private string ReportPath => Path.Combine(_folder, "reports", "report.json");

    private string MarkdownPath => Path.Combine(_folder, "reports", "report.md");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Should_Report_A_Success_With_Its_Summary_Replacing_An_Older_Report(string job)
    {
        // Given an older report in the folder
        WriteStaleReports();

        // When
        var run = await RunAsync(job, JobInput.Good, Runner());

        // Then
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.True(run.Succeeded, string.Join("\n", run.Problems));
        Assert.NotNull(run.Result);
        Assert.Null(run.Failure);
        var summary = Assert.Single(_events, e => e.Severity == LogSeverity.Summary);
        Assert.Equal(run.Summary, summary.Message);
        using var report = ReadReport();
        Assert.Equal("succeeded", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(job, report.RootElement.GetProperty("job").GetString());
        Assert.Equal(run.Summary, report.RootElement.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Object, report.RootElement.GetProperty("results").ValueKind);
        Assert.Equal(ReportPath, run.ReportFile);
        AssertMarkdown("succeeded");
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Should_Report_A_401_As_A_Failure_With_The_Service_Code(string job)
    {
        // Given a wrong secret key, and an older report
        WriteStaleReports();
        var runner = Runner(secretKey: "Wrong-Secret-Key-000000000000000000000000");

        // When
        var run = await RunAsync(job, JobInput.Good, runner);

        // Then it failed; a restore, which goes on batch by batch, reports each file with the 401
        Assert.Equal(JobOutcome.Failed, run.Outcome);
        using var report = ReadReport();
        Assert.Equal("failed", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Object, report.RootElement.GetProperty("inputs").ValueKind);
        if (job == "restore")
        {
            var problem = Assert.Single(run.Problems);
            Assert.Equal(ErrorCodes.RestoreFailed, problem.Code);
            Assert.Contains("HTTP 401", problem.Message, StringComparison.Ordinal);
            Assert.Equal(ErrorCodes.RestoreFailed, report.RootElement.GetProperty("problems")[0].GetProperty("code").GetString());
        }
        else
        {
            Assert.Null(run.Result);
            Assert.Equal(ErrorCodes.AuthenticationFailed, run.Failure?.Code);
            Assert.Equal(run.Failure, Assert.Single(run.Problems));
            Assert.Equal(401, Assert.IsType<CodeArtifactException>(run.Exception).HttpStatus);
            var error = report.RootElement.GetProperty("error");
            Assert.Equal(ErrorCodes.AuthenticationFailed, error.GetProperty("code").GetString());
            Assert.Equal(401, error.GetProperty("httpStatus").GetInt32());
            Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("results").ValueKind);
        }

        Assert.DoesNotContain("Wrong-Secret-Key", File.ReadAllText(ReportPath), StringComparison.Ordinal);
        AssertMarkdown("failed");
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Should_Report_A_Refusal_Before_Any_Request(string job)
    {
        // Given an input the job refuses, and an older report
        WriteStaleReports();
        var mark = Server.RequestLog.Count;

        // When
        var run = await RunAsync(job, JobInput.Bad, Runner());

        // Then nothing was sent, and the report says why
        Assert.Empty(Server.RequestLog.Snapshot().Skip(mark));
        Assert.Equal(JobOutcome.Refused, run.Outcome);
        Assert.StartsWith("CART00", run.Failure?.Code, StringComparison.Ordinal);
        using var report = ReadReport();
        Assert.Equal("refused", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(run.Failure!.Code, report.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(run.Failure.Subject, report.RootElement.GetProperty("error").GetProperty("parameter").GetString());
        AssertMarkdown("refused");
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Should_Report_A_Cancellation_As_CART0506(string job)
    {
        // Given a run cancelled before its first answer, and an older report
        WriteStaleReports();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // When
        var run = await RunAsync(job, JobInput.Good, Runner(), cancelled.Token);

        // Then
        Assert.Equal(JobOutcome.Cancelled, run.Outcome);
        Assert.False(run.Succeeded);
        Assert.Equal(ErrorCodes.Cancelled, run.Failure?.Code);
        Assert.Contains("had changed nothing", run.Failure!.Message, StringComparison.Ordinal);
        using var report = ReadReport();
        Assert.Equal("cancelled", report.RootElement.GetProperty("outcome").GetString());
        AssertMarkdown("cancelled");
    }

    [Fact]
    public async Task Should_Report_What_A_Cleanup_Cancelled_Part_Way_Had_Deleted()
    {
        // Given ten obsolete files deleted one at a time, and a cancellation after the third delete
        var repository = Server.Seed.CreateRepository("generic").Id;
        var paths = Enumerable.Range(0, 10).Select(i => $"/ci/b{i}.zip").ToArray();
        Server.Seed.PutFiles(repository, paths.Select(p => (p, Encoding.UTF8.GetBytes(p), DateTimeOffset.UtcNow.AddDays(-9))));
        using var cancellation = new CancellationTokenSource();
        var deleted = 0;
        var runner = Runner(log: e =>
        {
            if (e.Severity == LogSeverity.Detail && e.Message.StartsWith("Deleted /", StringComparison.Ordinal) && ++deleted == 3)
            {
                cancellation.Cancel();
            }
        });

        // When
        var run = await runner.RunAsync(CodeArtifactJobs.Cleanup, () => new CleanupOptions { Repository = repository, RootPath = "/ci", MaxConcurrency = 1 }, cancellation.Token);

        // Then it stopped with CART0506, saying what it did and where the list is
        Assert.Equal(JobOutcome.Cancelled, run.Outcome);
        Assert.Equal(3, run.Result!.Deleted.Count);
        var failure = run.Failure!;
        Assert.Equal(ErrorCodes.Cancelled, failure.Code);
        Assert.Contains("3 of 10 files deleted", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ReportPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("restore the deleted and interrupted files", failure.Message, StringComparison.Ordinal);

        // And the report lists exactly the files the emulator no longer has
        using var report = ReadReport();
        Assert.Equal("cancelled", report.RootElement.GetProperty("outcome").GetString());
        var listed = report.RootElement.GetProperty("results").GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(paths.Where(p => Server.Seed.FindFile(repository, p) is null).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task Should_Name_The_Parameters_As_The_Front_End_Knows_Them()
    {
        // Given the MSBuild property behind FileName
        var runner = Runner(names: new Dictionary<string, string> { ["FileName"] = "CodeArtifactReleaseFileName" });

        // When
        var run = await runner.RunAsync(CodeArtifactJobs.ReleaseVersions, () => new ReleaseVersionsOptions { FileName = "bad name!" }, CancellationToken.None);

        // Then the message names the property and echoes the value
        Assert.Equal(ErrorCodes.InvalidArgument, run.Failure?.Code);
        Assert.StartsWith("Invalid CodeArtifactReleaseFileName \"bad name!\":", run.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal("CodeArtifactReleaseFileName", run.Failure.Subject);
    }

    [Fact]
    public async Task Should_Refuse_A_Report_Path_It_Cannot_Use_Before_Any_Request()
    {
        // Given a report file below a file
        var blocker = Path.Combine(_folder, "file");
        File.WriteAllText(blocker, "x");
        var mark = Server.RequestLog.Count;
        var runner = Runner(reportFile: Path.Combine(blocker, "report.json"));

        // When
        var run = await RunAsync("release-versions", JobInput.Good, runner);

        // Then
        Assert.Equal(JobOutcome.Refused, run.Outcome);
        Assert.Contains(run.Problems, p => p.Code == ErrorCodes.ReportWriteFailed);
        Assert.Empty(Server.RequestLog.Snapshot().Skip(mark));
    }

    private JobRunner Runner(string? secretKey = null, Action<CodeArtifactLogEvent>? log = null, IReadOnlyDictionary<string, string>? names = null, string? reportFile = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = Server.Identity.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = secretKey ?? Server.Identity.SecretKey,
        };
        return new JobRunner(new JobRunSettings
        {
            Connection = new() { Endpoint = Server.Endpoint.ToString(), TenantId = Server.Identity.TenantId, ProjectId = Server.Identity.ProjectId, MaxRetries = "0" },
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
            ReportFile = reportFile ?? ReportPath,
            MarkdownSummaryFile = MarkdownPath,
            ParameterNames = names,
            Log = e =>
            {
                lock (_events)
                {
                    _events.Add(e);
                }

                log?.Invoke(e);
            },
        });
    }

    private enum JobInput
    {
        Good,
        Bad,
    }

    /// <summary>Seeds what <paramref name="job"/> needs and runs it; <see cref="JobInput.Bad"/> gives it an input it refuses.</summary>
    private async Task<JobRun> RunAsync(string job, JobInput input, JobRunner runner, CancellationToken cancellationToken = default)
    {
        var bad = input == JobInput.Bad;
        switch (job)
        {
            case "maven-credentials":
            {
                var (release, _) = Server.Seed.CreateMavenRepository($"r{Guid.NewGuid():N}"[..12]);
                return await runner.RunAsync(CodeArtifactJobs.MavenCredentials, () => new MavenCredentialsOptions { RepositoryIds = [release.Id], Access = bad ? "write" : "r" }, cancellationToken);
            }

            case "checksums":
            {
                var repository = Server.Seed.CreateRepository("generic").Id;
                Server.Seed.PutFile(repository, "/app/a.zip", Encoding.UTF8.GetBytes("app"));
                var local = Path.Combine(_folder, "a.zip");
                File.WriteAllText(local, "app");
                return await runner.RunAsync(CodeArtifactJobs.Checksums, () => new ChecksumVerificationOptions { Files = [new VerifyFileRequest(local, "/app/a.zip")], Repository = bad ? "repo id; rm" : repository }, cancellationToken);
            }

            case "release-versions":
            {
                var name = $"r{Guid.NewGuid():N}"[..12];
                Server.Seed.AddReleaseFile(name, "1.0.0");
                return await runner.RunAsync(CodeArtifactJobs.ReleaseVersions, () => new ReleaseVersionsOptions { FileName = bad ? "bad name!" : name }, cancellationToken);
            }

            case "cleanup":
            {
                var repository = Server.Seed.CreateRepository("generic").Id;
                Server.Seed.PutFile(repository, "/old/a.zip", Encoding.UTF8.GetBytes("a"), DateTimeOffset.UtcNow.AddDays(-9));
                return await runner.RunAsync(CodeArtifactJobs.Cleanup, () => new CleanupOptions { Repository = repository, RootPath = bad ? "/old/../../x" : "/old" }, cancellationToken);
            }

            default:
            {
                var repository = Server.Seed.CreateRepository("generic").Id;
                Server.Seed.PutFile(repository, "/gone/a.zip", Encoding.UTF8.GetBytes("a"));
                Server.Seed.DeleteFile(repository, "/gone/a.zip");
                return await runner.RunAsync(CodeArtifactJobs.Restore, () => new RestoreOptions { Repository = repository, Paths = bad ? [] : ["/gone/a.zip"] }, cancellationToken);
            }
        }
    }

    private void WriteStaleReports()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        File.WriteAllText(ReportPath, Stale);
        File.WriteAllText(MarkdownPath, Stale);
    }

    private JsonDocument ReadReport()
    {
        var text = File.ReadAllText(ReportPath);
        Assert.DoesNotContain(Stale, text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(2, document.RootElement.GetProperty("schemaVersion").GetInt32());
        return JsonDocument.Parse(text);
    }

    private void AssertMarkdown(string outcome)
    {
        var text = File.ReadAllText(MarkdownPath);
        Assert.DoesNotContain(Stale, text, StringComparison.Ordinal);
        Assert.Contains($" — {outcome}\n", text, StringComparison.Ordinal);
    }
}
