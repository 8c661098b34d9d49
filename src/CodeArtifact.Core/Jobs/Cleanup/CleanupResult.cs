using CodeArtifact.Core.Runner;
using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// The outcome of <see cref="CleanupJob"/>. Lists are sorted by path; every candidate ends in
/// exactly one of <see cref="Deleted"/>, <see cref="AlreadyGone"/>, <see cref="SkippedAsChanged"/>,
/// <see cref="Failed"/>, <see cref="Interrupted"/> or <see cref="NotAttempted"/> (in a real run).
/// </summary>
/// <remarks>
/// Cancellation: when the token fires once deleting has begun, the job stops sending deletes
/// and returns (it does not throw) a result with <see cref="JobResult.Cancelled"/> set, whose
/// <see cref="Deleted"/> lists exactly the files the service confirmed deleted, whose
/// <see cref="Interrupted"/> lists the files whose DELETE was on its way when the token fired
/// (they may or may not be deleted: restore them to be sure), and whose <see cref="NotAttempted"/>
/// lists the rest. Before the first DELETE is sent, cancellation throws
/// <see cref="OperationCanceledException"/>: nothing was changed.
/// </remarks>
public sealed class CleanupResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "cleanup";

    /// <summary>The inputs (they hold no secret).</summary>
    public required CleanupOptions Options { get; init; }

    public bool DryRun { get; init; }

    /// <summary>
    /// Every file the policy selects (or the plan lists): what a real run tries to delete (all of
    /// them, or none when over MaxDeletions).
    /// </summary>
    public required IReadOnlyList<CleanupFile> Candidates { get; init; }

    /// <summary>Files this run deleted (moved to the recycle bin); empty in a dry run.</summary>
    public required IReadOnlyList<CleanupFile> Deleted { get; init; }

    /// <summary>Files under the root that the policy keeps, each with its reason (empty when a plan is applied).</summary>
    public required IReadOnlyList<CleanupFile> Kept { get; init; }

    /// <summary>Files whose delete failed, each with its code and message.</summary>
    public required IReadOnlyList<CleanupFailure> Failed { get; init; }

    /// <summary>Candidates that were already gone when this run came to them (deleted by someone else): not deleted by this run, no bytes freed.</summary>
    public IReadOnlyList<CleanupFile> AlreadyGone { get; init; } = [];

    /// <summary>
    /// Candidates kept because their file detail, read just before the delete, no longer matches
    /// the plan (another digest or time) or the listing (a newer time, or a download since); each
    /// with its reason and what changed.
    /// </summary>
    public IReadOnlyList<CleanupFile> SkippedAsChanged { get; init; } = [];

    /// <summary>Files whose delete was cut off by cancellation; their state is unknown.</summary>
    public IReadOnlyList<CleanupFile> Interrupted { get; init; } = [];

    /// <summary>Candidates never tried because the run stopped first (cancellation, or a 401/403).</summary>
    public IReadOnlyList<CleanupFile> NotAttempted { get; init; } = [];

    /// <summary>The 401/403 that stopped the run, when one did (its file is also in <see cref="Failed"/>).</summary>
    public CleanupFailure? StoppedBy { get; init; }

    /// <summary>The plan this run wrote (a dry run with PlanFile) or applied (FromPlan); null otherwise.</summary>
    public CleanupPlan? Plan { get; init; }

    /// <summary>The sum of the known sizes of the deleted files (of the candidates, in a dry run); already-gone files free nothing.</summary>
    public long BytesFreed { get; init; }

    /// <summary>How many files the policy kept because no folder of their path reads as a version (KeepLatestVersions).</summary>
    public int UnversionedCount => Kept.Count(k => k.Reason == RetentionReasons.NoVersion);

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            var where = $"of {Options.RootPath} in {Options.Repository}";
            var kept = $"{Quantity.Number(Kept.Count)} kept";
            if (DryRun)
            {
                return $"Cleanup (dry run) {where}: {Quantity.Of(Candidates.Count, "file")} would be deleted ({Bytes(BytesFreed)}), {kept}"
                    + (AlreadyGone.Count > 0 ? $", {Quantity.Number(AlreadyGone.Count)} already gone" : string.Empty)
                    + (Plan is not null && Options.PlanFile is not null ? $"; plan written to {Options.PlanFile}." : ".");
            }

            var parts = new List<string> { $"{Quantity.Number(Deleted.Count)} of {Quantity.Of(Candidates.Count, "file")} deleted ({Bytes(BytesFreed)} freed)" };
            Add(parts, AlreadyGone.Count, "already gone");
            Add(parts, SkippedAsChanged.Count, "skipped as changed");
            Add(parts, Failed.Count, "failed");
            if (Cancelled)
            {
                // A cancelled run always says how many deletes were on their way: they may or may not have happened.
                parts.Add($"{Quantity.Number(Interrupted.Count)} interrupted (their delete was on its way: restore them to be sure)");
            }
            else
            {
                Add(parts, Interrupted.Count, "interrupted");
            }

            Add(parts, NotAttempted.Count, "not attempted");
            if (Plan is null)
            {
                parts.Add(kept);
            }

            var state = Cancelled ? " cancelled" : StoppedBy is not null ? " stopped by a refused request" : string.Empty;
            return $"Cleanup {where}{state}: {string.Join(", ", parts)}.";
        }
    }

    /// <summary>
    /// The rule of which findings fail the run: a 401/403 that stopped it, and every file whose
    /// delete failed, are errors; files skipped as changed and files already gone are warnings (the
    /// repository is as the user wants it, or as someone else left it); a dry run over MaxDeletions
    /// warns that the real run would refuse. Cancellation is the runner's (CART0506, with <see cref="Summary"/>).
    /// </summary>
    public override IReadOnlyList<JobProblem> Problems
    {
        get
        {
            var problems = new List<JobProblem>();
            if (DryRun && Candidates.Count > Options.MaxDeletions)
            {
                problems.Add(new JobProblem(
                    ProblemSeverity.Warning,
                    ErrorCodes.TooManyDeletions,
                    $"{Quantity.Of(Candidates.Count, "file")} would be deleted, more than MaxDeletions ({Quantity.Number(Options.MaxDeletions)}): a real run would refuse and delete nothing. Raise MaxDeletions to {Quantity.Number(Candidates.Count)} or more if that is intended, or narrow the policy."));
            }

            if (StoppedBy is { } stop)
            {
                problems.Add(new JobProblem(
                    ProblemSeverity.Error,
                    ErrorCodes.DeletionsStopped,
                    $"The service refused {stop.Path}, so the cleanup stopped at once: {Quantity.Number(Deleted.Count)} deleted, {Quantity.Number(Failed.Count(f => f.Code == ErrorCodes.DeletionsStopped))} refused, {Quantity.Number(NotAttempted.Count)} not attempted. Check the credentials and their permission to delete in this repository. {stop.Message}",
                    stop.Path));
            }

            foreach (var failure in Failed.Where(f => f.Code != ErrorCodes.DeletionsStopped))
            {
                problems.Add(failure.Code == ErrorCodes.DeletionsFailed
                    ? CodedText.Problem(ProblemSeverity.Error, failure.Path, Messages.Cleanup_Failed, failure.Path, failure.Message)
                    : new JobProblem(ProblemSeverity.Error, failure.Code, $"{failure.Path} could not be deleted: {failure.Message}", failure.Path));
            }

            foreach (var skipped in SkippedAsChanged)
            {
                problems.Add(new JobProblem(ProblemSeverity.Warning, ErrorCodes.ChangedSinceChecked, $"{skipped.Path} was kept: {skipped.Note}", skipped.Path));
            }

            foreach (var gone in AlreadyGone)
            {
                problems.Add(new JobProblem(ProblemSeverity.Warning, ErrorCodes.AlreadyGone, $"{gone.Path} was already gone (deleted by someone else): not deleted by this run, no bytes freed.", gone.Path));
            }

            return problems;
        }
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{Quantity.Number(count)} {what}");
        }
    }

    private static string Bytes(long bytes) => $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
}
