using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Jobs;

/// <summary>How one file compared with the repository.</summary>
public enum VerificationStatus
{
    /// <summary>The local digest equals the repository's.</summary>
    Verified,

    /// <summary>The digests differ, or the repository has no digest of the algorithm asked for.</summary>
    Mismatch,

    /// <summary>The repository has no file at that path.</summary>
    MissingRemotely,

    /// <summary>The local file does not exist or cannot be read.</summary>
    UnreadableLocally,
}

/// <summary>The outcome for one file.</summary>
public sealed class FileVerification
{
    public required string LocalPath { get; init; }

    public required string RemotePath { get; init; }

    public required string Repository { get; init; }

    public required VerificationStatus Status { get; init; }

    /// <summary>The digest compared (<c>SHA256</c> …), or null when none was.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The local digest, lower-case hex.</summary>
    public string? LocalHash { get; init; }

    /// <summary>The repository's digest, lower-case hex.</summary>
    public string? RemoteHash { get; init; }

    /// <summary>Where the repository serves the file.</summary>
    public string? DownloadUri { get; init; }

    /// <summary>Why the file could not be compared (unreadable, missing, no common digest).</summary>
    public string? Error { get; init; }
}

/// <summary>The outcome of <see cref="ChecksumVerificationJob"/>, files in the order given.</summary>
public sealed class ChecksumVerificationResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "checksums";

    /// <summary>The inputs (they hold no secret).</summary>
    public required ChecksumVerificationOptions Options { get; init; }

    public required IReadOnlyList<FileVerification> Files { get; init; }

    public int Verified => Count(VerificationStatus.Verified);

    public int Mismatched => Count(VerificationStatus.Mismatch);

    public int Missing => Count(VerificationStatus.MissingRemotely);

    /// <summary>Files that could not be read locally.</summary>
    public int Failed => Count(VerificationStatus.UnreadableLocally);

    /// <inheritdoc />
    public override string Summary =>
        $"Checksums: {Quantity.Number(Verified)} verified, {Quantity.Number(Mismatched)} mismatched, {Quantity.Number(Missing)} missing remotely, {Quantity.Number(Failed)} unreadable locally ({Quantity.Of(Files.Count, "file")}).";

    /// <summary>
    /// One per file that did not verify: a mismatch and a missing file fail the run per
    /// <see cref="ChecksumVerificationOptions.FailOnMismatch"/> / <see cref="ChecksumVerificationOptions.FailOnMissing"/>
    /// (else they warn); an unreadable local file always fails it.
    /// </summary>
    public override IReadOnlyList<JobProblem> Problems => Files.Select(Problem).OfType<JobProblem>().ToArray();

    private JobProblem? Problem(FileVerification file) => file.Status switch
    {
        VerificationStatus.Mismatch => CodedText.Problem(Severity(Options.FailOnMismatch), file.LocalPath, Messages.Checksums_Mismatch, file.LocalPath, file.Repository, file.RemotePath, file.Algorithm ?? "-", file.LocalHash ?? "-", file.RemoteHash ?? file.Error ?? "-"),
        VerificationStatus.MissingRemotely => CodedText.Problem(Severity(Options.FailOnMissing), file.LocalPath, Messages.Checksums_Missing, file.LocalPath, file.Repository, file.RemotePath),
        VerificationStatus.UnreadableLocally => CodedText.Problem(ProblemSeverity.Error, file.LocalPath, Messages.Checksums_Unreadable, file.LocalPath, file.Error ?? string.Empty),
        _ => null,
    };

    private static ProblemSeverity Severity(bool fails) => fails ? ProblemSeverity.Error : ProblemSeverity.Warning;

    private int Count(VerificationStatus status) => Files.Count(f => f.Status == status);
}
