using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;

namespace CodeArtifact.Core.Tests.Reports;

/// <summary>The cleanup and restore reports list deleted, already-gone, skipped-as-changed and not-attempted files apart.</summary>
public sealed class CleanupReportTests
{
    private static readonly DateTimeOffset Started = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CleanupResult Stopped() => new()
    {
        Options = new CleanupOptions { Repository = "cn-north-7_abcdefgh_generic_1", RootPath = "/builds", KeepLatestVersions = 3, NotDownloadedForDays = 60, FromPlan = "plan.json" },
        StartedAt = Started,
        FinishedAt = Started.AddSeconds(3),
        Candidates = new[] { "/builds/a.zip", "/builds/b.zip", "/builds/c.zip", "/builds/d.zip", "/builds/e.zip" }.Select(p => new CleanupFile(p, Started.AddDays(-90), 10)).ToArray(),
        Deleted = [new CleanupFile("/builds/a.zip", Started.AddDays(-90), 10, Note: "an earlier attempt of the delete got no answer")],
        AlreadyGone = [new CleanupFile("/builds/b.zip", Started.AddDays(-90), 10, Note: "its file detail answered 404")],
        SkippedAsChanged = [new CleanupFile("/builds/c.zip", Started.AddDays(-90), 10, "changed-since-plan", "changed since the plan: its SHA-256 is ab, the plan has cd")],
        Failed = [new CleanupFailure("/builds/d.zip", "DeleteArtifactFile failed: HTTP 403, CR.4102", ErrorCodes.DeletionsStopped)],
        NotAttempted = [new CleanupFile("/builds/e.zip", Started.AddDays(-90), 10)],
        StoppedBy = new CleanupFailure("/builds/d.zip", "DeleteArtifactFile failed: HTTP 403, CR.4102", ErrorCodes.DeletionsStopped),
        Kept = [],
        BytesFreed = 10,
    };

    [Fact]
    public void Should_List_Each_Ending_Apart_In_The_Json_Report()
    {
        using var json = JsonDocument.Parse(JobReport.ToJson(Stopped()));
        var root = json.RootElement;
        var results = root.GetProperty("results");

        Assert.Equal("failed", root.GetProperty("outcome").GetString());
        Assert.Equal(3, root.GetProperty("inputs").GetProperty("keepLatestVersions").GetInt32());
        Assert.Equal(60, root.GetProperty("inputs").GetProperty("notDownloadedForDays").GetDouble());
        Assert.Equal("plan.json", root.GetProperty("inputs").GetProperty("fromPlan").GetString());
        Assert.Equal("/builds/a.zip", results.GetProperty("deleted")[0].GetProperty("path").GetString());
        Assert.Contains("no answer", results.GetProperty("deleted")[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("/builds/b.zip", results.GetProperty("alreadyGone")[0].GetProperty("path").GetString());
        Assert.Equal(1, results.GetProperty("alreadyGoneCount").GetInt32());
        Assert.Equal("changed-since-plan", results.GetProperty("skippedAsChanged")[0].GetProperty("reason").GetString());
        Assert.Equal(1, results.GetProperty("skippedAsChangedCount").GetInt32());
        Assert.Equal("CART0512", results.GetProperty("failed")[0].GetProperty("code").GetString());
        Assert.Equal("/builds/d.zip", results.GetProperty("stoppedBy").GetProperty("path").GetString());
        Assert.Equal("/builds/e.zip", results.GetProperty("notAttempted")[0].GetProperty("path").GetString());
        Assert.Equal(10, results.GetProperty("bytesFreed").GetInt64());
    }

    [Fact]
    public void Should_Give_Each_File_Its_Status_In_The_Markdown_Report()
    {
        var markdown = JobReport.ToMarkdown(Stopped());

        Assert.Contains("| `/builds/a.zip` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| deleted |", markdown, StringComparison.Ordinal);
        Assert.Contains("| already gone |", markdown, StringComparison.Ordinal);
        Assert.Contains("kept, changed: changed since the plan", markdown, StringComparison.Ordinal);
        Assert.Contains("| not attempted |", markdown, StringComparison.Ordinal);
        Assert.Contains("Already gone", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_A_Cancelled_Restore_Is_Cancelled_And_List_What_It_Restored()
    {
        var restore = new RestoreResult
        {
            Options = new RestoreOptions { Repository = "cn-north-7_abcdefgh_generic_1", Paths = ["/a", "/b", "/c"] },
            StartedAt = Started,
            FinishedAt = Started,
            Restored = ["/a"],
            Failed = [],
            Interrupted = ["/b"],
            NotAttempted = ["/c"],
            Cancelled = true,
        };

        using var json = JsonDocument.Parse(JobReport.ToJson(restore));
        var results = json.RootElement.GetProperty("results");

        Assert.Equal("cancelled", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(["/a"], results.GetProperty("restored").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["/b"], results.GetProperty("interrupted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["/c"], results.GetProperty("notAttempted").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("| `/b` | interrupted (state unknown) |", JobReport.ToMarkdown(restore), StringComparison.Ordinal);
    }
}
