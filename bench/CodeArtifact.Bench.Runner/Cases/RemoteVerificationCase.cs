using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 3: verification of many published files against the emulator with added latency, the
/// job with the client's default settings vs the same job with <c>MaxConcurrency = 1</c>. Both
/// sides make the same requests (one file detail per file) and hash the same small local files.
/// </summary>
internal sealed class RemoteVerificationCase : BenchCase
{
    public override string Number => "3";

    public override string Title => "Verification against the emulator with latency";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var folder = context.Workspace.CreateFolder("case3");
        await using var server = await Emulators.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var repository = server.Seed.CreateRepository("generic", name: "bench-verify");
            var published = new List<(string Path, byte[] Content, DateTimeOffset Modified)>(sizes.PublishedFiles);
            var requests = new List<VerifyFileRequest>(sizes.PublishedFiles);
            for (var i = 0; i < sizes.PublishedFiles; i++)
            {
                var content = DataFiles.RandomBytes(sizes.PublishedFileBytes, seed: 1_000 + i);
                var remotePath = $"/bench/verify/f{i:D4}.bin";
                var local = Path.Combine(folder, $"f{i:D4}.bin");
                await File.WriteAllBytesAsync(local, content, cancellationToken).ConfigureAwait(false);
                published.Add((remotePath, content, DateTimeOffset.UtcNow));
                requests.Add(new VerifyFileRequest(local, remotePath));
            }

            server.Seed.PutFiles(repository.Id, published);
            server.Faults = new FaultOptions { LatencyMs = sizes.VerifyLatencyMs };

            async Task<double> Verify(int? maxConcurrency, IReadOnlyList<VerifyFileRequest> files)
            {
                using var client = Emulators.Client(server, maxConcurrency);
                var options = new ChecksumVerificationOptions { Files = files, Repository = repository.Id };
                ChecksumVerificationResult? result = null;
                var seconds = await Alternation.TimeAsync(async () =>
                    result = await new ChecksumVerificationJob(client).RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                if (result!.Verified != files.Count)
                {
                    throw new InvalidOperationException($"The job verified {result.Verified} of {files.Count} files (MaxConcurrency {maxConcurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}).");
                }

                return seconds;
            }

            // Untimed warm-up of both sides on a few files.
            var few = requests.Take(20).ToList();
            await Verify(null, few).ConfigureAwait(false);
            await Verify(1, few).ConfigureAwait(false);

            var values = await Alternation.RunAsync(
                [() => Verify(null, requests), () => Verify(1, requests)],
                [sizes.Runs, sizes.SlowRuns],
                cancellationToken).ConfigureAwait(false);
            var ours = new Samples(values[0]);
            var serial = new Samples(values[1]);
            var ratio = serial.Median / ours.Median;
            using var defaults = Emulators.Client(server);
            return [new CaseResult
            {
                Number = Number,
                Title = $"Verify {Units.Count(sizes.PublishedFiles)} published files, emulator +{sizes.VerifyLatencyMs} ms latency: default settings (MaxConcurrency {defaults.Options.MaxConcurrency}) vs MaxConcurrency=1",
                Ours = new Side(ours, Unit.Seconds),
                Baseline = new Side(serial, Unit.Seconds),
                Figure = ratio,
                FigureText = $"{ratio:0.0}× (serial ÷ default)",
                Goal = Goal.RatioAtLeast(12),
            }];
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }
}
