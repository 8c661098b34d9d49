using System.Globalization;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Reports;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Deletes obsolete files of a non-Maven repository by a <see cref="RetentionPolicy"/>, or exactly
/// the files of a reviewed <see cref="CleanupPlan"/>; deleted files go to the recycle bin, from
/// where <see cref="RestoreJob"/> brings them back.
/// </summary>
/// <remarks>
/// <para>
/// By policy: validate (a Maven repository is refused, CART0501) → walk the tree below RootPath →
/// decide with the policy (a path outside the root stops everything, CART0503) → with
/// NotDownloadedForDays, or in a dry run, read each candidate's file detail (usage, size, digest)
/// → refuse more than MaxDeletions candidates (CART0502, before any delete; a dry run warns
/// instead and still lists them) → in a dry run, stop here (writing the plan when PlanFile is
/// set), so a dry run lists exactly what a real run deletes → delete, MaxConcurrency at once, each
/// file checked first (<see cref="CandidateDeleter"/>).
/// </para>
/// <para>
/// By plan (FromPlan): the plan is read and checked before any request (CART0508, CART0509,
/// CART0502), no tree is walked, and each file of the plan is deleted only while its detail still
/// shows the plan's digest and time.
/// </para>
/// <para>
/// Requests: the walk, then one file detail and one DELETE per deleted file (a second detail only
/// for a delete answered "not found" at its first attempt; with NotDownloadedForDays, one more
/// detail per candidate to judge usage). Cancellation: see <see cref="CleanupResult"/>.
/// </para>
/// </remarks>
public sealed class CleanupJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<CleanupResult> RunAsync(CleanupOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = CleanupSettings.Validate(options, _client.Options.MaxConcurrency);
        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        var result = settings.Plan is { } plan
            ? await ApplyPlanAsync(options, settings, plan, startedAt, cancellationToken).ConfigureAwait(false)
            : await CleanByPolicyAsync(options, settings, startedAt, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<CleanupResult> CleanByPolicyAsync(CleanupOptions options, CleanupSettings settings, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var time = _client.Options.TimeProvider;
        var walker = new FileTreeWalker(_client, settings.Repository, settings.Concurrency, _log);
        var files = await walker.ListFilesAsync(settings.Root, cancellationToken).ConfigureAwait(false);
        Log(LogSeverity.Info, $"Listed {Quantity.Of(files.Count, "file")} in {Quantity.Of(walker.FoldersListed, "folder")} under {settings.Root} of {settings.Repository}.");

        var now = time.GetUtcNow();
        var decisions = settings.Policy.Evaluate(settings.Root, files, now);
        var kept = decisions.Where(d => !d.IsCandidate).Select(d => new CleanupFile(d.File.Path, d.File.Modified, null, d.Reason)).ToList();
        var chosen = decisions.Where(d => d.IsCandidate).Select(d => new CleanupCandidate(d.File.Path, d.File.Modified, null)).ToList();
        var alreadyGone = new List<CleanupFile>();
        var details = new Dictionary<string, FileDetail>(StringComparer.Ordinal);

        // Usage is only in the file detail, and a dry run reports sizes and digests: read them now.
        if (options.DryRun || settings.Policy.JudgesUsage)
        {
            var read = await ReadDetailsAsync(settings, chosen, cancellationToken).ConfigureAwait(false);
            var stillChosen = new List<CleanupCandidate>();
            foreach (var (candidate, detail, gone) in read)
            {
                var usage = settings.Policy.JudgesUsage ? settings.Policy.JudgeUsage(detail?.LastDownloaded, detail?.Created, detail?.LastModified, now) : null;
                if (gone)
                {
                    alreadyGone.Add(candidate.ToFile(note: "its file detail answered 404 after the listing"));
                }
                else if (usage is not null)
                {
                    kept.Add(candidate.ToFile(detail?.Size, usage));
                }
                else
                {
                    stillChosen.Add(candidate with { Size = detail?.Size });
                    if (detail is not null)
                    {
                        details[candidate.Path] = detail;
                    }
                }
            }

            chosen = stillChosen;
        }

        if (chosen.Count > options.MaxDeletions)
        {
            var refusal = TooMany(settings, chosen.Count, options.MaxDeletions, "narrow the policy (Include, Exclude, Protect, KeepLatest, KeepLatestVersions, OlderThanDays, NotDownloadedForDays, RootPath); DryRun lists the files");
            if (!options.DryRun)
            {
                throw refusal;
            }
        }

        kept.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        if (options.DryRun)
        {
            var candidates = chosen.Select(c => c.ToFile()).ToArray();
            foreach (var candidate in candidates)
            {
                Log(LogSeverity.Detail, $"Would delete {candidate.Path} (modified {Describe(candidate.Modified)}, {Describe(candidate.Size)}).");
            }

            var plan = options.PlanFile is { } planFile && !string.IsNullOrWhiteSpace(planFile)
                ? await WritePlanAsync(planFile.Trim(), settings, now, chosen, details, cancellationToken).ConfigureAwait(false)
                : null;
            return Result(options, startedAt, candidates, kept, alreadyGone, plan, outcome: null, bytesFreed: SumSizes(candidates));
        }

        var deleter = new CandidateDeleter(_client, settings, now, _log);
        var outcome = await deleter.RunAsync(chosen, cancellationToken).ConfigureAwait(false);
        ThrowIfNothingChanged(outcome, cancellationToken);
        var all = chosen.Select(c => c.ToFile(outcome.Sizes.TryGetValue(c.Path, out var size) ? size : c.Size))
            .Concat(alreadyGone)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
        return Result(options, startedAt, all, kept, alreadyGone, plan: null, outcome, SumSizes(outcome.Deleted));
    }

    private async Task<CleanupResult> ApplyPlanAsync(CleanupOptions options, CleanupSettings settings, CleanupPlan plan, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (plan.Files.Count > options.MaxDeletions)
        {
            throw TooMany(settings, plan.Files.Count, options.MaxDeletions, $"make a smaller plan; the plan is {options.FromPlan}");
        }

        Log(LogSeverity.Info, $"Applying the plan {options.FromPlan} of {plan.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}: {Quantity.Of(plan.Files.Count, "file")} under {settings.Root} of {settings.Repository}.");
        var chosen = plan.Files.Select(f => new CleanupCandidate(f.Path, f.LastModified, f.Size, f)).ToList();
        var deleter = new CandidateDeleter(_client, settings, _client.Options.TimeProvider.GetUtcNow(), _log);
        var outcome = await deleter.RunAsync(chosen, cancellationToken).ConfigureAwait(false);
        ThrowIfNothingChanged(outcome, cancellationToken);
        var candidates = chosen.Select(c => c.ToFile()).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        return Result(options, startedAt, candidates, kept: [], alreadyGone: [], plan, outcome, SumSizes(outcome.Deleted));
    }

    // Cancelled before the first DELETE went out: nothing was changed, so the run fails as cancelled.
    private static void ThrowIfNothingChanged(DeletionOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Cancelled && outcome.DeletesSent == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private CleanupResult Result(
        CleanupOptions options,
        DateTimeOffset startedAt,
        IReadOnlyList<CleanupFile> candidates,
        IReadOnlyList<CleanupFile> kept,
        IReadOnlyList<CleanupFile> alreadyGone,
        CleanupPlan? plan,
        DeletionOutcome? outcome,
        long bytesFreed) => new()
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            DryRun = options.DryRun,
            Candidates = candidates,
            Deleted = Sorted(outcome?.Deleted),
            Kept = kept,
            Failed = outcome?.Failed.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray() ?? [],
            AlreadyGone = Sorted(outcome?.AlreadyGone.Concat(alreadyGone) ?? alreadyGone),
            SkippedAsChanged = Sorted(outcome?.SkippedAsChanged),
            Interrupted = Sorted(outcome?.Interrupted),
            NotAttempted = Sorted(outcome?.NotAttempted),
            StoppedBy = outcome?.StoppedBy,
            Cancelled = outcome?.Cancelled ?? false,
            Plan = plan,
            BytesFreed = bytesFreed,
        };

    // A dry run's sizes and digests, and the usage rule's times, come from the file detail. A file
    // gone since the listing is reported as such; a detail that cannot be read leaves the values
    // unknown (the usage rule then keeps the file), except a refusal, which ends the run.
    private async Task<(CleanupCandidate Candidate, FileDetail? Detail, bool Gone)[]> ReadDetailsAsync(CleanupSettings settings, IReadOnlyList<CleanupCandidate> chosen, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(settings.Concurrency);
        return await JobTasks.RunAllAsync(
            chosen,
            async (candidate, _, token) =>
            {
                await slots.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    var detail = await _client.GetFileDetailAsync(settings.Repository, candidate.Path, settings.Format, token).ConfigureAwait(false);
                    return (candidate, (FileDetail?)detail, false);
                }
                catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
                {
                    return (candidate, null, true);
                }
                catch (CodeArtifactException ex) when (!JobTasks.IsAccessRefused(ex))
                {
                    Log(LogSeverity.Detail, $"No file detail for {candidate.Path}: {ex.Message}");
                    return (candidate, null, false);
                }
                finally
                {
                    slots.Release();
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CleanupPlan> WritePlanAsync(string path, CleanupSettings settings, DateTimeOffset now, IReadOnlyList<CleanupCandidate> chosen, IReadOnlyDictionary<string, FileDetail> details, CancellationToken cancellationToken)
    {
        var policy = settings.Policy;
        var entries = chosen
            .Select(c => details.TryGetValue(c.Path, out var d)
                ? new CleanupPlanEntry(c.Path, d.Size, d.LastModified, d.Checksums.Sha256)
                : new CleanupPlanEntry(c.Path, null, null, null))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToArray();
        var plan = new CleanupPlan
        {
            CreatedAt = now,
            Tool = $"{JobReport.Tool.Name} {JobReport.Tool.Version}",
            Repository = settings.Repository,
            Format = settings.Format,
            RootPath = settings.Root,
            Policy = new CleanupPlanPolicy
            {
                Include = policy.Include,
                Exclude = policy.Exclude,
                Protect = policy.Protect,
                KeepLatest = policy.KeepLatest,
                KeepLatestVersions = policy.KeepLatestVersions,
                OlderThanDays = policy.OlderThanDays,
                NotDownloadedForDays = policy.NotDownloadedForDays,
                EvaluatedAt = now,
            },
            TotalBytes = entries.Sum(e => e.Size ?? 0),
            Files = entries,
        };
        await CleanupPlanStore.WriteAsync(path, plan, cancellationToken).ConfigureAwait(false);
        var unconfirmable = entries.Count(e => e.Sha256 is null && e.LastModified is null);
        Log(LogSeverity.Info, $"Wrote the plan {path}: {Quantity.Of(entries.Length, "file")}, {Describe(plan.TotalBytes)}."
            + (unconfirmable > 0 ? $" {Quantity.Of(unconfirmable, "file")} of it had no readable detail; applying the plan will keep them, since they cannot be confirmed unchanged." : string.Empty));
        return plan;
    }

    private static CodeArtifactException TooMany(CleanupSettings settings, int count, int maxDeletions, string narrow) =>
        new(
            ErrorCodes.TooManyDeletions,
            $"Refusing to delete {Quantity.Of(count, "file")} from {settings.Repository} under {settings.Root}: that is more than MaxDeletions ({Quantity.Number(maxDeletions)}). Nothing was deleted. Raise MaxDeletions to {Quantity.Number(count)} or more if that is intended, or {narrow}.")
        {
            ParameterName = nameof(CleanupOptions.MaxDeletions),
        };

    private static CleanupFile[] Sorted(IEnumerable<CleanupFile>? files) =>
        files?.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray() ?? [];

    private static long SumSizes(IEnumerable<CleanupFile> files) => files.Sum(f => f.Size ?? 0);

    private static string Describe(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Describe(long? bytes) => bytes is { } b ? $"{b.ToString("N0", CultureInfo.InvariantCulture)} bytes" : "size unknown";

    private void Log(LogSeverity severity, string message) => _log?.Invoke(new CodeArtifactLogEvent(severity, message));
}
