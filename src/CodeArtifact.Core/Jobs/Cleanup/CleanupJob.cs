using System.Collections.Concurrent;
using System.Globalization;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Deletes obsolete files of a non-Maven repository by a <see cref="RetentionPolicy"/>; deleted
/// files go to the recycle bin, from where <see cref="RestoreJob"/> brings them back.
/// </summary>
/// <remarks>
/// Steps: validate (a Maven repository is refused, CART0501) → walk the tree below RootPath →
/// decide with the policy (a path outside the root stops everything, CART0503) → refuse more than
/// MaxDeletions candidates (CART0502, before any delete; a dry run warns instead and still lists
/// them) → read the candidates' sizes → stop here in a dry run, so a dry run lists exactly what a
/// real run deletes → delete, MaxConcurrency at once. A delete answered 404 counts as deleted
/// (an earlier attempt already deleted it). Cancellation: see <see cref="CleanupResult"/>.
/// </remarks>
public sealed class CleanupJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<CleanupResult> RunAsync(CleanupOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = Validate(options, _client.Options.MaxConcurrency);
        var time = _client.Options.TimeProvider;
        var startedAt = time.GetUtcNow();

        var walker = new FileTreeWalker(_client, plan.Repository, plan.Concurrency, _log);
        var files = await walker.ListFilesAsync(plan.Root, cancellationToken).ConfigureAwait(false);
        Log(LogSeverity.Info, $"Listed {Quantity.Of(files.Count, "file")} in {Quantity.Of(walker.FoldersListed, "folder")} under {plan.Root} of {plan.Repository}.");

        var decisions = plan.Policy.Evaluate(plan.Root, files, time.GetUtcNow());
        var kept = decisions.Where(d => !d.IsCandidate).Select(d => new CleanupFile(d.File.Path, d.File.Modified, null, d.Reason)).ToArray();
        var chosen = decisions.Where(d => d.IsCandidate).Select(d => d.File).ToArray();

        if (chosen.Length > options.MaxDeletions)
        {
            var refusal = TooMany(plan, chosen.Length, options.MaxDeletions);
            if (!options.DryRun)
            {
                throw refusal;
            }

            Log(LogSeverity.Warning, refusal.Message, refusal.Code);
        }

        var candidates = await ReadSizesAsync(plan, chosen, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in candidates)
        {
            Log(LogSeverity.Detail, $"{(options.DryRun ? "Would delete" : "Deleting")} {candidate.Path} (modified {Describe(candidate.Modified)}, {Describe(candidate.Size)}).");
        }

        if (options.DryRun)
        {
            return Result(options, plan, startedAt, candidates, deleted: [], kept, failed: [], interrupted: [], cancelled: false, bytesFreed: SumSizes(candidates));
        }

        var outcome = await DeleteAsync(plan, candidates, cancellationToken).ConfigureAwait(false);
        var deleted = outcome.Deleted.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var failed = outcome.Failed.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var interrupted = outcome.Interrupted.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        if (failed.Length > 0)
        {
            Log(LogSeverity.Warning, $"{Quantity.Number(failed.Length)} of {Quantity.Of(candidates.Length, "file")} could not be deleted; the first: {failed[0].Path}: {failed[0].Message}", ErrorCodes.DeletionsFailed);
        }

        return Result(options, plan, startedAt, candidates, deleted, kept, failed, interrupted, outcome.Cancelled, SumSizes(deleted));
    }

    private CleanupResult Result(
        CleanupOptions options,
        Plan plan,
        DateTimeOffset startedAt,
        IReadOnlyList<CleanupFile> candidates,
        IReadOnlyList<CleanupFile> deleted,
        IReadOnlyList<CleanupFile> kept,
        IReadOnlyList<CleanupFailure> failed,
        IReadOnlyList<CleanupFile> interrupted,
        bool cancelled,
        long bytesFreed) => new()
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            DryRun = options.DryRun,
            Candidates = candidates,
            Deleted = deleted,
            Kept = kept,
            Failed = failed,
            Interrupted = interrupted,
            Cancelled = cancelled,
            BytesFreed = bytesFreed,
        };

    // File detail is the only place the API gives a size; a size that cannot be read stays unknown.
    private async Task<CleanupFile[]> ReadSizesAsync(Plan plan, RetentionFile[] chosen, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(plan.Concurrency);
        return await JobTasks.RunAllAsync(
            chosen,
            async (file, _, token) =>
            {
                await slots.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    var detail = await _client.GetFileDetailAsync(plan.Repository, file.Path, plan.Format, token).ConfigureAwait(false);
                    return new CleanupFile(file.Path, file.Modified, detail.Size);
                }
                catch (CodeArtifactException ex)
                {
                    Log(LogSeverity.Detail, $"No size for {file.Path}: {ex.Message}");
                    return new CleanupFile(file.Path, file.Modified, null);
                }
                finally
                {
                    slots.Release();
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeleteOutcome> DeleteAsync(Plan plan, CleanupFile[] candidates, CancellationToken cancellationToken)
    {
        var outcome = new DeleteOutcome();
        var progress = new ProgressReporter(candidates.Length, "Deleted", "files", _log);
        using var slots = new SemaphoreSlim(plan.Concurrency);
        var deletions = candidates.Select(async candidate =>
        {
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

                RepositoryPaths.EnsureUnderRoot(plan.Root, candidate.Path);
                await DeleteOneAsync(plan.Repository, candidate.Path, cancellationToken).ConfigureAwait(false);
                outcome.Deleted.Add(candidate);
                Log(LogSeverity.Detail, $"Deleted {candidate.Path}.");
                progress.OneDone();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome.Interrupted.Add(candidate);
            }
            catch (OperationCanceledException ex)
            {
                outcome.Failed.Add(new CleanupFailure(candidate.Path, $"The delete was cut off: {ex.Message}"));
            }
            catch (CodeArtifactException ex)
            {
                outcome.Failed.Add(new CleanupFailure(candidate.Path, ex.Message));
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        await Task.WhenAll(deletions).ConfigureAwait(false);
        outcome.Cancelled = cancellationToken.IsCancellationRequested && outcome.Deleted.Count + outcome.Failed.Count < candidates.Length;
        return outcome;
    }

    private async Task DeleteOneAsync(string repository, string path, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteFileAsync(repository, path, cancellationToken).ConfigureAwait(false);
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
        {
            // Gone already: most often an earlier attempt of this very delete succeeded and only its answer was lost.
            Log(LogSeverity.Detail, $"{path} was already gone (404); counted as deleted.");
        }
    }

    private static Plan Validate(CleanupOptions options, int clientConcurrency)
    {
        var repository = Argument.RepositoryId(options.Repository, nameof(CleanupOptions.Repository));
        if (RepositoryPaths.IsMaven(repository, options.Format))
        {
            throw new CodeArtifactException(
                ErrorCodes.MavenRepositoryRefused,
                $"Repository \"{repository}\" is a Maven repository: the file delete API serves non-Maven repositories only, so cleanup refuses it. Use Maven's own snapshot clean-up settings for Maven repositories.")
            {
                ParameterName = nameof(CleanupOptions.Repository),
            };
        }

        var format = options.Format is null
            ? RepositoryPaths.FormatFromRepositoryId(repository)
            : Argument.OneOf(options.Format, nameof(CleanupOptions.Format), KnownValues.FileFormats);
        if (!KnownValues.FileFormats.Contains(format, StringComparer.Ordinal))
        {
            format = "generic";
        }

        var root = RepositoryPaths.NormalizeRoot(options.RootPath);
        var policy = RetentionPolicy.FromOptions(options);
        if (options.MaxDeletions < 0)
        {
            throw Argument.Invalid(nameof(CleanupOptions.MaxDeletions), Quantity.Number(options.MaxDeletions), "MaxDeletions is 0 or more (the most files one run may delete)");
        }

        if (options.MaxConcurrency is < 1)
        {
            throw Argument.Invalid(nameof(CleanupOptions.MaxConcurrency), Quantity.Number(options.MaxConcurrency.Value), "MaxConcurrency is 1 or more");
        }

        return new Plan(repository, format, root, policy, options.MaxConcurrency ?? Math.Max(1, clientConcurrency));
    }

    private CodeArtifactException TooMany(Plan plan, int count, int maxDeletions) =>
        new(
            ErrorCodes.TooManyDeletions,
            $"Refusing to delete {Quantity.Of(count, "file")} from {plan.Repository} under {plan.Root}: that is more than MaxDeletions ({Quantity.Number(maxDeletions)}). Nothing was deleted. Raise MaxDeletions to {Quantity.Number(count)} or more if that is intended, or narrow the policy (Include, Exclude, Protect, KeepLatest, OlderThanDays, RootPath); DryRun lists the files.")
        {
            ParameterName = nameof(CleanupOptions.MaxDeletions),
        };

    private static long SumSizes(IEnumerable<CleanupFile> files) => files.Sum(f => f.Size ?? 0);

    private static string Describe(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Describe(long? bytes) => bytes is { } b ? $"{b.ToString("N0", CultureInfo.InvariantCulture)} bytes" : "size unknown";


    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));

    private sealed record Plan(string Repository, string Format, string Root, RetentionPolicy Policy, int Concurrency);

    private sealed class DeleteOutcome
    {
        public ConcurrentBag<CleanupFile> Deleted { get; } = [];

        public ConcurrentBag<CleanupFailure> Failed { get; } = [];

        public ConcurrentBag<CleanupFile> Interrupted { get; } = [];

        public bool Cancelled { get; set; }
    }
}
