using System.Collections.Concurrent;

namespace CodeArtifact.Core.Jobs;

/// <summary>Where each candidate of a real run ended, filled in by many deletes at once.</summary>
internal sealed class DeletionOutcome
{
    private int _deletesSent;
    private volatile bool _stopped;

    public ConcurrentBag<CleanupFile> Deleted { get; } = [];

    public ConcurrentBag<CleanupFile> AlreadyGone { get; } = [];

    public ConcurrentBag<CleanupFile> SkippedAsChanged { get; } = [];

    public ConcurrentBag<CleanupFailure> Failed { get; } = [];

    public ConcurrentBag<CleanupFile> Interrupted { get; } = [];

    public ConcurrentBag<CleanupFile> NotAttempted { get; } = [];

    /// <summary>Sizes read from the file details, by path.</summary>
    public ConcurrentDictionary<string, long> Sizes { get; } = new(StringComparer.Ordinal);

    /// <summary>The first 401/403; once set, no further delete is sent.</summary>
    public CleanupFailure? StoppedBy { get; private set; }

    public bool IsStopped => _stopped;

    /// <summary>How many DELETE requests were sent (0 means nothing was changed).</summary>
    public int DeletesSent => Volatile.Read(ref _deletesSent);

    public bool Cancelled { get; set; }

    public void Sending() => Interlocked.Increment(ref _deletesSent);

    public void Stop(CleanupFailure failure)
    {
        lock (Failed)
        {
            StoppedBy ??= failure;
            _stopped = true;
        }

        Failed.Add(failure);
    }
}
