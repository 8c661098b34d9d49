using System.Text.Json;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Tests.Reports;

public sealed class JobReportTests : IDisposable
{
    private const string Password = "Sup3r<&>\"'secret";
    private static readonly DateTimeOffset Started = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MavenCredentialsResult Maven() => new()
    {
        Options = new MavenCredentialsOptions { Policy = "release", RepositoryIds = ["r1"], SettingsFile = "/home/u/.m2/settings.xml" },
        StartedAt = Started,
        FinishedAt = Started.AddSeconds(2),
        Repositories = [new MavenRepositoryCredential("r1", "Releases", "https://repo.example.com/r1/", "release", "user-1", new Secret(Password))],
        Settings = new MavenSettingsWriteResult("/home/u/.m2/settings.xml", true),
    };

    private static CleanupResult Cleanup(bool dryRun = false) => new()
    {
        Options = new CleanupOptions { Repository = "cn-north-7_abcdefgh_generic_1", RootPath = "/builds", Include = ["**/*.zip"], KeepLatest = 2, DryRun = dryRun },
        StartedAt = Started,
        FinishedAt = Started.AddMilliseconds(1500),
        DryRun = dryRun,
        Candidates = [new CleanupFile("/builds/a|b.zip", Started.AddDays(-40), 10), new CleanupFile("/builds/c.zip", Started.AddDays(-50), 20), new CleanupFile("/builds/d.zip", null, null)],
        Deleted = dryRun ? [] : [new CleanupFile("/builds/a|b.zip", Started.AddDays(-40), 10), new CleanupFile("/builds/c.zip", Started.AddDays(-50), 20)],
        Kept = [new CleanupFile("/builds/new.zip", Started, null, "keep-latest")],
        Failed = dryRun ? [] : [new CleanupFailure("/builds/d.zip", "DeleteArtifactFile failed with HTTP 500 (CR.5000: Unknown service error).")],
        BytesFreed = 30,
    };

    private static ChecksumVerificationResult Checksums() => new()
    {
        Options = new ChecksumVerificationOptions { Repository = "repo_1", Algorithm = ChecksumAlgorithm.Auto },
        StartedAt = Started,
        FinishedAt = Started,
        Files =
        [
            new FileVerification { LocalPath = "out/a.zip", RemotePath = "/a.zip", Repository = "repo_1", Status = VerificationStatus.Verified, Algorithm = "SHA256", LocalHash = "aa", RemoteHash = "aa" },
            new FileVerification { LocalPath = "out/b.zip", RemotePath = "/b.zip", Repository = "repo_1", Status = VerificationStatus.Mismatch, Algorithm = "SHA256", LocalHash = "bb", RemoteHash = "cc" },
        ],
    };

    private static ReleaseVersionsResult Releases() => new()
    {
        Options = new ReleaseVersionsOptions { FileName = "app.zip", MaxResults = 5 },
        StartedAt = Started,
        FinishedAt = Started,
        Versions = [new ReleaseVersion("1.9.0", "/r/1.9.0/app.zip", "https://download.example.com/1.9.0"), new ReleaseVersion("1.10.0", "/r/1.10.0/app.zip", "https://download.example.com/1.10.0")],
        Latest = new ReleaseVersion("1.10.0", "/r/1.10.0/app.zip", "https://download.example.com/1.10.0"),
        TotalRecords = 2,
        RecordsReceived = 2,
        PagesFetched = 1,
    };

    private static RestoreResult Restore() => new()
    {
        Options = new RestoreOptions { Repository = "repo_1", Paths = ["/a", "/b"] },
        StartedAt = Started,
        FinishedAt = Started,
        Restored = ["/a"],
        Failed = [new CleanupFailure("/b", "repo_1/b is not in the recycle bin")],
    };

    public static TheoryData<string> Jobs => new() { "maven-credentials", "checksums", "release-versions", "cleanup", "restore" };

