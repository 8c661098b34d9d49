using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
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

    private protected override async Task<JobResult?> RunJobAsync(CodeArtifactClient client, Action<CodeArtifactLogEvent> log, CancellationToken cancellationToken)
    {
        var requests = new List<VerifyFileRequest>(Files.Length);
        foreach (var file in Files)
        {
            var remotePath = file.GetMetadata("RemotePath");
            if (string.IsNullOrWhiteSpace(remotePath))
            {
                Log.LogErrorWithCodeFromResources("VerifyCodeArtifactChecksums.MissingRemotePath", file.ItemSpec);
                continue;
            }

            requests.Add(new VerifyFileRequest(file.GetMetadata("FullPath"), remotePath, NullIfEmpty(file.GetMetadata("Repository")), NullIfEmpty(file.GetMetadata("Format"))));
        }

        var options = new ChecksumVerificationOptions
        {
            Files = requests,
            Repository = NullIfEmpty(Repository),
            Format = NullIfEmpty(Format) ?? "generic",
            Algorithm = ChecksumAlgorithms.Parse(Algorithm, nameof(Algorithm)),
        };
        if (Log.HasLoggedErrors)
        {
            // Every bad item has been named, and nothing was sent.
            return null;
        }

        var result = await new ChecksumVerificationJob(client, log).RunAsync(options, cancellationToken).ConfigureAwait(false);
        var verified = new List<ITaskItem>();
        var mismatched = new List<ITaskItem>();
        var missing = new List<ITaskItem>();
        for (var i = 0; i < result.Files.Count; i++)
        {
            var outcome = result.Files[i];
            var item = ToItem(Files[i], outcome);
            switch (outcome.Status)
            {
                case VerificationStatus.Verified:
                    verified.Add(item);
                    break;
                case VerificationStatus.Mismatch:
                    mismatched.Add(item);
                    Report(FailOnMismatch, "VerifyCodeArtifactChecksums.Mismatch", outcome.LocalPath, outcome.Repository, outcome.RemotePath, outcome.Algorithm ?? "-", outcome.LocalHash ?? "-", outcome.RemoteHash ?? outcome.Error ?? "-");
                    break;
                case VerificationStatus.MissingRemotely:
                    missing.Add(item);
                    Report(FailOnMissing, "VerifyCodeArtifactChecksums.Missing", outcome.LocalPath, outcome.Repository, outcome.RemotePath);
                    break;
                default:
                    Log.LogErrorWithCodeFromResources("VerifyCodeArtifactChecksums.Unreadable", outcome.LocalPath, outcome.Error ?? string.Empty);
                    break;
            }
        }

        VerifiedFiles = verified.ToArray();
        MismatchedFiles = mismatched.ToArray();
        MissingFiles = missing.ToArray();
        return result;
    }

    private protected override IEnumerable<(string Output, ITaskItem Item)> Results() =>
        VerifiedFiles.Select(i => (nameof(VerifiedFiles), i))
            .Concat(MismatchedFiles.Select(i => (nameof(MismatchedFiles), i)))
            .Concat(MissingFiles.Select(i => (nameof(MissingFiles), i)));

    private void Report(bool asError, string resource, params object[] args)
    {
        if (asError)
        {
            Log.LogErrorWithCodeFromResources(resource, args);
        }
        else
        {
            Log.LogWarningWithCodeFromResources(resource, args);
        }
    }

    private static ITaskItem ToItem(ITaskItem input, FileVerification outcome) => TaskItems.Copy(
        input,
        ("Repository", outcome.Repository),
        ("RemotePath", outcome.RemotePath),
        ("Algorithm", outcome.Algorithm),
        ("LocalHash", outcome.LocalHash),
        ("RemoteHash", outcome.RemoteHash),
        ("DownloadUri", outcome.DownloadUri));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
