namespace CodeArtifact.Core.Jobs;

/// <summary>The outcome of <see cref="ChecksumVerificationJob"/>: a verdict for every file, in the order given.</summary>
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

    /// <summary>Files the repository holds no digest of the algorithm asked for.</summary>
    public int WithoutRemoteDigest => Count(VerificationStatus.NoRemoteDigest);

    /// <summary>Files whose look-up failed.</summary>
    public int RemoteErrors => Count(VerificationStatus.RemoteError);

    /// <summary>Files that could not be read locally.</summary>
    public int Unreadable => Count(VerificationStatus.UnreadableLocally);

    /// <summary>Files that could not be judged: remote errors and unreadable files (<see cref="FailedFiles"/>).</summary>
    public int Failed => RemoteErrors + Unreadable;

    /// <summary>The remote errors and unreadable files, in the order given; each has an <see cref="FileVerification.Error"/>.</summary>
    public IReadOnlyList<FileVerification> FailedFiles => Files.Where(f => f.IsFailure).ToArray();

    /// <inheritdoc />
    public override string Summary =>
        $"Checksums: {Verified} verified, {Mismatched} mismatched, {Missing} missing remotely, {WithoutRemoteDigest} without a remote digest, "
        + $"{RemoteErrors} remote {(RemoteErrors == 1 ? "error" : "errors")}, {Unreadable} unreadable locally.";

    /// <summary>
    /// One coded line per file that is not verified, in the order given; see
    /// <see cref="ChecksumProblems"/> for which verdicts fail the run.
    /// </summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Files.Select(f => ChecksumProblems.For(f, Options)).OfType<JobProblem>().ToArray();

    private int Count(VerificationStatus status) => Files.Count(f => f.Status == status);
}
