using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Every version of one release file, over all pages, ordered by <see cref="VersionComparer"/>,
/// and the latest one.
/// </summary>
/// <remarks>
/// The service matches <c>file_name</c> fuzzily (<c>app</c> also finds <c>app-tools</c>,
/// <c>my-app</c> and <c>app-1.0.zip.sha256</c>), so the records are read in full
/// (<see cref="ReleasePageReader"/>) and then narrowed to the one file asked for
/// (<see cref="ReleaseFileSelection"/>): sidecars out, PathFilter applied, records grouped into
/// files by their path without the version, the file named as asked kept. A search that leaves
/// several files and names none of them exactly fails with CART0403, which lists them.
/// </remarks>
public sealed class ReleaseVersionsJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    /// <summary>Records per page: the API's maximum.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// The most pages one run reads (100,000 records): a server that keeps answering full pages
    /// is cut off there, with warning CART0402. The documents cap <c>total_records</c> at 1,000.
    /// </summary>
    public const int MaxPages = 1_000;

    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<ReleaseVersionsResult> RunAsync(ReleaseVersionsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fileName = Argument.FileName(options.FileName, nameof(ReleaseVersionsOptions.FileName));
        var projectId = Argument.OptionalProjectId(options.ProjectId, nameof(ReleaseVersionsOptions.ProjectId));
        if (options.MaxResults is < 1)
        {
            throw Argument.Invalid(nameof(ReleaseVersionsOptions.MaxResults), Quantity.Number(options.MaxResults.Value), "MaxResults is 1 or more, or unset for every version");
        }

        var pathFilter = PathGlob.Optional(options.PathFilter, nameof(ReleaseVersionsOptions.PathFilter));
        var startedAt = _client.Options.TimeProvider.GetUtcNow();

        var read = await new ReleasePageReader(_client, (severity, message) => Log(severity, message))
            .ReadAsync(projectId, fileName, cancellationToken).ConfigureAwait(false);
        var complete = !read.CeilingReached && read.Records.Count >= read.TotalRecords;
        if (read.CeilingReached)
        {
            Log(LogSeverity.Warning, $"Stopped reading the release files of \"{fileName}\" after {Quantity.Of(read.Pages, "page")} ({Quantity.Of(read.Records.Count, "record")}), the most one run reads; the service still had more, so the list may be incomplete. Narrow FileName or PathFilter.", ErrorCodes.IncompletePaging);
        }
        else if (!complete)
        {
            Log(LogSeverity.Warning, $"The service said {Quantity.Number(read.TotalRecords)} records match \"{fileName}\" but {Quantity.Number(read.Records.Count)} distinct ones came back over {Quantity.Of(read.Pages, "page")}; the list may be incomplete.", ErrorCodes.IncompletePaging);
        }

        var selection = ReleaseFileSelection.Select(read.Records, fileName, pathFilter);
        if (selection.OtherFiles.Count > 0 || selection.Sidecars > 0 || selection.FilteredOut > 0)
        {
            Log(LogSeverity.Detail, $"Left out of \"{fileName}\": {Quantity.Of(selection.Sidecars, "checksum or signature file")}, {Quantity.Of(selection.FilteredOut, "record")} PathFilter does not match, and other files: {(selection.OtherFiles.Count == 0 ? "none" : string.Join(", ", selection.OtherFiles))}.");
        }

        var sorted = selection.Records
            .Select(r => (Key: VersionKey.Parse(r.Version), Record: r))
            .OrderBy(r => r.Key, VersionComparer.Instance)
            .ThenBy(r => r.Record.Path, StringComparer.Ordinal)
            .ToList();
        var latestIndex = sorted.FindLastIndex(r => options.IncludePrerelease || !r.Key.IsPrerelease);
        var latest = latestIndex < 0 ? null : sorted[latestIndex].Record;
        var kept = options.MaxResults is { } max && sorted.Count > max ? sorted.Skip(sorted.Count - max) : sorted;
        if (selection.Pattern is not null)
        {
            Log(LogSeverity.Detail, $"The versions are those of {selection.Pattern}.");
        }

        return new ReleaseVersionsResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            File = selection.Pattern,
            Versions = kept.Select(r => ToVersion(r.Record)).ToArray(),
            Latest = latest is null ? null : ToVersion(latest),
            OtherFiles = selection.OtherFiles,
            SidecarsLeftOut = selection.Sidecars,
            FilteredOut = selection.FilteredOut,
            TotalRecords = read.TotalRecords,
            RecordsReceived = read.Records.Count,
            PagesFetched = read.Pages,
            Complete = complete,
        };
    }

    private static ReleaseVersion ToVersion(ReleaseFile file) => new(file.Version, file.Path, file.DownloadUrl);

    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));
}
