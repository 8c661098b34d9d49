using System.Globalization;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Hashes local files and compares each digest with the one the repository reports for the
/// file's repository path (file detail), giving every file one verdict: each output item carries it
/// as <c>Status</c> metadata (<c>verified</c>, <c>mismatch</c>, <c>missing-remotely</c>,
/// <c>no-remote-digest</c>, <c>remote-error</c>, <c>unreadable-locally</c>).
/// </summary>
/// <remarks>
/// <para>
/// One file's failure never hides the others' verdicts: every output is set before the task
/// reports its problems, so a task run with <c>ContinueOnError</c>, and the targets after it, see
/// every list. Each file that is not verified gives one coded line: a remote error (<c>CART0305</c>)
/// or an unreadable local file (<c>CART0303</c>) is always an error; a mismatch (<c>CART0301</c>)
/// and a file without a remote digest (<c>CART0304</c>) are errors unless <see cref="FailOnMismatch"/>
/// is false; a missing file (<c>CART0302</c>) is an error unless <see cref="FailOnMissing"/> is false.
/// Core's <c>ChecksumProblems</c> is that one rule, for both front ends.
/// </para>
/// <para>
/// A repository that does not exist or may not be read is one error naming it (<c>CART0306</c>,
/// <c>CART0307</c>), with no list set; a malformed repository id is refused before any request.
/// </para>
/// </remarks>
public sealed class VerifyCodeArtifactChecksums : CodeArtifactTask
{
    /// <summary>
    /// The local files. Metadata: <c>RemotePath</c> (required: the path in the repository, such as
    /// <c>/app/1.0/app.zip</c>), optional <c>Repository</c> and <c>Format</c> overriding the task's.
    /// </summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The repository id for files without their own <c>Repository</c> metadata, in the documented shape <c>{region}_{domainId}_{format}_{sequence}</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format for files without their own <c>Format</c> metadata (default <c>generic</c>).</summary>
    public string? Format { get; set; }

    /// <summary><c>Auto</c> (SHA-256 when the repository reports it, else the strongest it reports), <c>SHA512</c>, <c>SHA256</c>, <c>SHA1</c> or <c>MD5</c>.</summary>
    public string? Algorithm { get; set; }

    /// <summary>Whether a mismatch, or a file without a remote digest of the algorithm asked for, fails the build (default) or is a warning.</summary>
    public bool FailOnMismatch { get; set; } = true;

    /// <summary>Whether a file missing from the repository fails the build (default) or is a warning.</summary>
    public bool FailOnMissing { get; set; } = true;

    /// <summary>
    /// The files whose digests match (<c>Status</c> <c>verified</c>). Each output item is its input
    /// item with this metadata: <c>Status</c>, <c>Repository</c>, <c>RemotePath</c>, <c>Algorithm</c>,
    /// <c>LocalHash</c>, <c>RemoteHash</c>, <c>DownloadUri</c>, and for every verdict but verified
    /// <c>Error</c> (why, never a secret).
    /// </summary>
    [Output]
    public ITaskItem[] VerifiedFiles { get; private set; } = [];

    /// <summary>The files whose digests, or sizes (found without hashing), differ from the repository's (<c>Status</c> <c>mismatch</c>).</summary>
    [Output]
    public ITaskItem[] MismatchedFiles { get; private set; } = [];

    /// <summary>The files the repository does not have (<c>Status</c> <c>missing-remotely</c>).</summary>
    [Output]
    public ITaskItem[] MissingFiles { get; private set; } = [];

    /// <summary>
    /// The files that could not be verified, whatever their content: the look-up failed after the
    /// retries (<c>remote-error</c>), the local file could not be read (<c>unreadable-locally</c>), or
    /// the repository holds no digest of the algorithm asked for (<c>no-remote-digest</c>: nothing was
    /// compared, so the file is not shown to be the published one). Metadata as the other lists, with
    /// <c>Error</c> always set, and for a remote error <c>ErrorCode</c> (the look-up's own code, such
    /// as <c>CART0101</c>), <c>ServiceErrorCode</c> (such as <c>CR.4102</c>) and <c>HttpStatus</c>
    /// (<c>0</c> when no answer came) where known.
    /// </summary>
    [Output]
    public ITaskItem[] FailedFiles { get; private set; } = [];

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
            FailedFiles = Outputs(items, VerificationStatus.RemoteError, VerificationStatus.UnreadableLocally, VerificationStatus.NoRemoteDigest);
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

    private static ITaskItem[] Outputs(List<(VerificationStatus Status, ITaskItem Item)> items, params VerificationStatus[] statuses) =>
        items.Where(i => statuses.Contains(i.Status)).Select(i => i.Item).ToArray();

    private protected override IEnumerable<(string Output, ITaskItem Item)> Results() =>
        VerifiedFiles.Select(i => (nameof(VerifiedFiles), i))
            .Concat(MismatchedFiles.Select(i => (nameof(MismatchedFiles), i)))
            .Concat(MissingFiles.Select(i => (nameof(MissingFiles), i)))
            .Concat(FailedFiles.Select(i => (nameof(FailedFiles), i)));

    private static ITaskItem ToItem(ITaskItem input, FileVerification outcome) => TaskItems.Copy(
        input,
        ("Status", ReportMapper.StatusName(outcome.Status)),
        ("Repository", outcome.Repository),
        ("RemotePath", outcome.RemotePath),
        ("Algorithm", outcome.Algorithm),
        ("LocalHash", outcome.LocalHash),
        ("RemoteHash", outcome.RemoteHash),
        ("DownloadUri", outcome.DownloadUri),
        ("Error", outcome.Error),
        ("ErrorCode", outcome.ErrorCode),
        ("ServiceErrorCode", outcome.ServiceErrorCode),
        ("HttpStatus", outcome.HttpStatus?.ToString(CultureInfo.InvariantCulture)));
}
