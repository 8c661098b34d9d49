namespace CodeArtifact.Core.Jobs;

/// <summary>A file the cleanup looked at.</summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>: what <see cref="RestoreJob"/> takes.</param>
/// <param name="Modified">When it was last modified, as the listing (or the plan) said.</param>
/// <param name="Size">Its size in bytes (from file detail, for candidates), when known.</param>
/// <param name="Reason">
/// For a kept file, why it is kept (<see cref="RetentionReasons"/>); for a file skipped as
/// changed, <c>changed-since-plan</c>, <c>changed-since-listing</c> or <c>downloaded-since-listing</c>;
/// null otherwise.
/// </param>
/// <param name="Note">What the run saw, in words: for a skipped file what changed, for an already-gone or deleted file how it knows.</param>
public sealed record CleanupFile(string Path, DateTimeOffset? Modified, long? Size, string? Reason = null, string? Note = null);
