using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Jobs;

/// <summary>The outcome of <see cref="RestoreJob"/>.</summary>
public sealed class RestoreResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "restore";

    /// <summary>The inputs (they hold no secret).</summary>
    public required RestoreOptions Options { get; init; }

    /// <summary>Paths restored from the recycle bin.</summary>
    public required IReadOnlyList<string> Restored { get; init; }

    /// <summary>Paths not restored, with the service's messages.</summary>
    public required IReadOnlyList<CleanupFailure> Failed { get; init; }

    /// <inheritdoc />
    public override string Summary =>
        $"Restore to {Options.Repository}: {Quantity.Number(Restored.Count)} of {Quantity.Of(Restored.Count + Failed.Count, "file")} restored{(Failed.Count == 0 ? string.Empty : $", {Quantity.Number(Failed.Count)} failed")}.";

    /// <summary>One error per file not restored (CART0505).</summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Failed.Select(f => CodedText.Problem(ProblemSeverity.Error, f.Path, Messages.Restore_Failed, f.Path, f.Message)).ToArray();
}
