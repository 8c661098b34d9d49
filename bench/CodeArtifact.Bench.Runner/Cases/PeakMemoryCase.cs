using System.Diagnostics;
using System.Globalization;
using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 7: peak memory while verifying one very large file. The runner starts itself as a child
/// twice per run: one child verifies the file (the real job with default settings, the remote
/// side answered from memory), the other does the same warm-up and then stays idle; each
/// reports its peak working set (VmHWM on Linux). The figure is the difference of the medians.
/// The file is sparse (a hole reads as zeros), so it takes no disk space.
/// </summary>
internal sealed class PeakMemoryCase : BenchCase
{
    public const string ChildSwitch = "--child-peak-memory";

    private const string BigRemotePath = "/bench/memory/big.bin";
    private const string WarmRemotePath = "/bench/memory/warm.bin";

    public override string Number => "7";

    public override string Title => "Peak memory verifying one large file";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var folder = context.Workspace.CreateFolder("case7");
        try
        {
            var big = Path.Combine(folder, "big.bin");
            DataFiles.CreateSparse(big, sizes.PeakMemoryFileBytes);
            var bigSha256 = DataFiles.Sha256OfZeros(sizes.PeakMemoryFileBytes);
            var warm = Path.Combine(folder, "warm.bin");
            var warmSha256 = DataFiles.WriteRandom(warm, 1 << 20, seed: 7);
            Task<double> Child(string mode) => PeakWorkingSet.OfChildAsync(mode, [ChildSwitch, mode, big, bigSha256, warm, warmSha256], cancellationToken);

            var values = await Alternation.RunAsync([() => Child("verify"), () => Child("idle")], [sizes.Runs, sizes.Runs], cancellationToken).ConfigureAwait(false);
            var verifying = new Samples(values[0]);
            var idle = new Samples(values[1]);
            var added = verifying.Median - idle.Median;
            return [new CaseResult
            {
                Number = Number,
                Title = $"Peak working set of a process verifying one {Units.Bytes(sizes.PeakMemoryFileBytes)} file vs the same process idle",
                Ours = new Side(verifying, Unit.MiB),
                Baseline = new Side(idle, Unit.MiB),
                Figure = added,
                FigureText = $"{added:+0.0;-0.0} MiB above idle",
                Goal = Goal.AtMost(64, Unit.MiB),
                Note = "both children run the job once on a 1 MiB file first, so the idle figure already holds the runtime, the JIT-compiled code and the client; the file is sparse, so the kernel serves zeros without disk reads.",
            }];
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }

    /// <summary>The child: warm up on the small file, then verify the big one (or stay idle), then print the peak working set.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 5 || args[0] is not ("verify" or "idle"))
        {
            await Console.Error.WriteLineAsync($"usage: {ChildSwitch} verify|idle <file> <sha256> <warm-up file> <its sha256>").ConfigureAwait(false);
            return 2;
        }

        var (mode, big, bigSha256, warm, warmSha256) = (args[0], args[1], args[2], args[3], args[4]);
        using var client = FileDetailTransport.Client(new Dictionary<string, string> { [BigRemotePath] = bigSha256, [WarmRemotePath] = warmSha256 });
        var job = new ChecksumVerificationJob(client);

        async Task Verify(string file, string remotePath)
        {
            var result = await job.RunAsync(new ChecksumVerificationOptions
            {
                Files = [new VerifyFileRequest(file, remotePath)],
                Repository = FileDetailTransport.Repository,
            }).ConfigureAwait(false);
            if (result.Verified != 1)
            {
                throw new InvalidOperationException($"{file} was not verified: {result.Files[0].Status} {result.Files[0].Error}");
            }
        }

        await Verify(warm, WarmRemotePath).ConfigureAwait(false);
        if (mode == "verify")
        {
            await Verify(big, BigRemotePath).ConfigureAwait(false);
        }
        else
        {
            await Task.Delay(200).ConfigureAwait(false);
        }

        PeakWorkingSet.Report();
        return 0;
    }
}
