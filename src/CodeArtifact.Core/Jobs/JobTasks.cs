using System.Runtime.ExceptionServices;

namespace CodeArtifact.Core.Jobs;

/// <summary>Fan-out helpers shared by the jobs.</summary>
internal static class JobTasks
{
    /// <summary>
    /// Runs <paramref name="body"/> for every item at once (the body bounds itself, with a
    /// semaphore or the client's concurrency limit) and returns the results in item order. The
    /// first failure cancels the others and is the one rethrown, not a cancellation it caused.
    /// </summary>
    public static async Task<TResult[]> RunAllAsync<T, TResult>(
        IReadOnlyList<T> items,
        Func<T, int, CancellationToken, Task<TResult>> body,
        CancellationToken cancellationToken)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? firstFailure = null;

        async Task<TResult> RunOne(int index)
        {
            try
            {
                return await body(items[index], index, failFast.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !failFast.IsCancellationRequested)
            {
                if (Interlocked.CompareExchange(ref firstFailure, ex, null) is null)
                {
                    failFast.Cancel();
                }

                throw;
            }
        }

        var tasks = new Task<TResult>[items.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = RunOne(i);
        }

        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (firstFailure is not null)
        {
            ExceptionDispatchInfo.Throw(firstFailure);
            throw;
        }
    }

    /// <summary>
    /// True when the service said the thing asked for does not exist: HTTP 404 from the service
    /// (not the gateway's APIGW.0101, which means the API itself was not found), or an answer whose
    /// message says so.
    /// </summary>
    public static bool IsNotFound(CodeArtifactException exception)
    {
        if (exception.ServiceErrorCode?.StartsWith("APIGW", StringComparison.OrdinalIgnoreCase) == true)
        {
            return false;
        }

        if (exception.HttpStatus == 404)
        {
            return true;
        }

        var message = exception.ServiceMessage;
        return exception.HttpStatus is 200 or 400 && message is not null
            && (message.Contains("not found", StringComparison.OrdinalIgnoreCase)
                || message.Contains("not exist", StringComparison.OrdinalIgnoreCase)
                || message.Contains("no such", StringComparison.OrdinalIgnoreCase));
    }
}
