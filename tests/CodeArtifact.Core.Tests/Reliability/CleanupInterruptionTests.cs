using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// A cleanup cancelled half-way: it stops within a second, its report lists exactly the files the
/// service deleted, a rerun deletes the rest, and a restore of every reported path brings them all back.
/// </summary>
public sealed class CleanupInterruptionTests(FaultyEmulatorFixture fixture) : IClassFixture<FaultyEmulatorFixture>, IDisposable
{
    private const string DeletePath = "/cloudartifact/v5/file";

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-cancel-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose()
    {
        fixture.Calm();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Cancelled_Half_Way_It_Stops_Within_A_Second_Reports_Exactly_What_Was_Deleted_And_A_Rerun_And_Restore_Complete()
    {
        // Given 60 obsolete files among kept ones, and a service that takes 50 ms per request
        var repository = Server.Seed.CreateRepository("generic").Id;
        var now = DateTimeOffset.UtcNow;
        var obsolete = Enumerable.Range(0, 60).Select(i => $"/builds/b{i % 3}/old-{i:D2}.zip").ToArray();
        var kept = Enumerable.Range(0, 3).Select(i => $"/builds/b{i}/new.zip").ToArray();
        Server.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), now.AddDays(-40)))
            .Concat(kept.Select(p => (p, Encoding.UTF8.GetBytes(p), now))));
        Server.Faults = new FaultOptions { LatencyMs = 50 };
        var options = new CleanupOptions { Repository = repository, RootPath = "/builds", OlderThanDays = 30, MaxConcurrency = 4 };
        using var client = fixture.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var tenDeleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deletedSoFar = 0;
        void Log(CodeArtifactLogEvent e)
        {
            if (e.Severity == LogSeverity.Detail && e.Message.StartsWith("Deleted /", StringComparison.Ordinal) && ++deletedSoFar == 10)
            {
                tenDeleted.TrySetResult();
            }
        }

        var mark = Server.RequestLog.Count;

        // When the run is cancelled once ten files are deleted
        var running = new CleanupJob(client, Log).RunAsync(options, cancellation.Token);
        await tenDeleted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var stopping = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var first = await running;
        stopping.Stop();

        // Then it stopped within a second, part way through
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"The cleanup took {stopping.Elapsed} to stop after cancellation.");
        Assert.True(first.Cancelled);
        Assert.Equal(obsolete.Length, first.Candidates.Count);
        Assert.InRange(first.Deleted.Count, 10, obsolete.Length - 1);

        // And what it reports deleted is exactly what the service deleted: every reported file is
        // gone, and every gone file is reported deleted, or interrupted (sent as the token fired)
        var gone = obsolete.Where(p => Server.Seed.FindFile(repository, p) is null).ToHashSet(StringComparer.Ordinal);
        var reportedDeleted = first.Deleted.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var interrupted = first.Interrupted.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(gone, reportedDeleted);
        Assert.Subset(reportedDeleted.Union(interrupted).ToHashSet(StringComparer.Ordinal), gone);
        Assert.True(interrupted.Count <= options.MaxConcurrency, $"{interrupted.Count} deletes were in flight, more than MaxConcurrency.");

        // And the emulator counts no more successful deletes than files gone: a delete the client
        // abandoned is logged 499, and did or did not happen (it is among the interrupted)
        var deletes = fixture.RequestsSince(mark).Where(e => e.Method == "DELETE" && e.Path == DeletePath).ToList();
        var answered = deletes.Count(e => e.Status == 200);
        Assert.InRange(gone.Count, answered, answered + deletes.Count(e => e.Status == 499));
        Assert.True(answered >= reportedDeleted.Count);

        // And the JSON report says so
        var reportPath = Path.Combine(_folder, "cleanup.json");
        await JobReport.WriteJsonAsync(reportPath, first);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.Equal("cancelled", report.RootElement.GetProperty("outcome").GetString());
        var results = report.RootElement.GetProperty("results");
        Assert.Equal(reportedDeleted.Order(StringComparer.Ordinal), Paths(results.GetProperty("deleted")));
        Assert.Equal(interrupted.Order(StringComparer.Ordinal), Paths(results.GetProperty("interrupted")));

        // When the cleanup runs again
        var second = await new CleanupJob(client).RunAsync(options);

        // Then it deletes exactly the rest (InterruptedCleanup: an interrupted delete may land late)
        Assert.False(second.Cancelled);
        Assert.Empty(second.Failed);
        InterruptedCleanup.AssertRerunDeletedTheRest(obsolete, reportedDeleted, interrupted, second.Deleted.Select(d => d.Path).ToList());
        Assert.All(obsolete, p => Assert.Null(Server.Seed.FindFile(repository, p)));
        Assert.All(kept, p => Assert.NotNull(Server.Seed.FindFile(repository, p)));

        // When every path the two reports list as deleted or interrupted is restored
        var toRestore = reportedDeleted.Union(interrupted).Union(second.Deleted.Select(d => d.Path)).Order(StringComparer.Ordinal).ToArray();
        var restore = await new RestoreJob(client).RunAsync(new RestoreOptions { Repository = repository, Paths = toRestore });

        // Then all 60 are back
        Assert.Equal(obsolete.Order(StringComparer.Ordinal), toRestore);
        Assert.Empty(restore.Failed);
        Assert.All(obsolete, p => Assert.NotNull(Server.Seed.FindFile(repository, p)));
    }

    [Fact]
    public async Task Cancelled_Before_Deleting_It_Throws_And_Deletes_Nothing()
    {
        // Given a listing that takes a while (50 ms per folder)
        var repository = Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-40);
        Server.Seed.PutFiles(repository, Enumerable.Range(0, 20).Select(i => ($"/deep/d{i}/f.zip", new byte[] { (byte)i }, old)));
        Server.Faults = new FaultOptions { LatencyMs = 50 };
        using var client = fixture.CreateClient(maxConcurrency: 1);
        using var cancellation = new CancellationTokenSource();
        var mark = Server.RequestLog.Count;

        // When it is cancelled during the walk
        var running = new CleanupJob(client).RunAsync(new CleanupOptions { Repository = repository, RootPath = "/deep" }, cancellation.Token);
        await Task.Delay(150);
        var stopping = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        stopping.Stop();

        // Then nothing was deleted
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"The walk took {stopping.Elapsed} to stop after cancellation.");
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Method == "DELETE");
        Assert.All(Enumerable.Range(0, 20), i => Assert.NotNull(Server.Seed.FindFile(repository, $"/deep/d{i}/f.zip")));
    }

    private static IEnumerable<string?> Paths(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("path").GetString());
}
