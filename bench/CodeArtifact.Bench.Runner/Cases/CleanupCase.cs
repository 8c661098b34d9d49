using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 4: cleanup of a large repository with added latency, default settings vs
/// <c>MaxConcurrency = 1</c>. Before every run the emulator is emptied and the same repository is
/// seeded again (folders of files, keep the newest N per folder), so both sides delete the same
/// files; the emulator's log must show exactly one successful delete per candidate, and at most two
/// requests per deleted file (its file detail, read just before, and its DELETE) beside the walk.
/// </summary>
internal sealed class CleanupCase : BenchCase
{
    public override string Number => "4";

    public override string Title => "Cleanup against the emulator with latency";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        await using var server = await Emulators.StartAsync(cancellationToken).ConfigureAwait(false);
        var deletionCounts = new List<int>();
        var requestCounts = new List<RequestCount>();

        async Task<double> Clean(int? maxConcurrency, int folders, int filesPerFolder, int keepLatest, bool count)
        {
            var repositoryId = Seed(server, folders, filesPerFolder);
            var expected = folders * (filesPerFolder - keepLatest);
            server.Faults = new FaultOptions { LatencyMs = sizes.CleanupLatencyMs };
            server.RequestLog.Clear();
            using var client = Emulators.Client(server, maxConcurrency);
            var options = new CleanupOptions { Repository = repositoryId, KeepLatest = keepLatest, MaxDeletions = expected };
            CleanupResult? result = null;
            var seconds = await Alternation.TimeAsync(async () =>
                result = await new CleanupJob(client).RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            server.Faults = FaultOptions.None;
            if (result!.Deleted.Count != expected || result.Failed.Count != 0)
            {
                throw new InvalidOperationException($"The job deleted {result.Deleted.Count} of {expected} files ({result.Failed.Count} failed).");
            }

            if (count)
            {
                var log = server.RequestLog.Snapshot();
                deletionCounts.Add(log.Count(e => e.Operation == "DeleteArtifactFile" && e.Method == "DELETE" && e.Status == 200));
                requestCounts.Add(new RequestCount(
                    log.Count,
                    log.Count(e => e.Operation == "ShowFileTree"),
                    log.Count(e => e.Operation == "ListArtifactoryComponent"),
                    log.Count(e => e.Operation == "DeleteArtifactFile"),
                    result.Deleted.Count));
            }

            return seconds;
        }

        // Untimed warm-up of both sides on a small tree.
        await Clean(null, 2, 20, 10, count: false).ConfigureAwait(false);
        await Clean(1, 2, 20, 10, count: false).ConfigureAwait(false);

        var values = await Alternation.RunAsync(
            [
                () => Clean(null, sizes.CleanupFolders, sizes.CleanupFilesPerFolder, sizes.CleanupKeepLatest, count: true),
                () => Clean(1, sizes.CleanupFolders, sizes.CleanupFilesPerFolder, sizes.CleanupKeepLatest, count: true),
            ],
            [sizes.Runs, sizes.SlowRuns],
            cancellationToken).ConfigureAwait(false);

        var ours = new Samples(values[0]);
        var serial = new Samples(values[1]);
        var ratio = serial.Median / ours.Median;
        var expectedDeletions = sizes.CleanupDeletions;
        var exact = deletionCounts.All(c => c == expectedDeletions);
        var counted = string.Join(", ", deletionCounts.Distinct().Select(c => Units.Count(c)));
        var withinTwo = requestCounts.All(r => r.Total <= 2 * r.Deleted + r.Walk);
        var most = requestCounts.MaxBy(r => r.Total)!;
        var requests = $"{Units.Count(most.Total)} requests per run at most ({Units.Count(most.Walk)} folder listings, {Units.Count(most.Details)} file details, {Units.Count(most.Deletes)} deletes)";
        return [new CaseResult
        {
            Number = Number,
            Title = $"Cleanup of a {Units.Count(sizes.CleanupFolders * sizes.CleanupFilesPerFolder)}-file repository, {Units.Count(expectedDeletions)} deletions, emulator +{sizes.CleanupLatencyMs} ms latency: default vs MaxConcurrency=1",
            Ours = new Side(ours, Unit.Seconds),
            Baseline = new Side(serial, Unit.Seconds),
            Figure = ratio,
            FigureText = $"{ratio:0.0}× (serial ÷ default); emulator counted {counted} deletions per run; {requests}",
            Goal = Goal.RatioAtLeast(10),
            ExtraConditionMet = exact && withinTwo,
            ExtraConditionText = exact
                ? $"{requests}: more than 2 per deleted file beside the walk"
                : $"emulator counted {counted} deletions, expected exactly {Units.Count(expectedDeletions)}",
            Note = $"each run walks the folders and, just before each delete, reads the candidate's file detail (to keep a file changed since the listing): {requests}, at most 2 per deleted file beside the walk.",
        }];
    }

    private sealed record RequestCount(int Total, int Walk, int Details, int Deletes, int Deleted);

    /// <summary>Empties the emulator and seeds one generic repository of <paramref name="folders"/> folders; returns its id.</summary>
    private static string Seed(EmulatorServer server, int folders, int filesPerFolder)
    {
        server.Clean();
        var repository = server.Seed.CreateRepository("generic", name: "bench-cleanup");
        var oldest = DateTimeOffset.UtcNow.AddDays(-30);
        var content = DataFiles.RandomBytes(64, seed: 4);
        var files = new List<(string Path, byte[] Content, DateTimeOffset Modified)>(folders * filesPerFolder);
        for (var f = 0; f < folders; f++)
        {
            for (var j = 0; j < filesPerFolder; j++)
            {
                files.Add(($"/builds/b{f:D3}/artifact-{j:D3}.zip", content, oldest.AddMinutes(j)));
            }
        }

        server.Seed.PutFiles(repository.Id, files);
        return repository.Id;
    }
}
