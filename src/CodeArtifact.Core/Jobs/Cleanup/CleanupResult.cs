using System.Globalization;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Jobs;

/// <summary>A file the cleanup looked at.</summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>: what <see cref="RestoreJob"/> takes.</param>
/// <param name="Modified">When it was last modified, when the tree said.</param>
/// <param name="Size">Its size in bytes (from file detail, for candidates), when known.</param>
/// <param name="Reason">For a kept file, why it is kept (<c>protected</c>, <c>keep-latest</c> …); null otherwise.</param>
public sealed record CleanupFile(string Path, DateTimeOffset? Modified, long? Size, string? Reason = null);

/// <summary>A file that could not be deleted or restored, and why.</summary>
public sealed record CleanupFailure(string Path, string Message);

/// <summary>
/// The outcome of <see cref="CleanupJob"/>. Lists are sorted by path.
/// </summary>
/// <remarks>
/// Cancellation: when the token fires once deleting has begun, the job stops sending deletes
/// and returns (it does not throw) a result with <see cref="JobResult.Cancelled"/> set, whose
/// <see cref="Deleted"/> lists exactly the files the service confirmed deleted, and whose
/// <see cref="Interrupted"/> lists the files whose DELETE was on its way when the token fired
/// (they may or may not be deleted: restore them to be sure). Before deleting has begun,
/// cancellation throws <see cref="OperationCanceledException"/>: nothing was changed.
/// </remarks>
public sealed class CleanupResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "cleanup";

    /// <summary>The inputs (they hold no secret).</summary>
    public required CleanupOptions Options { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Every file the policy selects: what a real run deletes (all of them, or none when over MaxDeletions).</summary>
    public required IReadOnlyList<CleanupFile> Candidates { get; init; }

    /// <summary>Files deleted (moved to the recycle bin); empty in a dry run.</summary>
    public required IReadOnlyList<CleanupFile> Deleted { get; init; }

    /// <summary>Files under the root that the policy keeps, each with its reason.</summary>
    public required IReadOnlyList<CleanupFile> Kept { get; init; }

    /// <summary>Files whose delete failed.</summary>
    public required IReadOnlyList<CleanupFailure> Failed { get; init; }

    /// <summary>Files whose delete was cut off by cancellation; their state is unknown.</summary>
    public IReadOnlyList<CleanupFile> Interrupted { get; init; } = [];

    /// <summary>The sum of the known sizes of the deleted files (of the candidates, in a dry run).</summary>
    public long BytesFreed { get; init; }

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            var where = $"of {Options.RootPath} in {Options.Repository}";
            var bytes = BytesFreed.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
            var kept = Quantity.Number(Kept.Count) + " kept";
            var failed = Failed.Count == 0 ? string.Empty : $", {Quantity.Number(Failed.Count)} failed";
            return DryRun ? $"Cleanup (dry run) {where}: {Quantity.Of(Candidates.Count, "file")} would be deleted ({bytes}), {kept}."
                : Cancelled ? $"Cleanup {where} cancelled: {Quantity.Number(Deleted.Count)} of {Quantity.Of(Candidates.Count, "file")} deleted ({bytes} freed), {Quantity.Number(Interrupted.Count)} interrupted (their delete was on its way: they may or may not be deleted){failed}."
                : $"Cleanup {where}: deleted {Quantity.Number(Deleted.Count)} of {Quantity.Of(Candidates.Count, "file")} ({bytes} freed), {kept}{failed}.";
        }
    }

    /// <summary>One error per file whose delete failed (CART0504); the others are deleted.</summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Failed.Select(f => CodedText.Problem(ProblemSeverity.Error, f.Path, Messages.Cleanup_Failed, f.Path, f.Message)).ToArray();
}
