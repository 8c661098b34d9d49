using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Jobs;

/// <summary>The outcome of <see cref="RestoreJob"/>. Every asked path ends in exactly one list.</summary>
/// <remarks>
/// Cancellation: once the first batch was sent, a cancelled restore returns (it does not throw)
/// with <see cref="JobResult.Cancelled"/> set: <see cref="Restored"/> keeps what it restored,
/// <see cref="Interrupted"/> the batch on its way (restored or not: run the restore again, it is
/// harmless for files in place), and <see cref="NotAttempted"/> the batches never sent.
/// </remarks>
public sealed class RestoreResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "restore";

    /// <summary>The inputs (they hold no secret).</summary>
    public required RestoreOptions Options { get; init; }

    /// <summary>
    /// Paths in place after the run: restored from the recycle bin by it, including those the
    /// service reported not restored but whose file detail shows them in place (a retried batch
    /// whose first answer was lost had restored them).
    /// </summary>
    public required IReadOnlyList<string> Restored { get; init; }

    /// <summary>Paths not restored, with the service's messages.</summary>
    public required IReadOnlyList<CleanupFailure> Failed { get; init; }

    /// <summary>Paths of the batch on its way when the run was cancelled: restored or not.</summary>
    public IReadOnlyList<string> Interrupted { get; init; } = [];

    /// <summary>Paths never sent because the run was cancelled first.</summary>
    public IReadOnlyList<string> NotAttempted { get; init; } = [];

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            var total = Restored.Count + Failed.Count + Interrupted.Count + NotAttempted.Count;
            var text = $"{Quantity.Number(Restored.Count)} of {Quantity.Of(total, "file")} restored";
            if (Failed.Count > 0)
            {
                text += $", {Quantity.Number(Failed.Count)} failed";
            }

            return Cancelled
                ? $"Restore to {Options.Repository} cancelled: {text}, {Quantity.Number(Interrupted.Count)} interrupted, {Quantity.Number(NotAttempted.Count)} not attempted."
                : $"Restore to {Options.Repository}: {text}.";
        }
    }

    /// <summary>Each path not restored is an error (CART0505); cancellation is the runner's (CART0506).</summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Failed.Select(f => CodedText.Problem(ProblemSeverity.Error, f.Path, Messages.Restore_Failed, f.Path, f.Message)).ToArray();
}
