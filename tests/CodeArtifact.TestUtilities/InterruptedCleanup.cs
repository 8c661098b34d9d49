namespace CodeArtifact.TestUtilities;

/// <summary>What a cleanup run after an interrupted one has to delete, and what it may delete.</summary>
/// <remarks>
/// The first run's report is exact about what it deleted. A delete it reports interrupted was in
/// flight when it stopped: the service may apply it even after the run has returned (it finishes a
/// request the client abandoned), so the second run may or may not find that file.
/// </remarks>
public static class InterruptedCleanup
{
    /// <summary>
    /// <c>MustDelete</c>: every obsolete file the first run neither deleted nor had in flight;
    /// <c>MayDelete</c>: those and the interrupted ones, never a file the first run deleted.
    /// </summary>
    public static (HashSet<string> MustDelete, HashSet<string> MayDelete) Rest(IEnumerable<string> obsolete, IEnumerable<string> deleted, IEnumerable<string> interrupted)
    {
        var mayDelete = obsolete.Except(deleted, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var mustDelete = mayDelete.Except(interrupted, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return (mustDelete, mayDelete);
    }
}