    private static JobResult ResultOf(string job) => job switch
    {
        "maven-credentials" => Maven(),
        "checksums" => Checksums(),
        "release-versions" => Releases(),
        "cleanup" => Cleanup(),
        _ => Restore(),
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Should_Write_The_Stable_Envelope_For_Every_Job(string job)
    {
        var json = JobReport.ToJson(ResultOf(job));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(
            ["schemaVersion", "job", "tool", "startedAt", "finishedAt", "durationMs", "outcome", "summary", "error", "problems", "inputs", "results"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(job, root.GetProperty("job").GetString());
        Assert.Equal("CodeArtifact.Build", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("2025-06-01T12:00:00Z", root.GetProperty("startedAt").GetString());
        Assert.Equal(ResultOf(job).Summary, root.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("problems").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("inputs").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("results").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Should_Never_Hold_The_Maven_Password(string job)
    {
        var result = ResultOf(job);

        Assert.DoesNotContain("Sup3r", JobReport.ToJson(result), StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r", JobReport.ToMarkdown(result), StringComparison.Ordinal);
        Assert.DoesNotContain("password", JobReport.ToJson(result), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_List_Maven_Repositories_Without_Secrets()
    {
        using var document = JsonDocument.Parse(JobReport.ToJson(Maven()));
        var repository = document.RootElement.GetProperty("results").GetProperty("repositories")[0];

        Assert.Equal(["id", "name", "url", "policy", "userName"], repository.EnumerateObject().Select(p => p.Name));
        Assert.Equal("user-1", repository.GetProperty("userName").GetString());
        Assert.Equal("/home/u/.m2/settings.xml", document.RootElement.GetProperty("results").GetProperty("settingsFile").GetProperty("path").GetString());
    }

    [Fact]
    public void Should_List_Every_Deleted_Path_So_It_Can_Be_Restored()
    {
        using var document = JsonDocument.Parse(JobReport.ToJson(Cleanup()));
        var results = document.RootElement.GetProperty("results");

        Assert.Equal(["/builds/a|b.zip", "/builds/c.zip"], results.GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()));
        Assert.Equal(30, results.GetProperty("bytesFreed").GetInt64());
        Assert.Equal(2, results.GetProperty("deletedCount").GetInt32());
        Assert.Equal("keep-latest", results.GetProperty("kept")[0].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, results.GetProperty("candidates")[2].GetProperty("size").ValueKind);
        Assert.Equal("failed", document.RootElement.GetProperty("outcome").GetString());
        var problem = Assert.Single(document.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("error|CART0504|/builds/d.zip", $"{problem.GetProperty("severity").GetString()}|{problem.GetProperty("code").GetString()}|{problem.GetProperty("subject").GetString()}");
        Assert.Equal(1500, document.RootElement.GetProperty("durationMs").GetInt64());
        Assert.Equal(["**/*.zip"], document.RootElement.GetProperty("inputs").GetProperty("include").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Should_Name_The_Outcome()
    {
        Assert.Contains("\"outcome\": \"succeeded\"", JobReport.ToJson(Cleanup(dryRun: true)), StringComparison.Ordinal);
        Assert.Contains("\"dryRun\": true", JobReport.ToJson(Cleanup(dryRun: true)), StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"succeeded\"", JobReport.ToJson(Releases()), StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"failed\"", JobReport.ToJson(Checksums()), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Write_Every_Time_In_Utc()
    {
        // Given file times as the service gives them, in UTC+08:00
        var cleanup = Cleanup();
        var local = new DateTimeOffset(2025, 5, 1, 20, 30, 0, TimeSpan.FromHours(8));
        var result = new CleanupResult
        {
            Options = cleanup.Options,
            StartedAt = Started,
            FinishedAt = Started,
            Candidates = [new CleanupFile("/builds/a.zip", local, 1)],
            Deleted = [],
            Kept = [],
            Failed = [],
        };

        // When
        var json = JobReport.ToJson(result);

        // Then one zone, with Z
        Assert.Contains("\"modified\": \"2025-05-01T12:30:00Z\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("+08:00", json, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Mark_Pre_Releases_In_The_Release_Report()
    {
        // Given a pre-release above the latest release
        var rc = new ReleaseVersion("2.0.0-rc.1", "/r/2.0.0-rc.1/app.zip", "https://download.example.com/rc");
        var latest = new ReleaseVersion("1.10.0", "/r/1.10.0/app.zip", "https://download.example.com/1.10.0");
        var result = new ReleaseVersionsResult { Options = new ReleaseVersionsOptions { FileName = "app.zip" }, Versions = [latest, rc], Latest = latest, TotalRecords = 2, RecordsReceived = 2, PagesFetched = 1 };

        // When
        var markdown = JobReport.ToMarkdown(result);
        using var json = JsonDocument.Parse(JobReport.ToJson(result));

        // Then
        Assert.Contains("| `2.0.0-rc.1` (pre-release) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `1.10.0` |", markdown, StringComparison.Ordinal);
        var versions = json.RootElement.GetProperty("results").GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([false, true], versions.Select(v => v.GetProperty("prerelease").GetBoolean()));
        Assert.Equal("Release versions of \"app.zip\": 2 versions, latest 1.10.0; newest 2.0.0-rc.1 is a pre-release.", result.Summary);
    }

    [Fact]
    public void Should_Report_A_Refused_Run_With_Its_Code_And_No_Results()
    {
        // Given a run refused before its options could be read
        var run = new JobRun
        {
            JobName = "cleanup",
            Title = "The cleanup",
            Outcome = JobOutcome.Refused,
            StartedAt = Started,
            FinishedAt = Started,
            Failure = new JobProblem(ProblemSeverity.Error, ErrorCodes.InvalidArgument, "Invalid CodeArtifactCleanupKeepLatest \"two\": a whole number from 0 up.", "CodeArtifactCleanupKeepLatest"),
            Exception = CodeArtifactException.Invalid("KeepLatest", "Invalid KeepLatest \"two\": a whole number from 0 up."),
            Problems = [new JobProblem(ProblemSeverity.Error, ErrorCodes.InvalidArgument, "Invalid CodeArtifactCleanupKeepLatest \"two\": a whole number from 0 up.", "CodeArtifactCleanupKeepLatest")],
        };

        // When
        using var json = JsonDocument.Parse(JobReport.ToJson(run));
        var markdown = JobReport.ToMarkdown(run);

        // Then
        var root = json.RootElement;
        Assert.Equal("refused", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("inputs").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("results").ValueKind);
        var error = root.GetProperty("error");
        Assert.Equal("CART0001", error.GetProperty("code").GetString());
        Assert.Equal("CodeArtifactCleanupKeepLatest", error.GetProperty("parameter").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("httpStatus").ValueKind);
        Assert.StartsWith("### CodeArtifact cleanup — refused\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **error CART0001**: Invalid CodeArtifactCleanupKeepLatest \"two\"", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_What_The_Service_Said_When_It_Stopped_A_Run()
    {
        // Given a run the service refused with 401
        var failure = new CodeArtifactException(ErrorCodes.AuthenticationFailed, "ShowProjectReleaseFiles failed: HTTP 401 (trace id t-1).") { HttpStatus = 401, ServiceErrorCode = "APIGW.0301", TraceId = "t-1", Operation = "ShowProjectReleaseFiles" };
        var run = new JobRun
        {
            JobName = "release-versions",
            Title = "The release versions look-up",
            Outcome = JobOutcome.Failed,
            Options = new ReleaseVersionsOptions { FileName = "app.zip" },
            StartedAt = Started,
            FinishedAt = Started.AddSeconds(1),
            Failure = new JobProblem(ProblemSeverity.Error, failure.Code, failure.Message, failure.Operation),
            Exception = failure,
            Problems = [new JobProblem(ProblemSeverity.Error, failure.Code, failure.Message, failure.Operation)],
        };

        // When
        using var json = JsonDocument.Parse(JobReport.ToJson(run));

        // Then the inputs are there, the results are not, and the error carries the service's words
        var root = json.RootElement;
        Assert.Equal("failed", root.GetProperty("outcome").GetString());
        Assert.Equal("app.zip", root.GetProperty("inputs").GetProperty("fileName").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("results").ValueKind);
        var error = root.GetProperty("error");
        Assert.Equal(401, error.GetProperty("httpStatus").GetInt32());
        Assert.Equal("APIGW.0301", error.GetProperty("serviceErrorCode").GetString());
        Assert.Equal("t-1", error.GetProperty("traceId").GetString());
        Assert.Equal("ShowProjectReleaseFiles", error.GetProperty("operation").GetString());
    }

    [Fact]
    public void Should_Render_Markdown_Tables_With_Escaped_Cells()
    {
        var markdown = JobReport.ToMarkdown(Cleanup());

        Assert.StartsWith("### CodeArtifact cleanup — failed", markdown, StringComparison.Ordinal);
        Assert.Contains("- **error CART0504**: /builds/d.zip could not be deleted: DeleteArtifactFile failed", markdown, StringComparison.Ordinal);
        Assert.Contains("| Repository | Root | Candidates | Deleted | Already gone | Skipped as changed | Kept | Failed | Bytes freed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `cn-north-7_abcdefgh_generic_1` | `/builds` | 3 | 2 | 0 | 0 | 1 | 1 | 30 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `/builds/a\\|b.zip` |", markdown, StringComparison.Ordinal);
        Assert.Contains("failed: DeleteArtifactFile failed", markdown, StringComparison.Ordinal);

        // Every table row has as many cells as its header
        foreach (var table in markdown.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var cells = rows.Select(r => r.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')).Distinct();
            Assert.Single(cells);
        }
    }

    [Fact]
    public void Should_Say_Would_Delete_In_A_Dry_Run()
    {
        var markdown = JobReport.ToMarkdown(Cleanup(dryRun: true));

        Assert.StartsWith("### CodeArtifact cleanup (dry run) — succeeded\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("dry-run", markdown, StringComparison.Ordinal);
        Assert.Contains("Bytes to free", markdown, StringComparison.Ordinal);
        Assert.Contains("would delete", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Should_Render_A_Heading_And_A_Table_For_Every_Job(string job)
    {
        var markdown = JobReport.ToMarkdown(ResultOf(job));

        Assert.StartsWith("### CodeArtifact ", markdown, StringComparison.Ordinal);
        Assert.Contains("|---|", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_Json_And_Append_Markdown()
    {
        var json = Path.Combine(_folder, "reports", "cleanup.json");
        var summary = Path.Combine(_folder, "summary.md");
        await File.WriteAllTextAsync(summary, "# Build\n\n");

        await JobReport.WriteJsonAsync(json, Cleanup());
        await JobReport.WriteMarkdownAsync(summary, Releases(), append: true);

        Assert.Equal(JobReport.ToJson(Cleanup()), await File.ReadAllTextAsync(json));
        var text = await File.ReadAllTextAsync(summary);
        Assert.StartsWith("# Build\n\n### CodeArtifact release versions", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fail_With_Cart0901_If_The_Report_Cannot_Be_Written()
    {
        var blocker = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(blocker, "x");

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => JobReport.WriteJsonAsync(Path.Combine(blocker, "report.json"), Restore()));

        Assert.Equal(ErrorCodes.ReportWriteFailed, error.Code);
        Assert.Equal("ReportFile", error.ParameterName);
    }

    [Theory]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x", "`` `x ``")]
    [InlineData("x|y", "`x\\|y`")]
    [InlineData("", "—")]
    public void Should_Render_Code_Spans_That_Survive_Backticks_And_Pipes(string text, string expected) =>
        Assert.Equal(expected, MarkdownReport.Code(text));

    [Fact]
    public void Should_Neutralise_Html_And_Line_Breaks_In_Cells() =>
        Assert.Equal("a&lt;b> c d", MarkdownReport.Cell("a<b> c\nd"));
}
