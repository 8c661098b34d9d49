using System.Diagnostics;
using System.Globalization;
using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 9: publish. 9a: <see cref="PublishJob"/> with default settings vs the same job with
/// <c>MaxConcurrency = 1</c>, uploading many files to the emulator with added latency (before
/// every run the emulator is emptied, so every run uploads every file; each run also reads every
/// file's detail before and after, as the job does). 9b: peak working set of a child process that
/// publishes one very large sparse file vs the same child idle, as case 7 measures verification.
/// </summary>
internal sealed class PublishCase : BenchCase
{
    public const string ChildSwitch = "--child-publish-memory";

    private const string BigRemotePath = "/bench/publish/big.bin";
    private const string WarmRemotePath = "/bench/publish/warm.bin";

    public override string Number => "9";

    public override string Title => "Publish to the emulator with latency; peak memory publishing one large file";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var speed = await SpeedAsync(context, cancellationToken).ConfigureAwait(false);
        var memory = await MemoryAsync(context, cancellationToken).ConfigureAwait(false);
        var clientSide = await ClientSideAsync(context, cancellationToken).ConfigureAwait(false);
        return [speed, memory, clientSide];
    }

    private async Task<CaseResult> SpeedAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var folder = context.Workspace.CreateFolder("case9a");
        try
        {
            context.Workspace.RequireFreeSpace(2 * sizes.PublishFiles * sizes.PublishFileBytes, "Case 9a's files and the emulator's copy of them");
            var files = WriteFiles(folder, sizes);

            // Bodies on disk, not in memory: 1.6 GiB of uploads per run would otherwise sit in the same managed heap as the client.
            await using var server = await EmulatorServer.StartAsync(
                new EmulatorOptions { DataDirectory = Path.Combine(folder, "emulator"), RequestLogCapacity = 250_000 },
                cancellationToken).ConfigureAwait(false);
            var uploads = new List<int>();
            var cpuSeconds = new List<double>();

            async Task<double> Publish(int? maxConcurrency, IReadOnlyList<PublishFileRequest> batch, bool count)
            {
                // An empty emulator with the account's Maven repository and an empty generic one: every run uploads every file.
                server.Faults = FaultOptions.None;
                server.Clean();
                server.Seed.CreateMavenRepository("bench-maven");
                var repository = server.Seed.CreateRepository("generic", name: "bench-publish").Id;
                server.Faults = new FaultOptions { LatencyMs = sizes.PublishLatencyMs };
                using var client = Emulators.Client(server, maxConcurrency);
                var seconds = await TimePublishAsync(client, repository, batch, count && maxConcurrency is null ? cpuSeconds : null, cancellationToken).ConfigureAwait(false);
                server.Faults = FaultOptions.None;
                if (count)
                {
                    uploads.Add(server.RequestLog.Snapshot().Count(e => e.Operation == "UploadFile" && e.Method == "PUT" && e.Status == 201));
                }

                return seconds;
            }

            var (ours, serial, ratio, cpu, ceiling) = await CompareAsync(Publish, files, sizes, cpuSeconds, cancellationToken).ConfigureAwait(false);
            server.Clean();
            var exact = uploads.All(c => c == sizes.PublishFiles);
            var counted = string.Join(", ", uploads.Distinct().Select(c => Units.Count(c)));
            using var defaults = Emulators.Client(server);
            var megabytesPerSecond = sizes.PublishFiles * (double)sizes.PublishFileBytes / Units.Mebi / ours.Median;
            return new CaseResult
            {
                Number = Number + "a",
                Title = $"Publish {Units.Count(sizes.PublishFiles)} files × {Units.Bytes(sizes.PublishFileBytes)} to the emulator, +{sizes.PublishLatencyMs} ms latency: default settings (MaxConcurrency {defaults.Options.MaxConcurrency}) vs MaxConcurrency=1",
                Ours = new Side(ours, Unit.Seconds),
                Baseline = new Side(serial, Unit.Seconds),
                Figure = ratio,
                FigureText = string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}× (serial ÷ default); {megabytesPerSecond:0} MiB/s; emulator counted {counted} uploads per run; ceiling on {Environment.ProcessorCount} cores from the CPU a default run used ({cpu.Median:0.0} s): {ceiling:0.0}×"),
                Goal = Goal.RatioAtLeast(8),
                ExtraConditionMet = exact,
                ExtraConditionText = $"emulator counted {counted} uploads, expected exactly {Units.Count(sizes.PublishFiles)}",
                Note = string.Create(CultureInfo.InvariantCulture, $"each run reads every file's detail before uploading (skip what is there) and after (verification), hashes every file twice (while it is sent, and for verification), and the emulator computes MD5, SHA-1, SHA-256 and SHA-512 of every upload in the same process. A default run is bound by CPU, not by latency: the ceiling is the serial time over the default run's CPU time spread over all processors, the best any client could do here with this emulator."),
            };
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }

    /// <summary>
    /// 9c: the same publish with the remote side answered in-process after the same latency, so
    /// that the figure is the client's own (look-ups, hashing, signing, streaming, scheduling) and
    /// not the emulator's digest work on the same cores.
    /// </summary>
    private async Task<CaseResult> ClientSideAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var folder = context.Workspace.CreateFolder("case9c");
        try
        {
            context.Workspace.RequireFreeSpace(sizes.PublishFiles * sizes.PublishFileBytes, "Case 9c's files");
            var files = WriteFiles(folder, sizes);

            var transport = new UploadSinkTransport(TimeSpan.FromMilliseconds(sizes.PublishLatencyMs));

            var cpuSeconds = new List<double>();

            async Task<double> Publish(int? maxConcurrency, IReadOnlyList<PublishFileRequest> batch, bool count)
            {
                transport.Clear();
                using var client = UploadSinkTransport.Client(transport, maxConcurrency);
                return await TimePublishAsync(client, UploadSinkTransport.Repository, batch, count && maxConcurrency is null ? cpuSeconds : null, cancellationToken).ConfigureAwait(false);
            }

            var (ours, serial, ratio, cpu, ceiling) = await CompareAsync(Publish, files, sizes, cpuSeconds, cancellationToken).ConfigureAwait(false);
            return new CaseResult
            {
                Number = Number + "c",
                Title = $"Publish {Units.Count(sizes.PublishFiles)} files × {Units.Bytes(sizes.PublishFileBytes)}, client side only (remote answered in-process after +{sizes.PublishLatencyMs} ms): default settings vs MaxConcurrency=1",
                Ours = new Side(ours, Unit.Seconds),
                Baseline = new Side(serial, Unit.Seconds),
                Figure = ratio,
                FigureText = string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}× (serial ÷ default); ceiling on {Environment.ProcessorCount} cores from the CPU a default run used ({cpu.Median:0.0} s): {ceiling:0.0}×"),
                Goal = Goal.RatioAtLeast(8),
                Note = "the same job, files and latency as 9a, but the remote side reads each body into SHA-256 in-process instead of the emulator storing it with four digests: what the client can do when the service, not this machine, does the server's work.",
            };
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }

    private async Task<CaseResult> MemoryAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var folder = context.Workspace.CreateFolder("case9b");
        try
        {
            var big = Path.Combine(folder, "big.bin");
            DataFiles.CreateSparse(big, sizes.PublishMemoryFileBytes);
            var warm = Path.Combine(folder, "warm.bin");
            DataFiles.WriteRandom(warm, 1 << 20, seed: 9);
            Task<double> Child(string mode) => PeakWorkingSet.OfChildAsync(mode, [ChildSwitch, mode, big, warm], cancellationToken);

            var values = await Alternation.RunAsync([() => Child("publish"), () => Child("idle")], [sizes.Runs, sizes.Runs], cancellationToken).ConfigureAwait(false);
            var publishing = new Samples(values[0]);
            var idle = new Samples(values[1]);
            var added = publishing.Median - idle.Median;
            return new CaseResult
            {
                Number = Number + "b",
                Title = $"Peak working set of a process publishing one {Units.Bytes(sizes.PublishMemoryFileBytes)} file (hash, upload, verify) vs the same process idle",
                Ours = new Side(publishing, Unit.MiB),
                Baseline = new Side(idle, Unit.MiB),
                Figure = added,
                FigureText = string.Create(CultureInfo.InvariantCulture, $"{added:+0.0;-0.0} MiB above idle"),
                Goal = Goal.AtMost(64, Unit.MiB),
                Note = "both children publish a 1 MiB file first, so the idle figure already holds the runtime, the JIT-compiled code and the client; the upload goes through the client's whole pipeline (retry, time limits, concurrency, basic auth, streamed body) to an in-process transport that reads the body as a socket would and keeps only its SHA-256; the file is sparse, so the kernel serves zeros without disk reads.",
            };
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }

    /// <summary>The child: publish the small file, then the big one (or stay idle), then print the peak working set.</summary>
    /// <summary>The case's files: <see cref="BenchSizes.PublishFiles"/> random files, the same bytes in 9a and 9c.</summary>
    private static List<PublishFileRequest> WriteFiles(string folder, BenchSizes sizes)
    {
        var files = new List<PublishFileRequest>(sizes.PublishFiles);
        for (var i = 0; i < sizes.PublishFiles; i++)
        {
            var local = Path.Combine(folder, $"p{i:D3}.bin");
            DataFiles.WriteRandom(local, sizes.PublishFileBytes, seed: 9_000 + i);
            files.Add(new PublishFileRequest(local, $"/bench/publish/p{i:D3}.bin"));
        }

        return files;
    }

    /// <summary>
    /// One timed publish of <paramref name="batch"/>, which must end with every file uploaded and
    /// verified. With <paramref name="cpuSeconds"/>, the process's CPU time for the run is added to
    /// it: client and server share this process, so it says how fast a run could be on these cores.
    /// </summary>
    private static async Task<double> TimePublishAsync(CodeArtifactClient client, string repository, IReadOnlyList<PublishFileRequest> batch, List<double>? cpuSeconds, CancellationToken cancellationToken)
    {
        PublishResult? result = null;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var seconds = await Alternation.TimeAsync(async () =>
            result = await new PublishJob(client).RunAsync(new PublishOptions { Repository = repository, Files = batch }, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (result!.Uploaded.Count != batch.Count || result.Files.Any(f => f.Verified != true))
        {
            throw new InvalidOperationException($"The job uploaded and verified {result.Uploaded.Count(f => f.Verified == true)} of {batch.Count} files ({result.Failed.Count} failed: {result.Failed.FirstOrDefault()?.Error}).");
        }

        self.Refresh();
        cpuSeconds?.Add((self.TotalProcessorTime - cpuBefore).TotalSeconds);
        return seconds;
    }

    /// <summary>
    /// Default settings against <c>MaxConcurrency = 1</c>: an untimed warm-up of both sides on a few
    /// files, then the sides in turns; the ceiling is the serial time over the default runs' CPU time
    /// spread over all processors.
    /// </summary>
    private static async Task<(Samples Ours, Samples Serial, double Ratio, Samples Cpu, double Ceiling)> CompareAsync(
        Func<int?, IReadOnlyList<PublishFileRequest>, bool, Task<double>> publish, List<PublishFileRequest> files, BenchSizes sizes, List<double> cpuSeconds, CancellationToken cancellationToken)
    {
        var few = files.Take(8).ToList();
        await publish(null, few, false).ConfigureAwait(false);
        await publish(1, few, false).ConfigureAwait(false);
        var values = await Alternation.RunAsync(
            [() => publish(null, files, true), () => publish(1, files, true)],
            [sizes.Runs, sizes.SlowRuns],
            cancellationToken).ConfigureAwait(false);
        var ours = new Samples(values[0]);
        var serial = new Samples(values[1]);
        var cpu = new Samples(cpuSeconds);
        return (ours, serial, serial.Median / ours.Median, cpu, serial.Median / (cpu.Median / Environment.ProcessorCount));
    }

    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 3 || args[0] is not ("publish" or "idle"))
        {
            await Console.Error.WriteLineAsync($"usage: {ChildSwitch} publish|idle <file> <warm-up file>").ConfigureAwait(false);
            return 2;
        }

        var (mode, big, warm) = (args[0], args[1], args[2]);
        var transport = new UploadSinkTransport();
        using var client = UploadSinkTransport.Client(transport);
        var job = new PublishJob(client);

        async Task Publish(string file, string remotePath)
        {
            var result = await job.RunAsync(new PublishOptions
            {
                Files = [new PublishFileRequest(file, remotePath)],
                Repository = UploadSinkTransport.Repository,
            }).ConfigureAwait(false);
            var published = result.Files[0];
            if (published.Status != PublishFileStatus.Uploaded || published.Verified != true || transport.ReceivedLength(remotePath) != new FileInfo(file).Length)
            {
                throw new InvalidOperationException($"{file} was not published: {published.Status} {published.Error}");
            }
        }

        await Publish(warm, WarmRemotePath).ConfigureAwait(false);
        if (mode == "publish")
        {
            await Publish(big, BigRemotePath).ConfigureAwait(false);
        }
        else
        {
            await Task.Delay(200).ConfigureAwait(false);
        }

        PeakWorkingSet.Report();
        return 0;
    }
}
