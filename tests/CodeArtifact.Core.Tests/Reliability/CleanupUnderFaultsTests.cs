using System.Text;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// Cleanup against the emulator under 30 % injected faults, including deletes the emulator applies
/// and then loses the answer of: every candidate is deleted exactly once by the emulator's own
/// count and reported deleted, files another client deletes first are reported already gone, and
/// a reviewed plan is applied exactly.
/// </summary>
public sealed class CleanupUnderFaultsTests(FaultyEmulatorFixture fixture) : IClassFixture<FaultyEmulatorFixture>, IDisposable
{
    private const string DeletePath = "/cloudartifact/v5/file";

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-faulty-cleanup-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose()
    {
        fixture.Calm();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Cleanup_Of_500_Files_Deletes_Each_Exactly_Once_And_Reports_Files_Deleted_By_Another_Client_As_Already_Gone()
    {
        // Given 500 obsolete files in ten folders, among newer files the policy keeps
        var repository = Server.Seed.CreateRepository("generic").Id;
        var now = DateTimeOffset.UtcNow;
        var obsolete = Enumerable.Range(0, 500).Select(i => $"/big/p{i % 10}/f{i:D3}.zip").Order(StringComparer.Ordinal).ToArray();
        var fresh = Enumerable.Range(0, 10).Select(i => $"/big/p{i}/fresh.zip").ToArray();
        Server.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), now.AddDays(-40)))
            .Concat(fresh.Select(p => (p, Encoding.UTF8.GetBytes(p), now))));

        // And another client that deletes five of them once the run has begun deleting
        var removedByOther = obsolete[^5..];
        var removals = new List<bool>();
        var removed = 0;
        void Log(CodeArtifactLogEvent e)
        {
            if (e.Severity == LogSeverity.Detail && e.Message.StartsWith("Deleted /", StringComparison.Ordinal) && Interlocked.Exchange(ref removed, 1) == 0)
            {
                removals.AddRange(removedByOther.Select(p => Server.Seed.DeleteFile(repository, p)));
            }
        }

        // (16 at once, so that the 1 s waits of the injected 429s overlap)
        using var client = fixture.CreateClient(maxConcurrency: 16);
        var options = new CleanupOptions { Repository = repository, RootPath = "/big", OlderThanDays = 30, MaxDeletions = 500 };

        // When the cleanup runs under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 512);
        var mark = Server.RequestLog.Count;
        var result = await new CleanupJob(client, Log).RunAsync(options);
        fixture.Calm();
        var requests = fixture.RequestsSince(mark);

        // Then every candidate is reported deleted, but the five another client deleted, which are already gone
        Assert.Equal([true, true, true, true, true], removals);
        var deletedByUs = obsolete.Except(removedByOther).ToArray();
        Assert.Equal(obsolete, result.Candidates.Select(c => c.Path));
        Assert.Equal(deletedByUs, result.Deleted.Select(d => d.Path));
        Assert.Equal(removedByOther, result.AlreadyGone.Select(g => g.Path));
        Assert.Empty(result.Failed);
        Assert.Empty(result.SkippedAsChanged);
        Assert.Empty(result.Interrupted);
        Assert.Empty(result.NotAttempted);
        Assert.False(result.Cancelled);
        Assert.Equal(deletedByUs.Sum(p => (long)Encoding.UTF8.GetByteCount(p)), result.BytesFreed);

        // And the emulator deleted each of them exactly once: one handled DELETE answered 200 per file
        var deletes = requests.Where(e => e.Method == "DELETE" && e.Path == DeletePath).ToList();
        Assert.Equal(deletedByUs.Length, deletes.Count(e => FaultNames.WasHandled(e.Fault) && e.Status == 200));
        Assert.All(obsolete, p => Assert.Null(Server.Seed.FindFile(repository, p)));
        Assert.All(fresh, p => Assert.NotNull(Server.Seed.FindFile(repository, p)));

        // And deletes whose answer was lost happened, and were counted deleted, not already gone
        var lost = deletes.Count(e => e.Fault == FaultNames.LostAnswer && e.Status == 200);
        Assert.True(lost > 0, "No delete lost its answer: the fault mix did not exercise the case.");
        Assert.Equal(lost, result.Deleted.Count(d => d.Note is not null));
        Assert.All(deletes.Where(e => e.Fault is null && e.Status != 200), e => Assert.Equal(404, e.Status));
        Assert.Contains(requests, e => e.Fault == FaultNames.Drop);
        Assert.Contains(requests, e => e.Fault == FaultNames.Throttled);

        // And only the five already-gone files are findings, as warnings
        Assert.Equal(removedByOther, result.Problems.Select(p => p.Subject));
        Assert.All(result.Problems, p => Assert.Equal((ProblemSeverity.Warning, ErrorCodes.AlreadyGone), (p.Severity, p.Code)));
    }

    [Fact]
    public async Task A_Reviewed_Plan_Is_Applied_Exactly_Under_Faults_And_A_File_Uploaded_Again_Is_Kept()
    {
        // Given versioned releases, and a plan from a dry run that keeps the two highest versions
        var repository = Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-20);
        string[] versions = ["1.0.0", "1.1.0", "1.2.0", "1.10.0", "2.0.0-rc.1"];
        Server.Seed.PutFiles(repository, versions.SelectMany(v => new[]
        {
            ($"/rel/app/{v}/app.zip", Encoding.UTF8.GetBytes("app " + v), old),
            ($"/rel/app/{v}/app.zip.sha256", Encoding.UTF8.GetBytes("sum " + v), old),
        }));
        var planFile = Path.Combine(_folder, "plan.json");
        using var client = fixture.CreateClient();
        var dry = await new CleanupJob(client).RunAsync(new CleanupOptions { Repository = repository, RootPath = "/rel", KeepLatestVersions = 2, DryRun = true, PlanFile = planFile });
        string[] planned = ["/rel/app/1.0.0/app.zip", "/rel/app/1.0.0/app.zip.sha256", "/rel/app/1.1.0/app.zip", "/rel/app/1.1.0/app.zip.sha256", "/rel/app/1.2.0/app.zip", "/rel/app/1.2.0/app.zip.sha256"];
        Assert.Equal(planned, dry.Candidates.Select(c => c.Path));

        // And, between review and apply, a new build of 1.1.0 and a file the policy would now select
        Server.Seed.PutFile(repository, "/rel/app/1.1.0/app.zip", Encoding.UTF8.GetBytes("rebuilt 1.1.0"), DateTimeOffset.UtcNow);
        Server.Seed.PutFile(repository, "/rel/app/0.9.0/app.zip", Encoding.UTF8.GetBytes("app 0.9.0"), old);

        // When the plan is applied under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 606);
        var mark = Server.RequestLog.Count;
        var applied = await new CleanupJob(client).RunAsync(new CleanupOptions { Repository = repository, RootPath = "/rel", FromPlan = planFile });
        fixture.Calm();

        // Then exactly the plan's unchanged files are deleted, each once; the new build is kept and reported
        var expected = planned.Where(p => p != "/rel/app/1.1.0/app.zip").ToArray();
        Assert.Equal(expected, applied.Deleted.Select(d => d.Path));
        Assert.Equal("/rel/app/1.1.0/app.zip", Assert.Single(applied.SkippedAsChanged).Path);
        Assert.Empty(applied.Failed);
        Assert.NotNull(Server.Seed.FindFile(repository, "/rel/app/1.1.0/app.zip"));
        Assert.NotNull(Server.Seed.FindFile(repository, "/rel/app/0.9.0/app.zip"));
        var requests = fixture.RequestsSince(mark);
        Assert.Equal(expected.Length, requests.Count(e => e.Method == "DELETE" && FaultNames.WasHandled(e.Fault) && e.Status == 200));
        Assert.DoesNotContain(requests, e => e.Operation == "ShowFileTree");
        Assert.Equal(ErrorCodes.ChangedSinceChecked, Assert.Single(applied.Problems).Code);
    }

    [Fact]
    public async Task A_Plan_For_Another_Repository_Is_Refused_Before_Any_Request()
    {
        var planned = Server.Seed.CreateRepository("generic").Id;
        var other = Server.Seed.CreateRepository("generic").Id;
        Server.Seed.PutFile(planned, "/x/1.0/a.zip", [1], DateTimeOffset.UtcNow.AddDays(-9));
        var planFile = Path.Combine(_folder, "other.json");
        using var client = fixture.CreateClient();
        await new CleanupJob(client).RunAsync(new CleanupOptions { Repository = planned, RootPath = "/x", DryRun = true, PlanFile = planFile });
        var mark = Server.RequestLog.Count;

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new CleanupJob(client).RunAsync(new CleanupOptions { Repository = other, RootPath = "/x", FromPlan = planFile }));

        Assert.Equal(ErrorCodes.PlanMismatch, error.Code);
        Assert.Empty(fixture.RequestsSince(mark));
        Assert.NotNull(Server.Seed.FindFile(planned, "/x/1.0/a.zip"));
    }
}
