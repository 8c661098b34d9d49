using System.Runtime.CompilerServices;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Publishes local files to a non-Maven repository: uploads what the repository does not hold
/// yet, skips what it already holds (same SHA-256, as JFrog's checksum deploy), refuses to replace
/// a different file unless told to, and verifies every upload.
/// </summary>
/// <remarks>
/// Steps: validate every input (<see cref="PublishValidation"/>, before any request) → resolve
/// each repository's URL and the repository account once (<see cref="PublishTargets"/>) → plan:
/// read each file's detail (at most MaxConcurrency at once); a file the repository holds is hashed
/// (SHA-256, at most the processor count at once) and compared, a new one is hashed while it is
/// sent; a look-up failure other than "not found" stops the run before anything is uploaded →
/// stop here in a dry run (which hashes every file, to list its SHA-256) → upload, MaxConcurrency
/// at once, each body streamed from disk and retried by the client's pipeline (a retried PUT sends the same
/// bytes to the same path) → verify the uploads with <see cref="ChecksumVerificationJob"/>
/// (SHA-256). One file's failure never stops the others, except a 401/403 to an upload, after
/// which no further upload is sent (they would all be refused). The repository password is a
/// <see cref="Secret"/>: no log event, result, report or message holds it. Cancellation: see
/// <see cref="PublishResult"/>.
/// </remarks>
public sealed class PublishJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<PublishResult> RunAsync(PublishOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (items, format, concurrency) = PublishValidation.Validate(options, _client);
        var time = _client.Options.TimeProvider;
        var startedAt = time.GetUtcNow();
        if (items.Count == 0)
        {
            Log(LogSeverity.Info, "Nothing to publish: no files were given.");
            return Result(options, startedAt, items, user: null, cancelled: false);
        }

        var targets = new PublishTargets(_client);
        var repositoryLookup = targets.RepositoriesAsync(items.Select(i => i.Repository), format, cancellationToken);
        var accountLookup = targets.AccountAsync(cancellationToken);
        await Task.WhenAll(repositoryLookup, accountLookup).ConfigureAwait(false);
        var (account, accountSource) = await accountLookup.ConfigureAwait(false);
        var repositories = await repositoryLookup.ConfigureAwait(false);
        foreach (var item in items)
        {
            var repository = repositories[item.Repository];
            item.Format = repository.Format;
            item.RepositoryUrl = repository.Url;
            item.UploadUri = CodeArtifactClient.UploadUri(repository.Url, item.RemotePath, _client.Options.AllowInsecureHttp);
        }

        Log(LogSeverity.Info, $"Publishing {Quantity.Of(items.Count, "file")} to {string.Join(", ", items.Select(i => i.Repository).Distinct(StringComparer.Ordinal))} as repository user {account.UserName} (from {accountSource}){(options.DryRun ? ", dry run" : string.Empty)}.");

        await PlanAsync(items, options.Overwrite, options.DryRun, concurrency, cancellationToken).ConfigureAwait(false);
        var toUpload = items.Where(i => i.Status == PublishFileStatus.WouldUpload).ToList();
        // The summary line is the caller's to log (JobRunner logs every job's): not said twice here.
        if (options.DryRun)
        {
            return Result(options, startedAt, items, account.UserName, cancelled: false);
        }

        var cancelled = await UploadAllAsync(toUpload, account, concurrency, cancellationToken).ConfigureAwait(false);
        if (!cancelled && options.Verify)
        {
            cancelled = await VerifyAsync(items.Where(i => i.Status == PublishFileStatus.Uploaded).ToList(), cancellationToken).ConfigureAwait(false);
        }

        return Result(options, startedAt, items, account.UserName, cancelled);
    }

    internal static CodeArtifactException MavenRefused(string repository, string parameterName = nameof(PublishOptions.Repository)) =>
        MavenRefusedBecause($"Repository \"{repository}\" is a Maven repository", parameterName);

    internal static CodeArtifactException MavenRefusedBecause(string what, string parameterName) =>
        new(
            ErrorCodes.PublishMavenRepositoryRefused,
            $"{what}: publish uploads files to non-Maven (generic …) repositories, and a Maven repository takes artifacts with their POM and metadata, which Maven or Gradle deploy themselves (mvn deploy, with the settings.xml from ResolveCodeArtifactMavenCredentials). Nothing was uploaded. Choose a generic repository for files.")
        {
            ParameterName = parameterName,
        };

    /// <summary>
    /// Reads each file's detail, then decides: upload, unchanged, or refused. A file the repository
    /// holds is hashed to compare; a new one is hashed while it is sent (one read less), except in
    /// a dry run, which reports every SHA-256.
    /// </summary>
    private async Task PlanAsync(List<PublishItem> items, bool overwrite, bool dryRun, int concurrency, CancellationToken cancellationToken)
    {
        using var lookupSlots = new SemaphoreSlim(concurrency);
        using var hashSlots = new SemaphoreSlim(Environment.ProcessorCount);
        await JobTasks.RunAllAsync(
            items,
            async (item, _, token) =>
            {
                var detail = await LookUpAsync(item, lookupSlots, token).ConfigureAwait(false);
                await DecideAsync(item, detail, overwrite, dryRun, hashSlots, token).ConfigureAwait(false);
                return item;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task DecideAsync(PublishItem item, FileDetail? detail, bool overwrite, bool dryRun, SemaphoreSlim hashSlots, CancellationToken cancellationToken)
    {
        var remoteSha256 = string.IsNullOrWhiteSpace(detail?.Checksums.Sha256) ? null : detail!.Checksums.Sha256!.Trim().ToLowerInvariant();
        item.RemoteSha256 = remoteSha256;
        if (detail is null && !dryRun)
        {
            try
            {
                item.Size = new FileInfo(item.FullLocalPath).Length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                item.Fail(ErrorCodes.PublishUnreadableLocally, $"The local file cannot be read: {ex.Message}");
                return;
            }

            item.Status = PublishFileStatus.WouldUpload;
            Log(LogSeverity.Detail, $"New: {item.Target} ({ByteSize.Format(item.Size.Value)}) from {item.GivenLocalPath}.");
            return;
        }

        var (digests, readError) = await HashAsync(item.FullLocalPath, hashSlots, cancellationToken).ConfigureAwait(false);
        if (digests is null)
        {
            item.Fail(ErrorCodes.PublishUnreadableLocally, readError!);
            return;
        }

        item.Size = digests.Length;
        item.Sha256 = digests[ChecksumAlgorithm.Sha256];
        if (detail is null)
        {
            item.Status = PublishFileStatus.WouldUpload;
            Log(LogSeverity.Detail, $"New: {item.Target} ({ByteSize.Format(digests.Length)}, SHA-256 {item.Sha256}) from {item.GivenLocalPath}.");
        }
        else if (remoteSha256 == item.Sha256)
        {
            item.Status = PublishFileStatus.Unchanged;
            item.DownloadUri = detail.DownloadUri;
            Log(LogSeverity.Detail, $"Unchanged: {item.Target} already holds the bytes of {item.GivenLocalPath} (SHA-256 {item.Sha256}); not uploaded.");
        }
        else
        {
            item.Replaced = true;
            var difference = remoteSha256 is null
                ? "the repository reports no SHA-256 for the file there, so it cannot be shown to be the same"
                : $"SHA-256 {remoteSha256} there, {item.Sha256} here";
            if (overwrite)
            {
                item.Status = PublishFileStatus.WouldUpload;
                Log(LogSeverity.Detail, $"Replacing: {item.Target} holds a different file ({difference}); Overwrite is on.");
            }
            else
            {
                item.Fail(ErrorCodes.RemoteFileDiffers, $"The repository already holds a different file at this path ({difference}), and it was left as it is. Set Overwrite to replace it, or publish to a new path (a new version).");
            }
        }
    }

    private async Task<FileDetail?> LookUpAsync(PublishItem item, SemaphoreSlim lookupSlots, CancellationToken cancellationToken)
    {
        await lookupSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _client.GetFileDetailAsync(item.Repository, item.RemotePath, item.Format, cancellationToken).ConfigureAwait(false);
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
        {
            return null;
        }
        finally
        {
            lookupSlots.Release();
        }
    }

    private static async Task<(FileDigests? Digests, string? Error)> HashAsync(string path, SemaphoreSlim hashSlots, CancellationToken cancellationToken)
    {
        await hashSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await FileHasher.HashFileAsync(path, [ChecksumAlgorithm.Sha256], cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"The local file cannot be read: {ex.Message}");
        }
        finally
        {
            hashSlots.Release();
        }
    }

    /// <summary>Uploads every planned file, <paramref name="concurrency"/> at once; true when cancellation cut the uploads short.</summary>
    private async Task<bool> UploadAllAsync(List<PublishItem> items, RepositoryAccount account, int concurrency, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return false;
        }

        var progress = new UploadProgress(items.Count, items.Sum(i => i.Size ?? 0), _log);
        using var slots = new SemaphoreSlim(concurrency);
        var refusal = new StrongBox<CodeArtifactException?>();
        await Task.WhenAll(items.Select(item => UploadOneAsync(item, account, slots, progress, refusal, cancellationToken))).ConfigureAwait(false);
        return cancellationToken.IsCancellationRequested && items.Any(i => i.Status is PublishFileStatus.Interrupted or PublishFileStatus.NotStarted);
    }

    private async Task UploadOneAsync(
        PublishItem item, RepositoryAccount account, SemaphoreSlim slots, UploadProgress progress, StrongBox<CodeArtifactException?> refusal, CancellationToken cancellationToken)
    {
        item.Status = PublishFileStatus.NotStarted;
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (Volatile.Read(ref refusal.Value) is { } refused)
            {
                item.Fail(ErrorCodes.UploadFailed, $"Not sent: the repository refused an earlier upload of this run with HTTP {Quantity.Number(refused.HttpStatus)}, so this one would be refused too. {refused.Message}");
                return;
            }

            item.Status = PublishFileStatus.Interrupted;
            var file = new FileStream(item.FullLocalPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 0,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            await using (var body = new ProgressStream(file, progress.BytesSent, hash: item.Sha256 is null))
            {
                await _client.UploadFileAsync(item.RepositoryUrl!, item.RemotePath, body, account, cancellationToken).ConfigureAwait(false);
                item.Status = PublishFileStatus.Uploaded;
                item.Stored = true;
                if (item.Sha256 is null && body.Digest is { } sent)
                {
                    (item.Sha256, item.Size) = sent;
                }
            }

            // Only when the last attempt did not read the file from start to end (a body read out of order).
            item.Sha256 ??= (await FileHasher.HashFileAsync(item.FullLocalPath, [ChecksumAlgorithm.Sha256], cancellationToken).ConfigureAwait(false))[ChecksumAlgorithm.Sha256];
            progress.FileDone();
            Log(LogSeverity.Detail, $"Uploaded {item.GivenLocalPath} to {item.Target} ({ByteSize.Format(item.Size ?? 0)}).");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted when the request had begun, NotStarted when it had not.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            item.Fail(ErrorCodes.PublishUnreadableLocally, item.Stored
                ? $"Uploaded, but the local file could not be read again to know its SHA-256: {ex.Message}"
                : $"The local file cannot be read: {ex.Message} Nothing was uploaded for it.");
        }
        catch (CodeArtifactException ex)
        {
            item.Fail(ErrorCodes.UploadFailed, ex.Message);
            if (ex.HttpStatus is 401 or 403)
            {
                Interlocked.CompareExchange(ref refusal.Value, ex, null);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Verifies the uploads (SHA-256); true when cancellation stopped it.</summary>
    private async Task<bool> VerifyAsync(List<PublishItem> uploaded, CancellationToken cancellationToken)
    {
        if (uploaded.Count == 0)
        {
            return false;
        }

        ChecksumVerificationResult verification;
        try
        {
            verification = await new ChecksumVerificationJob(_client, _log).RunAsync(
                new ChecksumVerificationOptions
                {
                    Files = uploaded.Select(i => new VerifyFileRequest(i.FullLocalPath, i.RemotePath, i.Repository, i.Format)).ToArray(),
                    Algorithm = ChecksumAlgorithm.Sha256,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
        catch (CodeArtifactException ex)
        {
            foreach (var item in uploaded)
            {
                item.Verified = false;
                item.Fail(ErrorCodes.PublishVerificationFailed, $"Uploaded, but could not be verified: {ex.Message}");
            }

            return false;
        }

        for (var i = 0; i < uploaded.Count; i++)
        {
            Judge(uploaded[i], verification.Files[i]);
        }

        return false;
    }

    private static void Judge(PublishItem item, FileVerification verification)
    {
        item.DownloadUri = verification.DownloadUri ?? item.DownloadUri;
        if (verification.Status == VerificationStatus.Verified && verification.LocalHash == item.Sha256)
        {
            item.Verified = true;
            return;
        }

        item.Verified = false;
        if (verification.Status == VerificationStatus.Verified)
        {
            item.Fail(
                ErrorCodes.PublishVerificationFailed,
                $"The local file changed while it was published: SHA-256 {item.Sha256} when it was planned, {verification.LocalHash} now, which is what the repository holds. Publish again once the file no longer changes.");
            return;
        }

        // The two digests say most; a verdict without them (missing, no digest, a failed look-up) has its reason.
        var detail = verification.RemoteHash is null ? verification.Error : $"SHA-256 {verification.RemoteHash} there, {verification.LocalHash ?? item.Sha256} here";
        item.Fail(
            ErrorCodes.PublishVerificationFailed,
            $"Uploaded, but verification found {Describe(verification.Status)}{(detail is null ? string.Empty : ": " + detail)}. Publish it again (with Overwrite, since the repository may now hold other bytes at the path) and check what else writes to it.");
    }

    private static string Describe(VerificationStatus status) => status switch
    {
        VerificationStatus.Mismatch => "a different SHA-256 in the repository",
        VerificationStatus.MissingRemotely => "no file at the path",
        VerificationStatus.UnreadableLocally => "the local file unreadable",
        _ => status.ToString(),
    };

    private PublishResult Result(PublishOptions options, DateTimeOffset startedAt, List<PublishItem> items, string? user, bool cancelled) => new()
    {
        Options = options,
        StartedAt = startedAt,
        FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
        DryRun = options.DryRun,
        Cancelled = cancelled,
        RepositoryUser = user,
        Files = items.Select(i => i.ToResult()).ToArray(),
        BytesUploaded = items.Where(i => i.Stored).Sum(i => i.Size ?? 0),
    };

    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));
}
