using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>The outcome of <see cref="PublishJob"/>: every file in the order given, with its status.</summary>
/// <remarks>
/// Cancellation: when the token fires once uploading has begun, the job starts no further upload
/// and returns (it does not throw) a result with <see cref="JobResult.Cancelled"/> set, whose
/// <see cref="Uploaded"/> lists exactly the files the repository accepted, <see cref="Interrupted"/>
/// the files whose upload was on its way (the repository may or may not hold them), and
/// <see cref="NotStarted"/> the files never sent. Before uploading has begun, cancellation throws
/// <see cref="OperationCanceledException"/>: nothing was changed.
/// </remarks>
public sealed class PublishResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "publish";

    /// <summary>The inputs (they hold no secret).</summary>
    public required PublishOptions Options { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Every file, in the order given.</summary>
    public required IReadOnlyList<PublishedFile> Files { get; init; }

    /// <summary>The repository user the uploads were sent as (a name, never the password); null when nothing needed it.</summary>
    public string? RepositoryUser { get; init; }

    /// <summary>Bytes of the files the repository accepted (each file once, however many attempts it took).</summary>
    public long BytesUploaded { get; init; }

    /// <summary>Files uploaded (and verified, unless Verify is off).</summary>
    public IReadOnlyList<PublishedFile> Uploaded => With(PublishFileStatus.Uploaded);

    /// <summary>Files skipped because the repository already held the same bytes.</summary>
    public IReadOnlyList<PublishedFile> Unchanged => With(PublishFileStatus.Unchanged);

    /// <summary>Files not published, each with its code and error.</summary>
    public IReadOnlyList<PublishedFile> Failed => With(PublishFileStatus.Failed);

    /// <summary>Dry run: files a real run would upload.</summary>
    public IReadOnlyList<PublishedFile> WouldUpload => With(PublishFileStatus.WouldUpload);

    /// <summary>Cancelled: files whose upload was on its way.</summary>
    public IReadOnlyList<PublishedFile> Interrupted => With(PublishFileStatus.Interrupted);

    /// <summary>Cancelled: files never sent.</summary>
    public IReadOnlyList<PublishedFile> NotStarted => With(PublishFileStatus.NotStarted);

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            var unchanged = Quantity.Number(Unchanged.Count);
            var failed = Quantity.Number(Failed.Count);
            if (DryRun)
            {
                return $"Publish dry run: {Quantity.Of(WouldUpload.Count, "file")} would be uploaded ({ByteSize.Format(WouldUpload.Sum(f => f.Size ?? 0))}), {unchanged} unchanged, {failed} refused or unreadable; nothing was uploaded.";
            }

            var uploaded = $"{Quantity.Number(Uploaded.Count)} uploaded ({ByteSize.Format(BytesUploaded)})";
            if (Cancelled)
            {
                return $"Publish cancelled part way: {uploaded}, {Quantity.Number(Interrupted.Count)} interrupted (their upload was on its way: the repository may or may not hold them), {Quantity.Number(NotStarted.Count)} not started, {unchanged} unchanged, {failed} failed.";
            }

            var seconds = Math.Max(0, (FinishedAt - StartedAt).TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
            var verified = Options.Verify ? " and verified" : string.Empty;
            return $"Published {Quantity.Of(Files.Count, "file")} in {seconds} s: {uploaded}{verified}, {unchanged} unchanged, {failed} failed.";
        }
    }

    /// <summary>One error per failed file (a warning in a dry run, where nothing was refused for real).</summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Failed.Select(f => new JobProblem(
            DryRun ? ProblemSeverity.Warning : ProblemSeverity.Error,
            f.Code ?? ErrorCodes.UploadFailed,
            $"{f.LocalPath} → {f.Repository}{f.RemotePath}: {f.Error}",
            f.LocalPath)).ToArray();

    private PublishedFile[] With(PublishFileStatus status) => Files.Where(f => f.Status == status).ToArray();
}
