using System.Globalization;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Hashes local files and compares each digest with the one the repository reports (file
/// detail), giving every file one verdict (<see cref="VerificationStatus"/>).
/// </summary>
/// <remarks>
/// Each file is read once, computing only the digest compared. Files are hashed in parallel (at
/// most the processor count at once) while the remote look-ups run (at most the client's
/// MaxConcurrency at once). A file is hashed as soon as a hashing slot is free, without waiting
/// for its look-up: with Auto the SHA-256 that the repository nearly always reports; only when it
/// reports no SHA-256 is the file read again for the digest it does report. Hashing stops as soon
/// as the answer makes it useless: the file is missing remotely, its size differs from the
/// repository's (a mismatch found without hashing), or no digest to compare exists.
/// One file's failed look-up (after the client's retries) is that file's verdict, never the
/// others': only a repository-level failure (<see cref="RepositoryCheck"/>) fails the job.
/// </remarks>
public sealed class ChecksumVerificationJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<ChecksumVerificationResult> RunAsync(ChecksumVerificationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = Validate(options);
        if (options.MaxParallelHashing is < 1)
        {
            throw Argument.Invalid(nameof(ChecksumVerificationOptions.MaxParallelHashing), options.MaxParallelHashing.Value.ToString(CultureInfo.InvariantCulture), "files hashed at once is 1 or more");
        }

        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        Log(LogSeverity.Info, $"Verifying {Quantity.Of(files.Count, "file")} with {(options.Algorithm == ChecksumAlgorithm.Auto ? "the strongest digest the repository has" : options.Algorithm.Name())}.");

        var repositories = files.Select(f => f.Repository).Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, r => new RepositoryCheck(_client, r), StringComparer.Ordinal);
        using var hashSlots = new SemaphoreSlim(options.MaxParallelHashing ?? Environment.ProcessorCount);
        using var lookupSlots = new SemaphoreSlim(Math.Max(1, _client.Options.MaxConcurrency));
        var progress = new ProgressReporter(files.Count, "Verified", "files", _log);
        var results = await JobTasks.RunAllAsync(
            files,
            async (file, _, token) =>
            {
                var verification = await VerifyAsync(file, options.Algorithm, repositories[file.Repository], hashSlots, lookupSlots, token).ConfigureAwait(false);
                Log(LogSeverity.Detail, Describe(verification));
                progress.OneDone();
                return verification;
            },
            cancellationToken).ConfigureAwait(false);

        var result = new ChecksumVerificationResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            Files = results,
        };
        return result;
    }

    private async Task<FileVerification> VerifyAsync(
        PlannedFile file,
        ChecksumAlgorithm algorithm,
        RepositoryCheck repository,
        SemaphoreSlim hashSlots,
        SemaphoreSlim lookupSlots,
        CancellationToken cancellationToken)
    {
        long localSize;
        try
        {
            if (!File.Exists(file.LocalPath))
            {
                return file.Outcome(VerificationStatus.UnreadableLocally, error: "The local file does not exist.");
            }

            localSize = new FileInfo(file.LocalPath).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return file.Outcome(VerificationStatus.UnreadableLocally, error: $"The local file cannot be read: {ex.Message}");
        }

        var lookup = LookUpAsync(file, lookupSlots, cancellationToken);

        // A hash started before the look-up answered is stopped when its result is no longer wanted.
        using var hashCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Auto nearly always ends on SHA-256, so that one is hashed while the look-up is under way.
        var speculative = algorithm == ChecksumAlgorithm.Auto ? ChecksumAlgorithm.Sha256 : algorithm;
        var hashing = HashAsync(file.LocalPath, speculative, hashSlots, hashCancellation.Token);

        async Task AbandonHashingAsync()
        {
            await hashCancellation.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(hashing).ConfigureAwait(false);
        }

        (FileDetail? Detail, CodeArtifactException? Failure) answer;
        try
        {
            answer = await lookup.ConfigureAwait(false);
        }
        catch
        {
            await AbandonHashingAsync().ConfigureAwait(false);
            throw;
        }

        if (answer.Failure is { } failure)
        {
            await AbandonHashingAsync().ConfigureAwait(false);
            if (await repository.FailureAsync(cancellationToken).ConfigureAwait(false) is { } repositoryFailure)
            {
                throw repositoryFailure;
            }

            return JobTasks.IsNotFound(failure)
                ? file.Outcome(VerificationStatus.MissingRemotely, localSize: localSize, error: "The repository has no file at this path.")
                : file.Outcome(
                    VerificationStatus.RemoteError,
                    localSize: localSize,
                    error: failure.Message,
                    failure: failure);
        }

        repository.FileFound();
        var detail = answer.Detail!;
        if (detail.Size is { } remoteSize && remoteSize != localSize)
        {
            await AbandonHashingAsync().ConfigureAwait(false);
            return file.Outcome(
                VerificationStatus.Mismatch,
                localSize: localSize,
                remoteSize: remoteSize,
                downloadUri: detail.DownloadUri,
                error: $"The sizes differ: {localSize.ToString(CultureInfo.InvariantCulture)} bytes locally, {remoteSize.ToString(CultureInfo.InvariantCulture)} in the repository.");
        }

        var chosen = algorithm == ChecksumAlgorithm.Auto ? PreferredRemote(detail.Checksums) : algorithm;
        var remoteHash = chosen is { } c ? Remote(detail.Checksums, c) : null;
        if (chosen is null || remoteHash is null)
        {
            await AbandonHashingAsync().ConfigureAwait(false);
            var what = chosen is null ? "no checksum at all" : $"no {chosen.Value.Name()} checksum";
            return file.Outcome(VerificationStatus.NoRemoteDigest, algorithm: chosen?.Name(), localSize: localSize, remoteSize: detail.Size, downloadUri: detail.DownloadUri, error: $"the repository reports {what} for this file");
        }

        if (chosen.Value != speculative)
        {
            await AbandonHashingAsync().ConfigureAwait(false);
            hashing = HashAsync(file.LocalPath, chosen.Value, hashSlots, cancellationToken);
        }

        var (digests, readError) = await hashing.ConfigureAwait(false);
        if (digests is null)
        {
            return file.Outcome(VerificationStatus.UnreadableLocally, algorithm: chosen.Value.Name(), remoteHash: remoteHash, remoteSize: detail.Size, downloadUri: detail.DownloadUri, error: readError);
        }

        var localHash = digests[chosen.Value]!;
        var status = string.Equals(localHash, remoteHash, StringComparison.Ordinal) ? VerificationStatus.Verified : VerificationStatus.Mismatch;
        return file.Outcome(
            status,
            chosen.Value.Name(),
            localHash,
            remoteHash,
            digests.Length,
            detail.Size,
            detail.DownloadUri,
            status == VerificationStatus.Mismatch ? $"The {chosen.Value.Name()} digests differ." : null);
    }

    private async Task<(FileDetail? Detail, CodeArtifactException? Failure)> LookUpAsync(PlannedFile file, SemaphoreSlim lookupSlots, CancellationToken cancellationToken)
    {
        await lookupSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await _client.GetFileDetailAsync(file.Repository, file.RemotePath, file.Format, cancellationToken).ConfigureAwait(false), null);
        }
        catch (CodeArtifactException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The client has retried what was worth retrying: this is the file's answer.
            return (null, ex);
        }
        finally
        {
            lookupSlots.Release();
        }
    }

    private static async Task<(FileDigests? Digests, string? Error)> HashAsync(string path, ChecksumAlgorithm algorithm, SemaphoreSlim hashSlots, CancellationToken cancellationToken)
    {
        await hashSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await FileHasher.HashFileAsync(path, [algorithm], cancellationToken).ConfigureAwait(false), null);
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

    private static ChecksumAlgorithm? PreferredRemote(FileChecksums checksums) =>
        ChecksumAlgorithms.AutoPreference.Cast<ChecksumAlgorithm?>().FirstOrDefault(a => Remote(checksums, a!.Value) is not null);

    private static string? Remote(FileChecksums checksums, ChecksumAlgorithm algorithm)
    {
        var value = algorithm switch
        {
            ChecksumAlgorithm.Md5 => checksums.Md5,
            ChecksumAlgorithm.Sha1 => checksums.Sha1,
            ChecksumAlgorithm.Sha256 => checksums.Sha256,
            ChecksumAlgorithm.Sha512 => checksums.Sha512,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
    }

    private static List<PlannedFile> Validate(ChecksumVerificationOptions options)
    {
        var files = options.Files ?? [];
        var planned = new List<PlannedFile>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i] ?? throw CodeArtifactException.Invalid($"Files[{i}]", $"Invalid Files[{i}]: the list holds a null file.");
            var prefix = $"Files[{i}].";
            if (string.IsNullOrWhiteSpace(file.LocalPath))
            {
                throw CodeArtifactException.Missing(prefix + nameof(VerifyFileRequest.LocalPath), $"{prefix}LocalPath is required: the local file to hash.");
            }

            var remotePath = Argument.RepositoryPath(file.RemotePath, prefix + nameof(VerifyFileRequest.RemotePath));
            var repositoryName = file.Repository is null ? nameof(ChecksumVerificationOptions.Repository) : prefix + nameof(VerifyFileRequest.Repository);
            var repository = file.Repository ?? options.Repository;
            if (string.IsNullOrEmpty(repository))
            {
                throw CodeArtifactException.Missing(nameof(ChecksumVerificationOptions.Repository), $"Repository is required for {file.LocalPath}: set Repository, or the file's own Repository metadata, to the repository id.");
            }

            Argument.RepositoryId(repository, repositoryName);
            var formatName = file.Format is null ? nameof(ChecksumVerificationOptions.Format) : prefix + nameof(VerifyFileRequest.Format);
            var format = Argument.OneOf(file.Format ?? options.Format ?? "generic", formatName, KnownValues.FileFormats);
            planned.Add(new PlannedFile(Path.GetFullPath(file.LocalPath), file.LocalPath, remotePath, repository, format));
        }

        return planned;
    }

    private static string Describe(FileVerification v) => v.Status switch
    {
        VerificationStatus.Verified => $"Verified {v.LocalPath} = {v.Repository}{v.RemotePath} ({v.Algorithm} {v.LocalHash}).",
        VerificationStatus.Mismatch when v.LocalHash is not null => $"Mismatch {v.LocalPath} vs {v.Repository}{v.RemotePath}: {v.Algorithm} local {v.LocalHash}, remote {v.RemoteHash}.",
        VerificationStatus.MissingRemotely => $"Missing remotely: {v.Repository}{v.RemotePath} (for {v.LocalPath}).",
        _ => $"{v.Status} {v.LocalPath} ({v.Repository}{v.RemotePath}): {v.Error}",
    };

    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));

    private sealed record PlannedFile(string LocalPath, string GivenLocalPath, string RemotePath, string Repository, string Format)
    {
        public FileVerification Outcome(
            VerificationStatus status,
            string? algorithm = null,
            string? localHash = null,
            string? remoteHash = null,
            long? localSize = null,
            long? remoteSize = null,
            string? downloadUri = null,
            string? error = null,
            CodeArtifactException? failure = null) => new()
            {
                LocalPath = GivenLocalPath,
                RemotePath = RemotePath,
                Repository = Repository,
                Status = status,
                Algorithm = algorithm,
                LocalHash = localHash,
                RemoteHash = remoteHash,
                LocalSize = localSize,
                RemoteSize = remoteSize,
                DownloadUri = downloadUri,
                Error = error,
                ErrorCode = failure?.Code,
                ServiceErrorCode = failure?.ServiceErrorCode,
                HttpStatus = failure?.HttpStatus,
            };
    }
}
