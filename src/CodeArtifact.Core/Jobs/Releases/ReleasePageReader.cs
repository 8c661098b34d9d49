using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Jobs;

/// <summary>What paging brought back.</summary>
/// <param name="Records">Distinct (version, path) records, in the order first seen.</param>
/// <param name="TotalRecords">The <c>total_records</c> the first page gave.</param>
/// <param name="Pages">Pages requested.</param>
/// <param name="CeilingReached">True when the last page was still full at <see cref="ReleaseVersionsJob.MaxPages"/>.</param>
internal sealed record ReleaseRecords(IReadOnlyList<ReleaseFile> Records, int TotalRecords, int Pages, bool CeilingReached);

/// <summary>
/// Reads every page of one release file search. <c>total_records</c> is a hint, never a limit:
/// the documents cap it at 1–1,000 and a server may leave it 0, so a full page is always
/// followed by the next, until a page is short or empty, brings nothing new, or
/// <see cref="ReleaseVersionsJob.MaxPages"/> pages have been read.
/// </summary>
/// <remarks>
/// <c>offset</c> counts records (0, 100, 200 …) with pages of 100, or of what the first page held
/// when the service caps pages lower (a short first page with a higher total). The pages the
/// total announces, plus the one just past it when the total ends on a page boundary, are asked
/// for at once, in waves of the client's MaxConcurrency, so 1,000 records take two round trips;
/// pages beyond what the total announced are walked one at a time. Records are de-duplicated by
/// (version, path), so a server that reads <c>offset</c> another way cannot cause an endless loop
/// or duplicates.
/// </remarks>
internal sealed class ReleasePageReader(CodeArtifactClient client, Action<LogSeverity, string> log)
{
    private readonly HashSet<(string Version, string Path)> _seen = [];
    private readonly List<ReleaseFile> _records = [];

    public async Task<ReleaseRecords> ReadAsync(string? projectId, string fileName, CancellationToken cancellationToken)
    {
        var first = await FetchAsync(projectId, fileName, 0, cancellationToken).ConfigureAwait(false);
        Add(first);
        var total = first.TotalRecords;
        var pages = 1;

        // A service that caps pages below the limit asked for gives a short first page with a higher total: step by what it gives.
        var stride = total > first.Data.Count && first.Data.Count is > 0 and < ReleaseVersionsJob.PageSize ? first.Data.Count : ReleaseVersionsJob.PageSize;
        var lastOffset = 0;
        var lastFull = first.Data.Count >= stride;
        var ended = !lastFull;

        // The pages the total announces, at once; and the next one when the total ends on a page boundary.
        var announcedEnd = Math.Min(total % stride == 0 ? (long)total + 1 : total, (long)ReleaseVersionsJob.MaxPages * stride);
        var wave = Math.Max(1, client.Options.MaxConcurrency);
        for (long offset = stride; !ended && offset < announcedEnd;)
        {
            var offsets = new List<int>();
            for (; offset < announcedEnd && offsets.Count < wave; offset += stride)
            {
                offsets.Add((int)offset);
            }

            var answers = await Task.WhenAll(offsets.Select(o => FetchAsync(projectId, fileName, o, cancellationToken))).ConfigureAwait(false);
            pages += answers.Length;
            var added = answers.Sum(Add);
            lastOffset = offsets[^1];
            lastFull = answers[^1].Data.Count >= stride;
            if (added == 0)
            {
                log(LogSeverity.Detail, $"Pages at offsets {Quantity.Number(offsets[0])}…{Quantity.Number(lastOffset)} brought no new record; stopping.");
                ended = true;
            }
            else if (answers.Any(a => a.Data.Count < stride))
            {
                ended = true;
            }
        }

        // Beyond what the total announced: on, one page at a time, while pages come back full.
        while (!ended && lastFull && pages < ReleaseVersionsJob.MaxPages)
        {
            lastOffset += stride;
            var page = await FetchAsync(projectId, fileName, lastOffset, cancellationToken).ConfigureAwait(false);
            pages++;
            lastFull = page.Data.Count >= stride;
            if (Add(page) == 0)
            {
                ended = true;
            }
        }

        var ceilingReached = !ended && lastFull && pages >= ReleaseVersionsJob.MaxPages;
        return new ReleaseRecords(_records, total, pages, ceilingReached);
    }

    private async Task<ReleaseFilePage> FetchAsync(string? projectId, string fileName, int offset, CancellationToken cancellationToken)
    {
        var page = await client.GetReleaseFilesAsync(projectId, fileName, ReleaseVersionsJob.PageSize, offset, cancellationToken).ConfigureAwait(false);
        log(LogSeverity.Detail, $"Release files \"{fileName}\" offset {Quantity.Number(offset)}: {Quantity.Number(page.Data.Count)} records (total {Quantity.Number(page.TotalRecords)}).");
        return page;
    }

    /// <summary>Adds a page's new records; returns how many were new.</summary>
    private int Add(ReleaseFilePage page)
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
