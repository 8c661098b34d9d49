using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 5: every version of a release file with many records. The figure is the number of
/// sequential round trips, counted from the emulator's request log: with latency L added to
/// every page, a request that had to wait for an earlier answer arrives at least L after it, so
/// arrivals are grouped into waves that start L/2 or more after the previous wave began. The
/// baseline pages one request after another (offset 0, 100, 200 …), as a plain loop would.
/// </summary>
internal sealed class ReleaseVersionsCase : BenchCase
{
    private const string FileName = "benchapp";

    public override string Number => "5";

    public override string Title => "Release versions";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        await using var server = await Emulators.StartAsync(cancellationToken).ConfigureAwait(false);
        var content = DataFiles.RandomBytes(32, seed: 5);
        for (var i = 0; i < sizes.ReleaseRecords; i++)
        {
            server.Seed.AddReleaseFile(FileName, $"{i / 100}.{i / 10 % 10}.{i % 10}", content, fileName: $"{FileName}.zip");
        }

        var latency = TimeSpan.FromMilliseconds(sizes.ReleaseLatencyMs);
        server.Faults = new FaultOptions { LatencyMs = sizes.ReleaseLatencyMs };
        using var client = Emulators.Client(server);
        var ourWaves = new List<int>();
        var ourRequests = new List<int>();
        var baselineWaves = new List<int>();

        async Task<double> Ours(bool record)
        {
            server.RequestLog.Clear();
            ReleaseVersionsResult? result = null;
            var seconds = await Alternation.TimeAsync(async () =>
                result = await new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = FileName }, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (result!.Versions.Count != sizes.ReleaseRecords)
            {
                throw new InvalidOperationException($"The job found {result.Versions.Count} of {sizes.ReleaseRecords} versions.");
            }

            if (record)
            {
                var arrivals = Arrivals(server);
                ourWaves.Add(Waves(arrivals, latency));
                ourRequests.Add(arrivals.Count);
            }

            return seconds;
        }

        async Task<double> Sequential(bool record)
        {
            server.RequestLog.Clear();
            var found = 0;
            var seconds = await Alternation.TimeAsync(async () =>
            {
                for (int offset = 0, total = int.MaxValue; offset < total; offset += ReleaseVersionsJob.PageSize)
                {
                    var page = await client.GetReleaseFilesAsync(FileName, ReleaseVersionsJob.PageSize, offset, cancellationToken).ConfigureAwait(false);
                    total = page.TotalRecords;
                    found += page.Data.Count;
                    if (page.Data.Count == 0)
                    {
                        break;
                    }
                }
            }).ConfigureAwait(false);
            if (found != sizes.ReleaseRecords)
            {
                throw new InvalidOperationException($"Sequential paging found {found} of {sizes.ReleaseRecords} records.");
            }

            if (record)
            {
                baselineWaves.Add(Waves(Arrivals(server), latency));
            }

            return seconds;
        }

        await Ours(record: false).ConfigureAwait(false);
        await Sequential(record: false).ConfigureAwait(false);
        var values = await Alternation.RunAsync([() => Ours(true), () => Sequential(true)], [sizes.Runs, sizes.Runs], cancellationToken).ConfigureAwait(false);

        var worst = ourWaves.Max();
        var ours = new Samples(values[0]);
        var sequential = new Samples(values[1]);
        return [new CaseResult
        {
            Number = Number,
            Title = $"Release versions, {Units.Count(sizes.ReleaseRecords)} records (emulator +{sizes.ReleaseLatencyMs} ms per page): ReleaseVersionsJob vs paging one page after another",
            Ours = new Side(ours, Unit.Seconds),
            Baseline = new Side(sequential, Unit.Seconds),
            Figure = worst,
            FigureText = $"{worst} sequential round trips (worst run; {ourRequests.Max()} requests) vs {baselineWaves.Max()} for sequential paging; {sequential.Median / ours.Median:0.0}× faster",
            Goal = Goal.AtMost(2, Unit.RoundTrips, "≤ 2 round trips"),
        }];
    }

    private static List<DateTimeOffset> Arrivals(EmulatorServer server) =>
        server.RequestLog.Snapshot().Where(e => e.Operation == "ShowProjectReleaseFiles").Select(e => e.Time).Order().ToList();

    /// <summary>Groups sorted arrivals into waves: a wave starts at least half the added latency after the previous one began.</summary>
    private static int Waves(IReadOnlyList<DateTimeOffset> arrivals, TimeSpan latency)
    {
        var waves = 0;
        DateTimeOffset? waveStart = null;
        foreach (var arrival in arrivals)
        {
            if (waveStart is null || arrival - waveStart.Value >= latency / 2)
            {
                waves++;
                waveStart = arrival;
            }
        }

        return waves;
    }
}
