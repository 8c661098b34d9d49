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
    /// True when the service said the thing asked for does not exist: HTTP 404 from the service,
    /// and nothing else. Not the gateway's APIGW.0101 (the API itself was not found), and not a 200
    /// or 400 answer whose message happens to say "not exist": a path-format error worded that way
    /// would otherwise make every delete look done.
    /// </summary>
    public static bool IsNotFound(CodeArtifactException exception) =>
        exception.HttpStatus == 404
        && exception.ServiceErrorCode?.StartsWith("APIGW", StringComparison.OrdinalIgnoreCase) != true;

    /// <summary>
    /// True when a "not found" answered a retried request whose earlier attempt got no answer: that
    /// attempt most likely did the work (deleted the file), and only its answer was lost.
    /// </summary>
    public static bool IsNotFoundAfterLostAnswer(CodeArtifactException exception) =>
        IsNotFound(exception) && exception.UnansweredAttempts > 0;

    /// <summary>True for 401 and 403: the credentials or their rights are refused, so more requests would be refused too.</summary>
    public static bool IsAccessRefused(CodeArtifactException exception) =>
        exception.HttpStatus is 401 or 403
        || exception.Code is ErrorCodes.AuthenticationFailed or ErrorCodes.PermissionDenied
        || exception.ServiceErrorCode == "CR.4102";
}
