using System.Diagnostics;
using CodeArtifact.Bench.Runner.Infrastructure;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 8: how many signed file-detail requests the emulator answers per second with a fixed
/// number in flight. The load comes from this process (the product's client: every request
/// signed with AK/SK and verified by the emulator), so client and server share the machine's
/// cores; the figure is a floor for the emulator alone.
/// </summary>
internal sealed class EmulatorThroughputCase : BenchCase
{
    private const int Files = 100;

    public override string Number => "8";

    public override string Title => "Emulator throughput";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        await using var server = await Emulators.StartAsync(cancellationToken).ConfigureAwait(false);
        var repository = server.Seed.CreateRepository("generic", name: "bench-load");
        var content = DataFiles.RandomBytes(1024, seed: 8);
        var paths = Enumerable.Range(0, Files).Select(i => $"/bench/load/f{i:D3}.bin").ToArray();
        server.Seed.PutFiles(repository.Id, paths.Select(p => (p, content, DateTimeOffset.UtcNow)));
        using var client = Emulators.Client(server, sizes.InFlight);

        async Task<double> Load(TimeSpan duration)
        {
            long completed = 0;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, sizes.InFlight).Select(async worker =>
            {
                for (var i = worker; clock.Elapsed < duration; i += sizes.InFlight)
                {
                    var detail = await client.GetFileDetailAsync(repository.Id, paths[i % paths.Length], "generic", cancellationToken).ConfigureAwait(false);
                    if (detail.Checksums.Sha256 is null)
                    {
                        throw new InvalidOperationException($"No SHA-256 in the detail of {detail.Path}.");
                    }

                    Interlocked.Increment(ref completed);
                }
            }).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            return Interlocked.Read(ref completed) / clock.Elapsed.TotalSeconds;
        }

        await Load(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        var values = await Alternation.RunAsync([() => Load(sizes.LoadDuration)], [sizes.Runs], cancellationToken).ConfigureAwait(false);
        var throughput = new Samples(values[0]);
        var rejected = server.RequestLog.Snapshot().Count(e => e.Status != 200);
        return [new CaseResult
        {
            Number = Number,
            Title = $"Emulator: signed file-detail requests per second, {sizes.InFlight} in flight ({sizes.LoadDuration.TotalSeconds:0.#} s per run, client in the same process)",
            Ours = new Side(throughput, Unit.RequestsPerSecond),
            Figure = throughput.Median,
            FigureText = $"{Units.Format(throughput.Median, Unit.RequestsPerSecond)} median",
            Goal = Goal.AtLeast(2_000, Unit.RequestsPerSecond),
            ExtraConditionMet = rejected == 0,
            ExtraConditionText = $"{rejected} requests were not answered 200",
        }];
    }
}
