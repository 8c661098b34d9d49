namespace CodeArtifact.Core.Jobs;

/// <summary>
/// One file of a <see cref="CleanupPlan"/>, as its file detail described it when the plan was made.
/// A run applying the plan deletes it only when its detail still shows the same
/// <see cref="Sha256"/> and <see cref="LastModified"/> (each compared when the plan has it; a file
/// for which the plan has neither cannot be confirmed, and is kept).
/// </summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>, inside the plan's root.</param>
/// <param name="Size">Its size in bytes, when known.</param>
/// <param name="LastModified">Its <c>lastModified</c> from the file detail, when known.</param>
/// <param name="Sha256">Its SHA-256 from the file detail (lower-case hex), when the repository reported one.</param>
public sealed record CleanupPlanEntry(string Path, long? Size, DateTimeOffset? LastModified, string? Sha256);
