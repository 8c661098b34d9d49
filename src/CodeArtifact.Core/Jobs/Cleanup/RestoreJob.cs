using System.Globalization;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Brings files back from the recycle bin (<c>BatchRestoreRepo</c>), such as those a
/// <see cref="CleanupJob"/> report lists as deleted.
/// </summary>
/// <remarks>
/// Paths go in batches of <see cref="RestoreOptions.BatchSize"/>, each item
/// <c>{id: repository, format, uri: "&lt;repository&gt;/&lt;path&gt;", status: "active"}</c>. When
/// the service reports <c>failedNum &gt; 0</c> without saying which items failed, a message that
/// names an item's path pins the failure on that item; otherwise every item of the batch is
/// reported failed with the messages, since the restore of none of them is certain. A batch
/// the service refuses outright is reported failed and the other batches still go.
/// <para>
/// An item reported not restored is checked with a file detail: a file in place counts as
/// restored. That is how a retried batch whose first answer was lost (the service restored the
/// items, the retry found them no longer in the recycle bin) still reports them restored. A
/// cancelled restore keeps the list of what it restored (see <see cref="RestoreResult"/>).
/// </para>
/// </remarks>
public sealed class RestoreJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<RestoreResult> RunAsync(RestoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var repository = Argument.RepositoryId(options.Repository, nameof(RestoreOptions.Repository));
        var format = options.Format is null
            ? RepositoryPaths.FormatFromRepositoryId(repository)
            : Argument.OneOf(options.Format, nameof(RestoreOptions.Format), KnownValues.RecycleBinFormats);
        if (options.BatchSize is < 1 or > 1000)
        {
            throw Argument.Invalid(nameof(RestoreOptions.BatchSize), options.BatchSize.ToString(CultureInfo.InvariantCulture), "BatchSize is 1 to 1000 items per request");
        }

        var paths = ValidatePaths(options.Paths);
        var detailFormat = KnownValues.FileFormats.Contains(format, StringComparer.Ordinal) ? format : "generic";
        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        var restored = new List<string>();
        var failed = new List<CleanupFailure>();
        var interrupted = new List<string>();
        var notAttempted = new List<string>();
        var sent = 0;

        foreach (var batch in paths.Chunk(options.BatchSize))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                notAttempted.AddRange(batch);
                continue;
            }

            var items = batch.Select(p => RecycleBinItem.ForPath(repository, format, p)).ToArray();
            var batchFailed = new List<CleanupFailure>();
            try
            {
                sent++;
                var answer = await _client.RestoreFromRecycleBinAsync(items, cancellationToken).ConfigureAwait(false);
                Attribute(batch, answer, restored, batchFailed);
                await ConfirmAsync(repository, detailFormat, batchFailed, restored, failed, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                interrupted.AddRange(batch.Where(p => !restored.Contains(p, StringComparer.Ordinal)));
            }
            catch (CodeArtifactException ex) when (!ex.IsValidationError)
            {
                batchFailed = batch.Select(p => new CleanupFailure(p, ex.Message, ErrorCodes.RestoreFailed)).ToList();
                await ConfirmAsync(repository, detailFormat, batchFailed, restored, failed, cancellationToken).ConfigureAwait(false);
            }

            Log(LogSeverity.Detail, $"Restore batch of {batch.Length}: {restored.Count} restored, {failed.Count} failed so far.");
        }

        var cancelled = cancellationToken.IsCancellationRequested && (interrupted.Count > 0 || notAttempted.Count > 0);
        if (cancelled && sent == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var result = new RestoreResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            Restored = InOrder(paths, restored),
            Failed = failed.OrderBy(f => paths.IndexOf(f.Path)).ToArray(),
            Interrupted = interrupted,
            NotAttempted = notAttempted,
            Cancelled = cancelled,
        };
        return result;
    }

    // The service's "not restored" is checked against the repository: a file in place is restored.
    // A check that cannot be made (cancellation, an error) leaves the item failed, as the service said.
    private async Task ConfirmAsync(string repository, string format, List<CleanupFailure> reported, List<string> restored, List<CleanupFailure> failed, CancellationToken cancellationToken)
    {
        foreach (var failure in reported)
        {
            try
            {
                await _client.GetFileDetailAsync(repository, failure.Path, format, cancellationToken).ConfigureAwait(false);
                restored.Add(failure.Path);
                Log(LogSeverity.Detail, $"{failure.Path} is in place although the service reported it not restored (an earlier attempt whose answer was lost restored it): counted as restored.");
            }
            catch (Exception ex) when (ex is CodeArtifactException or OperationCanceledException)
            {
                failed.Add(failure);
            }
        }
    }

    private static string[] InOrder(List<string> paths, List<string> subset)
    {
        var set = subset.ToHashSet(StringComparer.Ordinal);
        return paths.Where(set.Contains).ToArray();
    }

    private static void Attribute(string[] batch, TrashcanResult answer, List<string> restored, List<CleanupFailure> failed)
    {
        if (answer.FailedNum <= 0)
        {
            restored.AddRange(batch);
            return;
        }

        var messages = answer.FailedMessages.Where(m => !string.IsNullOrWhiteSpace(m)).ToArray();
        var named = batch
            .Select(path => (Path: path, Messages: messages.Where(m => Names(m, path)).ToArray()))
            .Where(p => p.Messages.Length > 0)
            .ToArray();
        if (named.Length == answer.FailedNum)
        {
            failed.AddRange(named.Select(n => new CleanupFailure(n.Path, string.Join(" ", n.Messages), ErrorCodes.RestoreFailed)));
            restored.AddRange(batch.Except(named.Select(n => n.Path), StringComparer.Ordinal));
            return;
        }

        var all = messages.Length == 0 ? "no reason given" : string.Join(" ", messages);
        var why = answer.FailedNum >= batch.Length
            ? $"The service did not restore it: {all}"
            : $"The service reported {answer.FailedNum} of {batch.Length} items in this batch not restored without saying which: {all}";
        failed.AddRange(batch.Select(p => new CleanupFailure(p, why, ErrorCodes.RestoreFailed)));
    }

    // A message names an item when it holds the item's path (with or without the leading '/'),
    // bounded so that "/a/b.zip" is not found inside "/a/b.zip.sha256".
    private static bool Names(string message, string path)
    {
        var bare = path.TrimStart('/');
        var at = message.IndexOf(bare, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + bare.Length;
            if (end == message.Length || !IsPathCharacter(message[end]))
            {
                return true;
            }

            at = message.IndexOf(bare, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsPathCharacter(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '/';

    private static List<string> ValidatePaths(IReadOnlyList<string>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            throw CodeArtifactException.Missing(nameof(RestoreOptions.Paths), "Paths is required: give the repository paths to restore, such as /app/1.0/app.zip (a cleanup report lists them).");
        }

        var distinct = new List<string>(paths.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            var path = Argument.RepositoryPath(paths[i], $"{nameof(RestoreOptions.Paths)}[{i}]");
            if (path.Trim('/').Length == 0)
            {
                throw Argument.Invalid($"{nameof(RestoreOptions.Paths)}[{i}]", paths[i], "name a file or folder inside the repository, not the repository itself");
            }

            if (seen.Add(path))
            {
                distinct.Add(path);
            }
        }

        return distinct;
    }

    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));
}
