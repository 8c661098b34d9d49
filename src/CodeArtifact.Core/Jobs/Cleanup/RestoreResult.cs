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
}
