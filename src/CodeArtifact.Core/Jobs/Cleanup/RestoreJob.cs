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
        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        var restored = new List<string>();
        var failed = new List<CleanupFailure>();

        foreach (var batch in paths.Chunk(options.BatchSize))
        {
            var items = batch.Select(p => RecycleBinItem.ForPath(repository, format, p)).ToArray();
            try
            {
                var answer = await _client.RestoreFromRecycleBinAsync(items, cancellationToken).ConfigureAwait(false);
                Attribute(batch, answer, restored, failed);
            }
            catch (CodeArtifactException ex) when (!ex.IsValidationError)
            {
                failed.AddRange(batch.Select(p => new CleanupFailure(p, ex.Message)));
            }

            Log(LogSeverity.Detail, $"Restore batch of {batch.Length}: {restored.Count} restored, {failed.Count} failed so far.");
        }

        if (failed.Count > 0)
        {
            Log(LogSeverity.Warning, $"{Quantity.Number(failed.Count)} of {Quantity.Of(paths.Count, "file")} were not restored to {repository}; the first: {failed[0].Path}: {failed[0].Message}", ErrorCodes.RestoreFailed);
        }

        return new RestoreResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            Restored = restored,
            Failed = failed,
        };
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
            failed.AddRange(named.Select(n => new CleanupFailure(n.Path, string.Join(" ", n.Messages))));
            restored.AddRange(batch.Except(named.Select(n => n.Path), StringComparer.Ordinal));
            return;
        }

        var all = messages.Length == 0 ? "no reason given" : string.Join(" ", messages);
        var why = answer.FailedNum >= batch.Length
            ? $"The service did not restore it: {all}"
            : $"The service reported {answer.FailedNum} of {batch.Length} items in this batch not restored without saying which: {all}";
        failed.AddRange(batch.Select(p => new CleanupFailure(p, why)));
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
