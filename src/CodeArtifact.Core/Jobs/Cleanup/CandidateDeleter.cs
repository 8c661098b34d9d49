using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Deletes the candidates of a real run, a bounded number at once. For each: read its file detail
/// (gone → already gone; changed → kept, <see cref="ChangeCheck"/>), then delete it. The answers
/// are read strictly: "not found" to a retried delete whose earlier attempt got no answer counts as
/// deleted by this run; "not found" to a first attempt is checked with another file detail (gone →
/// already gone; still there → failed, CART0511). A 401 or 403 stops the run at once: no further
/// delete is sent, deletes already on their way finish and are reported as they ended.
/// </summary>
internal sealed class CandidateDeleter(CodeArtifactClient client, CleanupSettings settings, DateTimeOffset now, Action<CodeArtifactLogEvent>? log)
{
    public async Task<DeletionOutcome> RunAsync(IReadOnlyList<CleanupCandidate> candidates, CancellationToken cancellationToken)
    {
        var outcome = new DeletionOutcome();
        var progress = new ProgressReporter(candidates.Count, "Processed", "files", log);
        using var slots = new SemaphoreSlim(settings.Concurrency);
        await Task.WhenAll(candidates.Select(c => ProcessAsync(c, outcome, slots, progress, cancellationToken))).ConfigureAwait(false);
        outcome.Cancelled = cancellationToken.IsCancellationRequested && (!outcome.Interrupted.IsEmpty || !outcome.NotAttempted.IsEmpty);
        return outcome;
    }

    private async Task ProcessAsync(CleanupCandidate candidate, DeletionOutcome outcome, SemaphoreSlim slots, ProgressReporter progress, CancellationToken cancellationToken)
    {
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            outcome.NotAttempted.Add(candidate.ToFile());
            return;
        }

        try
        {
            await CheckAndDeleteAsync(candidate, outcome, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
            progress.OneDone();
        }
    }

    private async Task CheckAndDeleteAsync(CleanupCandidate candidate, DeletionOutcome outcome, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || outcome.IsStopped)
        {
            outcome.NotAttempted.Add(candidate.ToFile());
            return;
        }

        RepositoryPaths.EnsureUnderRoot(settings.Root, candidate.Path);
        FileDetail detail;
        try
        {
            detail = await client.GetFileDetailAsync(settings.Repository, candidate.Path, settings.Format, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome.NotAttempted.Add(candidate.ToFile());
            return;
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
        {
            Gone(outcome, candidate, "its file detail, read just before the delete, answered 404");
            return;
        }
        catch (CodeArtifactException ex) when (JobTasks.IsAccessRefused(ex))
        {
            Stop(outcome, candidate, ex);
            return;
        }
        catch (CodeArtifactException ex)
        {
            outcome.Failed.Add(new CleanupFailure(candidate.Path, $"Its file detail could not be read just before the delete, so it was not deleted: {ex.Message}"));
            return;
        }

        var size = detail.Size ?? candidate.Size;
        if (size is { } known)
        {
            outcome.Sizes[candidate.Path] = known;
        }

        if (ChangeCheck.Find(candidate, detail, settings.Policy, now) is { } change)
        {
            outcome.SkippedAsChanged.Add(candidate.ToFile(size, change.Reason, change.Note));
            Log(LogSeverity.Detail, $"Kept {candidate.Path}: {change.Note}.");
            return;
        }

        if (cancellationToken.IsCancellationRequested || outcome.IsStopped)
        {
            outcome.NotAttempted.Add(candidate.ToFile(size));
            return;
        }

        await DeleteAsync(candidate, size, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(CleanupCandidate candidate, long? size, DeletionOutcome outcome, CancellationToken cancellationToken)
    {
        outcome.Sending();
        try
        {
            await client.DeleteFileAsync(settings.Repository, candidate.Path, cancellationToken).ConfigureAwait(false);
            Deleted(outcome, candidate, size, note: null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome.Interrupted.Add(candidate.ToFile(size));
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFoundAfterLostAnswer(ex))
        {
            Deleted(outcome, candidate, size, $"an earlier attempt of the delete got no answer, and the retry found the file gone: that attempt deleted it ({ex.Attempts} attempts)");
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
        {
            await ConfirmGoneAsync(candidate, size, ex, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (CodeArtifactException ex) when (JobTasks.IsAccessRefused(ex))
        {
            Stop(outcome, candidate, ex);
        }
        catch (CodeArtifactException ex)
        {
            outcome.Failed.Add(new CleanupFailure(candidate.Path, ex.Message));
        }
        catch (OperationCanceledException ex)
        {
            outcome.Failed.Add(new CleanupFailure(candidate.Path, $"The delete was cut off: {ex.Message}"));
        }
    }

    // A first attempt answered "not found": the file may be gone (someone else deleted it), or the
    // answer may be wrong (a path the service read another way). Only a file detail can say.
    private async Task ConfirmGoneAsync(CleanupCandidate candidate, long? size, CodeArtifactException answer, DeletionOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetFileDetailAsync(settings.Repository, candidate.Path, settings.Format, cancellationToken).ConfigureAwait(false);
            outcome.Failed.Add(new CleanupFailure(
                candidate.Path,
                $"The delete was answered \"not found\" at its first attempt, yet its file detail shows the file still there, so nothing was deleted. The answer: {answer.Message}",
                ErrorCodes.DeleteNotConfirmed));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome.Interrupted.Add(candidate.ToFile(size));
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
        {
            Gone(outcome, candidate, "its delete answered 404 at the first attempt, and its file detail confirms it is gone");
        }
        catch (CodeArtifactException ex)
        {
            outcome.Failed.Add(new CleanupFailure(
                candidate.Path,
                $"The delete was answered \"not found\" at its first attempt, and its file detail could not confirm that the file is gone ({ex.Message}). The answer: {answer.Message}",
                ErrorCodes.DeleteNotConfirmed));
        }
    }

    private void Deleted(DeletionOutcome outcome, CleanupCandidate candidate, long? size, string? note)
    {
        outcome.Deleted.Add(candidate.ToFile(size, note: note));
        Log(LogSeverity.Detail, note is null ? $"Deleted {candidate.Path}." : $"Deleted {candidate.Path} ({note}).");
    }

    private void Gone(DeletionOutcome outcome, CleanupCandidate candidate, string how)
    {
        outcome.AlreadyGone.Add(candidate.ToFile(note: how));
        Log(LogSeverity.Detail, $"{candidate.Path} was already gone: {how}.");
    }

    private void Stop(DeletionOutcome outcome, CleanupCandidate candidate, CodeArtifactException refusal)
    {
        outcome.Stop(new CleanupFailure(candidate.Path, refusal.Message, ErrorCodes.DeletionsStopped));
        Log(LogSeverity.Detail, $"{candidate.Path}: refused (HTTP {refusal.HttpStatus}); no further delete is sent.");
    }

    private void Log(LogSeverity severity, string message) => log?.Invoke(new CodeArtifactLogEvent(severity, message));
}
