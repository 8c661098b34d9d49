namespace CodeArtifact.Core.Jobs;

/// <summary>A file a real run is about to delete, with what it expects to find.</summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>.</param>
/// <param name="Listed">Its modified time as the listing (or the plan) gave it.</param>
/// <param name="Size">Its size when already known (from the plan or an earlier detail read).</param>
/// <param name="Planned">Its plan entry, when a plan is applied: then digest and time must match.</param>
internal sealed record CleanupCandidate(string Path, DateTimeOffset? Listed, long? Size, CleanupPlanEntry? Planned = null)
{
    public CleanupFile ToFile(long? size = null, string? reason = null, string? note = null) => new(Path, Listed, size ?? Size, reason, note);
}
