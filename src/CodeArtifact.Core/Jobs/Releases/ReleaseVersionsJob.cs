using System.Globalization;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Every version of a release file, over all pages, ordered by <see cref="VersionComparer"/>, and
/// the latest one.
/// </summary>
/// <remarks>
/// Paging: <c>offset</c> counts records (0, 100, 200 …) with pages of 100 (or of what the first
/// page held, should the service cap pages lower). The first page says how many records match;
/// the pages still needed are then asked for at once (in waves of the client's MaxConcurrency),
/// so 1,000 records take two sequential round trips. Records are
/// de-duplicated by (version, path), and paging stops on an empty page, when the total is
/// reached, or when a round brings nothing new, so a server that reads <c>offset</c> another way
/// cannot cause an endless loop or duplicates. Fewer records than the total gives warning CART0402.
/// </remarks>
public sealed class ReleaseVersionsJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    /// <summary>Records per page: the API's maximum.</summary>
    public const int PageSize = 100;

    // The docs give total_pages at most 10,000: a server that never stops is cut off there.
    private const int MaxPages = 10_000;

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

        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        var collector = new PageCollector();

        var first = await FetchAsync(projectId, fileName, 0, cancellationToken).ConfigureAwait(false);
        collector.Add(first);
        var total = first.TotalRecords;
        var pages = 1;

        if (first.Data.Count > 0 && total > collector.Count)
        {
            // A service that caps pages below the limit asked for gives short pages: step by what it gives.
            var stride = Math.Min(first.Data.Count, PageSize);
            pages += await FetchKnownTotalAsync(projectId, fileName, total, stride, collector, cancellationToken).ConfigureAwait(false);
        }
        else if (total <= 0 && first.Data.Count >= PageSize)
        {
            // No total to go by: walk on one page at a time until a page is short, empty or old.
            pages += await FetchUnknownTotalAsync(projectId, fileName, collector, cancellationToken).ConfigureAwait(false);
        }

        var complete = collector.Count >= total;
        if (!complete)
        {
            Log(LogSeverity.Warning, $"The service said {Quantity.Number(total)} records match \"{fileName}\" but {Quantity.Number(collector.Count)} distinct ones came back over {Quantity.Number(pages)} pages; the list may be incomplete.", ErrorCodes.IncompletePaging);
        }

        var sorted = collector.Records
            .Select(r => (Key: VersionKey.Parse(r.Version), Record: r))
            .OrderBy(r => r.Key, VersionComparer.Instance)
            .ThenBy(r => r.Record.Path, StringComparer.Ordinal)
            .ToList();
        var latestIndex = sorted.FindLastIndex(r => options.IncludePrerelease || !r.Key.IsPrerelease);
        var latest = latestIndex < 0 ? null : sorted[latestIndex].Record;
        var kept = options.MaxResults is { } max && sorted.Count > max ? sorted.Skip(sorted.Count - max) : sorted;

        Log(LogSeverity.Info, sorted.Count == 0 ? $"No version of \"{fileName}\" was found."
            : latest is null ? $"Found {Quantity.Of(sorted.Count, "version")} of \"{fileName}\"; none is a release{(options.IncludePrerelease ? string.Empty : " (pre-releases are not counted as latest)")}."
            : $"Found {Quantity.Of(sorted.Count, "version")} of \"{fileName}\"; the latest is {latest.Version}.");

        return new ReleaseVersionsResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            Versions = kept.Select(r => ToVersion(r.Record)).ToArray(),
            Latest = latest is null ? null : ToVersion(latest),
            TotalRecords = total,
            RecordsReceived = collector.Count,
            PagesFetched = pages,
            Complete = complete,
        };
    }

    private async Task<int> FetchKnownTotalAsync(string? projectId, string fileName, int total, int stride, PageCollector collector, CancellationToken cancellationToken)
    {
        var wave = Math.Max(1, _client.Options.MaxConcurrency);
        var lastOffset = Math.Min(total, (long)MaxPages * stride);
        var pages = 0;
        for (long offset = stride; offset < lastOffset;)
        {
            var offsets = new List<int>();
            for (; offset < lastOffset && offsets.Count < wave; offset += stride)
            {
                offsets.Add((int)offset);
            }

            var answers = await Task.WhenAll(offsets.Select(o => FetchAsync(projectId, fileName, o, cancellationToken))).ConfigureAwait(false);
            pages += answers.Length;
            var added = answers.Sum(collector.Add);
            if (answers.Any(a => a.Data.Count == 0) || added == 0 || collector.Count >= total)
            {
                if (added == 0 && collector.Count < total)
                {
                    Log(LogSeverity.Detail, $"Pages at offsets {offsets[0]}…{offsets[^1]} brought no new record; stopping.");
                }

                break;
            }
        }

        return pages;
    }

    private async Task<int> FetchUnknownTotalAsync(string? projectId, string fileName, PageCollector collector, CancellationToken cancellationToken)
    {
        var pages = 0;
        for (var offset = PageSize; pages < MaxPages; offset += PageSize)
        {
            var page = await FetchAsync(projectId, fileName, offset, cancellationToken).ConfigureAwait(false);
            pages++;
            if (collector.Add(page) == 0 || page.Data.Count < PageSize)
            {
                break;
            }
        }

        return pages;
    }

    private async Task<ReleaseFilePage> FetchAsync(string? projectId, string fileName, int offset, CancellationToken cancellationToken)
    {
        var page = await _client.GetReleaseFilesAsync(projectId, fileName, PageSize, offset, cancellationToken).ConfigureAwait(false);
        Log(LogSeverity.Detail, $"Release files \"{fileName}\" offset {Quantity.Number(offset)}: {Quantity.Number(page.Data.Count)} records (total {Quantity.Number(page.TotalRecords)}).");
        return page;
    }

    private static ReleaseVersion ToVersion(ReleaseFile file) => new(file.Version, file.Path, file.DownloadUrl);


    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));

    /// <summary>Distinct records by (version, path), in the order first seen.</summary>
    private sealed class PageCollector
    {
        private readonly HashSet<(string Version, string Path)> _seen = [];
        private readonly List<ReleaseFile> _records = [];

        public int Count => _records.Count;

        public IReadOnlyList<ReleaseFile> Records => _records;

        /// <summary>Adds a page's new records; returns how many were new.</summary>
        public int Add(ReleaseFilePage page)
        {
            var added = 0;
            foreach (var record in page.Data)
            {
                if (record is not null && _seen.Add((record.Version ?? string.Empty, record.Path ?? string.Empty)))
                {
                    _records.Add(record);
                    added++;
                }
            }

            return added;
        }
    }
}
