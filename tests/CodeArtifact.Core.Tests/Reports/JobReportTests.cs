using System.Text.Json;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;

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
            ["schemaVersion", "job", "tool", "startedAt", "finishedAt", "durationMs", "outcome", "inputs", "results"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(job, root.GetProperty("job").GetString());
        Assert.Equal("CodeArtifact.Build", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(Started, root.GetProperty("startedAt").GetDateTimeOffset());
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
        Assert.Equal("completed-with-problems", document.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(1500, document.RootElement.GetProperty("durationMs").GetInt64());
        Assert.Equal(["**/*.zip"], document.RootElement.GetProperty("inputs").GetProperty("include").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Should_Name_The_Outcome()
    {
        Assert.Contains("\"outcome\": \"dry-run\"", JobReport.ToJson(Cleanup(dryRun: true)), StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"succeeded\"", JobReport.ToJson(Releases()), StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"completed-with-problems\"", JobReport.ToJson(Checksums()), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Render_Markdown_Tables_With_Escaped_Cells()
    {
        var markdown = JobReport.ToMarkdown(Cleanup());

        Assert.StartsWith("### CodeArtifact cleanup — completed-with-problems", markdown, StringComparison.Ordinal);
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

        Assert.Contains("cleanup (dry run)", markdown, StringComparison.Ordinal);
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
