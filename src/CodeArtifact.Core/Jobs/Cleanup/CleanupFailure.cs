namespace CodeArtifact.Core.Jobs;

/// <summary>A file that could not be deleted or restored, and why.</summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>.</param>
/// <param name="Message">What the service (or the check) said; never a secret.</param>
/// <param name="Code">
/// The <c>CART</c> code of the failure: <c>CART0504</c> (the delete failed), <c>CART0511</c> (the
/// service said "not found" but the file is still there), <c>CART0512</c> (refused with 401/403,
/// which stopped the run), <c>CART0505</c> (not restored).
/// </param>
public sealed record CleanupFailure(string Path, string Message, string Code = ErrorCodes.DeletionsFailed);
