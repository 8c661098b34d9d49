using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Hashes local files and compares each digest with the one the repository reports for the
/// file's repository path (file detail). A mismatch or a file missing from the repository is an
/// error, or a warning when <see cref="FailOnMismatch"/> / <see cref="FailOnMissing"/> is false.
/// </summary>
public sealed class VerifyCodeArtifactChecksums : CodeArtifactTask
{
    /// <summary>
    /// The local files. Metadata: <c>RemotePath</c> (required: the path in the repository, such as
    /// <c>/app/1.0/app.zip</c>), optional <c>Repository</c> and <c>Format</c> overriding the task's.
    /// </summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The repository id for files without their own <c>Repository</c> metadata.</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format for files without their own <c>Format</c> metadata (default <c>generic</c>).</summary>
    public string? Format { get; set; }

    /// <summary><c>Auto</c> (SHA-256 when the repository reports it, else the strongest it reports), <c>SHA512</c>, <c>SHA256</c>, <c>SHA1</c> or <c>MD5</c>.</summary>
    public string? Algorithm { get; set; }

    /// <summary>Whether a mismatch fails the build (default) or is a warning.</summary>
    public bool FailOnMismatch { get; set; } = true;

    /// <summary>Whether a file missing from the repository fails the build (default) or is a warning.</summary>
    public bool FailOnMissing { get; set; } = true;

    /// <summary>The files whose digests match. Metadata of every output item: <c>Algorithm</c>, <c>LocalHash</c>, <c>RemoteHash</c>, <c>DownloadUri</c>, <c>Repository</c>, <c>RemotePath</c>.</summary>
    [Output]
    public ITaskItem[] VerifiedFiles { get; private set; } = [];

    /// <summary>The files whose digests differ (or for which the repository has no digest of the algorithm asked for).</summary>
    [Output]
    public ITaskItem[] MismatchedFiles { get; private set; } = [];

    /// <summary>The files the repository does not have.</summary>
    [Output]
    public ITaskItem[] MissingFiles { get; private set; } = [];

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.Checksums, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            // The outcomes are in the order of the files given: each output item is its input item, with metadata.
            var items = result.Files.Select((outcome, i) => (outcome.Status, Item: ToItem(Files[i], outcome))).ToList();
            VerifiedFiles = Outputs(items, VerificationStatus.Verified);
            MismatchedFiles = Outputs(items, VerificationStatus.Mismatch);
            MissingFiles = Outputs(items, VerificationStatus.MissingRemotely);
        }

        return run;
    }

    private ChecksumVerificationOptions Options()
    {
        var withoutRemotePath = Files.Where(f => string.IsNullOrWhiteSpace(f.GetMetadata("RemotePath"))).Select(f => f.ItemSpec).ToList();
        if (withoutRemotePath.Count > 0)
        {
            throw CodedText.Failure(nameof(Files), null, Messages.MSBuild_MissingRemotePath, string.Join(", ", withoutRemotePath));
        }

        return new ChecksumVerificationOptions
        {
            Files = Files.Select(f => new VerifyFileRequest(f.GetMetadata("FullPath"), f.GetMetadata("RemotePath"), NullIfBlank(f.GetMetadata("Repository")), NullIfBlank(f.GetMetadata("Format")))).ToArray(),
            Repository = NullIfBlank(Repository),
            Format = NullIfBlank(Format) ?? "generic",
            Algorithm = ChecksumAlgorithms.Parse(Algorithm, nameof(Algorithm)),
            FailOnMismatch = FailOnMismatch,
            FailOnMissing = FailOnMissing,
        };
    }

    private static ITaskItem[] Outputs(List<(VerificationStatus Status, ITaskItem Item)> items, VerificationStatus status) =>
        items.Where(i => i.Status == status).Select(i => i.Item).ToArray();

    private protected override IEnumerable<(string Output, ITaskItem Item)> Results() =>
        VerifiedFiles.Select(i => (nameof(VerifiedFiles), i))
            .Concat(MismatchedFiles.Select(i => (nameof(MismatchedFiles), i)))
            .Concat(MissingFiles.Select(i => (nameof(MissingFiles), i)));

    private static ITaskItem ToItem(ITaskItem input, FileVerification outcome) => TaskItems.Copy(
        input,
        ("Repository", outcome.Repository),
        ("RemotePath", outcome.RemotePath),
        ("Algorithm", outcome.Algorithm),
        ("LocalHash", outcome.LocalHash),
        ("RemoteHash", outcome.RemoteHash),
        ("DownloadUri", outcome.DownloadUri));
}
