using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 2: the local side of verification over many files. Ours is the real
/// <see cref="ChecksumVerificationJob"/> (SHA-256, its default parallel hashing) with the remote
/// side answered from memory by <see cref="FileDetailTransport"/>, so the figure is hashing,
/// scheduling, signing and reading answers, not a network. Baselines on the same files:
/// <c>openssl dgst -sha256</c> hashing them one after another in one process, and MSBuild's
/// <c>GetFileHash</c> task run in-process (only its <c>Execute()</c> timed).
/// </summary>
internal sealed class LocalVerificationCase : BenchCase
{
    public override string Number => "2";

    public override string Title => "Local side of verification";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var what = $"{sizes.LocalFiles} files × {Units.Bytes(sizes.LocalFileBytes)}";
        context.Workspace.RequireFreeSpace(sizes.LocalFiles * sizes.LocalFileBytes, "Case 2");
        var folder = context.Workspace.CreateFolder("case2");
        try
        {
            var files = new List<string>(sizes.LocalFiles);
            var sha256ByFile = new Dictionary<string, string>(StringComparer.Ordinal);
            var sha256ByRemotePath = new Dictionary<string, string>(StringComparer.Ordinal);
            var requests = new List<VerifyFileRequest>(sizes.LocalFiles);
            for (var i = 0; i < sizes.LocalFiles; i++)
            {
                var file = Path.Combine(folder, $"f{i:D3}.bin");
                var remotePath = $"/bench/local/f{i:D3}.bin";
                var hash = DataFiles.WriteRandom(file, sizes.LocalFileBytes, seed: 100 + i);
                files.Add(file);
                sha256ByFile[file] = hash;
                sha256ByRemotePath[remotePath] = hash;
                requests.Add(new VerifyFileRequest(file, remotePath));
            }

            var options = new ChecksumVerificationOptions
            {
                Files = requests,
                Repository = FileDetailTransport.Repository,
                Algorithm = ChecksumAlgorithm.Sha256,
            };

            async Task<double> Ours()
            {
                using var client = FileDetailTransport.Client(sha256ByRemotePath);
                ChecksumVerificationResult? result = null;
                var seconds = await Alternation.TimeAsync(async () =>
                    result = await new ChecksumVerificationJob(client).RunAsync(options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                if (result!.Verified != files.Count)
                {
                    throw new InvalidOperationException($"The job verified {result.Verified} of {files.Count} files.");
                }

                return seconds;
            }

            Task<double> OpenSslSide() => OpenSsl.HashAsync(files, sha256ByFile, cancellationToken);

            Task<double> GetFileHashSide()
            {
                var (seconds, hashes) = GetFileHashTask.Run(files);
                foreach (var file in files)
                {
                    if (hashes[file] != sha256ByFile[file])
                    {
                        throw new InvalidOperationException($"GetFileHash's SHA-256 of {file} differs from the one written.");
                    }
                }

                return Task.FromResult(seconds);
            }

            var sides = new List<Func<Task<double>>> { Ours };
            var notes = new List<string>();
            var hasOpenSsl = OpenSsl.Path is not null;
            if (hasOpenSsl)
            {
                sides.Add(OpenSslSide);
            }
            else
            {
                notes.Add("openssl baseline skipped: openssl is not installed on this machine.");
            }

            string? msbuildMissing = null;
            try
            {
                MSBuildSdk.Require();
                sides.Add(GetFileHashSide);
            }
            catch (BenchSkipException ex)
            {
                msbuildMissing = ex.Message;
            }

            foreach (var side in sides)
            {
                await side().ConfigureAwait(false);
            }

            var values = await Alternation.RunAsync(sides, sides.Select(_ => sizes.Runs).ToArray(), cancellationToken).ConfigureAwait(false);
            var ours = new Side(new Samples(values[0]), Unit.Seconds);
            var rows = new List<CaseResult>();
            var next = 1;
            if (hasOpenSsl)
            {
                var openssl = new Samples(values[next++]);
                var ratio = openssl.Median / ours.Samples.Median;
                rows.Add(new CaseResult
                {
                    Number = "2a",
                    Title = $"Local side of verification, {what}: ChecksumVerificationJob vs `openssl dgst -sha256` one after another",
                    Ours = ours,
                    Baseline = new Side(openssl, Unit.Seconds),
                    Figure = ratio,
                    FigureText = $"{ratio:0.00}× (openssl ÷ ours)",
                    Goal = Goal.RatioAtLeast(1.7),
                    Note = Environment.ProcessorCount < 2 ? "one processor only: parallel hashing cannot beat a sequential baseline here." : null,
                });
            }
            else
            {
                rows.Add(CaseResult.Skip("2a", $"Local side of verification, {what}: vs openssl", notes[0]));
            }

            if (msbuildMissing is null)
            {
                var getFileHash = new Samples(values[next]);
                var ratio = getFileHash.Median / ours.Samples.Median;
                rows.Add(new CaseResult
                {
                    Number = "2b",
                    Title = $"Local side of verification, {what}: ChecksumVerificationJob vs MSBuild `GetFileHash` (in-process, Execute() only)",
                    Ours = ours,
                    Baseline = new Side(getFileHash, Unit.Seconds),
                    Figure = ratio,
                    FigureText = $"{ratio:0.00}× (GetFileHash ÷ ours)",
                    Goal = Goal.RatioAbove(1.0),
                });
            }
            else
            {
                rows.Add(CaseResult.Skip("2b", $"Local side of verification, {what}: vs MSBuild GetFileHash", "GetFileHash baseline skipped: " + msbuildMissing));
            }

            return rows;
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }
}
