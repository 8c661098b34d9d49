using Xunit;

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
    /// Asserts that <paramref name="rerunDeleted"/> holds, once each, every obsolete file the first
    /// run neither deleted nor had in flight, possibly interrupted ones, and no file it deleted.
    /// </summary>
    public static void AssertRerunDeletedTheRest(IEnumerable<string> obsolete, IEnumerable<string> deleted, IEnumerable<string> interrupted, IReadOnlyCollection<string> rerunDeleted)
    {
        var mayDelete = obsolete.Except(deleted, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var mustDelete = mayDelete.Except(interrupted, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var rerun = rerunDeleted.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(rerunDeleted.Count, rerun.Count);
        Assert.Subset(mayDelete, rerun);
        Assert.Superset(mustDelete, rerun);
    }
}
