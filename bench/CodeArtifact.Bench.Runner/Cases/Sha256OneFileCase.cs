using CodeArtifact.Bench.Runner.Infrastructure;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary>
/// Case 1: SHA-256 of one large file, FileHasher in this process vs <c>openssl dgst -sha256</c>.
/// The file is written just before, so both read it from the page cache; one untimed run of
/// each side first. openssl's time includes its process start (a few milliseconds).
/// </summary>
internal sealed class Sha256OneFileCase : BenchCase
{
    public override string Number => "1";

    public override string Title => "SHA-256 of one file";

    public override async Task<IReadOnlyList<CaseResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var title = $"SHA-256 of one {Units.Bytes(sizes.OneFileBytes)} file: FileHasher vs `openssl dgst -sha256`";
        context.Workspace.RequireFreeSpace(sizes.OneFileBytes, "Case 1");
        var folder = context.Workspace.CreateFolder("case1");
        try
        {
            var file = Path.Combine(folder, "one.bin");
            var expected = DataFiles.WriteRandom(file, sizes.OneFileBytes, seed: 1);

            async Task<double> Ours()
            {
                FileDigests? digests = null;
                var seconds = await Alternation.TimeAsync(async () =>
                    digests = await FileHasher.HashFileAsync(file, [ChecksumAlgorithm.Sha256], cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                if (digests![ChecksumAlgorithm.Sha256] != expected)
                {
                    throw new InvalidOperationException("FileHasher's SHA-256 differs from the one written.");
                }

                return seconds;
            }

            await Ours().ConfigureAwait(false);
            if (OpenSsl.Path is null)
            {
                var alone = await Alternation.RunAsync([Ours], [sizes.Runs], cancellationToken).ConfigureAwait(false);
                return [new CaseResult
                {
                    Number = Number,
                    Title = title,
                    Ours = new Side(new Samples(alone[0]), Unit.Seconds),
                    Goal = Goal.RatioAtLeast(0.95),
                    Note = "baseline skipped: openssl is not installed on this machine, so there is no ratio.",
                }];
            }

            var expectedByFile = new Dictionary<string, string> { [file] = expected };
            Task<double> Baseline() => OpenSsl.HashAsync([file], expectedByFile, cancellationToken);
            await Baseline().ConfigureAwait(false);

            var values = await Alternation.RunAsync([Ours, Baseline], [sizes.Runs, sizes.Runs], cancellationToken).ConfigureAwait(false);
            var ours = new Samples(values[0]);
            var baseline = new Samples(values[1]);
            var ratio = baseline.Median / ours.Median;
            return [new CaseResult
            {
                Number = Number,
                Title = title,
                Ours = new Side(ours, Unit.Seconds),
                Baseline = new Side(baseline, Unit.Seconds),
                Figure = ratio,
                FigureText = $"{ratio:0.00}× (openssl ÷ ours)",
                Goal = Goal.RatioAtLeast(0.95),
            }];
        }
        finally
        {
            Workspace.DeleteFolder(folder);
        }
    }
}
