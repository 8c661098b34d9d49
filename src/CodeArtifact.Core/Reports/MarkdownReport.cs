using System.Globalization;
using System.Text;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// The Markdown summary: a heading, one summary table per job, then a table of files (at most
/// <see cref="MaxRows"/> rows; the JSON report has them all). Cells are escaped for GitHub tables.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>Rows per file table: a step summary is limited to 1 MiB.</summary>
    public const int MaxRows = 500;

    public static string Render(JobResult result)
    {
        var md = new StringBuilder();
        switch (result)
        {
            case MavenCredentialsResult r:
                Heading(md, "Maven credentials", r);
                Table(md, ["Repositories", "Settings file"], [[Count(r.Repositories.Count), r.Settings is { } s ? $"{Code(s.Path)} ({(s.Changed ? "written" : "up to date")})" : "—"]]);
                Table(md, ["Id", "Name", "URL", "Policy", "User"], r.Repositories.Select(x => new[] { Code(x.Id), Cell(x.Name), Cell(x.Url), Cell(x.Policy ?? "any"), Code(x.UserName) }));
                break;
            case ChecksumVerificationResult r:
                Heading(md, "checksum verification", r);
                Table(md, ["Files", "Verified", "Mismatched", "Missing remotely", "Unreadable locally"], [[Count(r.Files.Count), Count(r.Verified), Count(r.Mismatched), Count(r.Missing), Count(r.Failed)]]);
                Table(md, ["Status", "Local file", "Repository path", "Algorithm", "Local", "Remote"], r.Files
                    .OrderBy(f => f.Status == VerificationStatus.Verified)
                    .Select(f => new[] { ReportMapper.StatusName(f.Status), Code(f.LocalPath), Code(f.Repository + f.RemotePath), Cell(f.Algorithm ?? "—"), Code(f.LocalHash), Code(f.RemoteHash ?? f.Error) }));
                break;
            case ReleaseVersionsResult r:
                Heading(md, "release versions", r);
                Table(md, ["File name", "Versions", "Latest", "Download"], [[Code(r.Options.FileName), Count(r.Versions.Count), r.Latest is { } l ? Code(l.Version) : "—", r.Latest is { } d ? Cell(d.DownloadUrl) : "—"]]);
                Table(md, ["Version", "Path", "Download"], r.Versions.Reverse().Select(v => new[] { Code(v.Version), Code(v.Path), Cell(v.DownloadUrl) }));
                break;
            case CleanupResult r:
                Heading(md, r.DryRun ? "cleanup (dry run)" : "cleanup", r);
                Table(md, ["Repository", "Root", "Candidates", "Deleted", "Kept", "Failed", r.DryRun ? "Bytes to free" : "Bytes freed"], [[Code(r.Options.Repository), Code(r.Options.RootPath), Count(r.Candidates.Count), Count(r.Deleted.Count), Count(r.Kept.Count), Count(r.Failed.Count), Bytes(r.BytesFreed)]]);
                Table(md, ["File", "Modified", "Size", "Status"], CleanupRows(r));
                break;
            case RestoreResult r:
                Heading(md, "restore", r);
                Table(md, ["Repository", "Restored", "Failed"], [[Code(r.Options.Repository), Count(r.Restored.Count), Count(r.Failed.Count)]]);
                Table(md, ["File", "Status"], r.Failed.Select(f => new[] { Code(f.Path), Cell("failed: " + f.Message) })
                    .Concat(r.Restored.Select(p => new[] { Code(p), "restored" })));
                break;
            case PublishResult r:
                PublishReport.RenderMarkdown(md, r);
                break;
            default:
                throw new ArgumentException($"No report is defined for {result.GetType().Name}.", nameof(result));
        }

        return md.ToString();
    }

    private static IEnumerable<string[]> CleanupRows(CleanupResult r)
    {
        var deleted = r.Deleted.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var interrupted = r.Interrupted.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var failed = r.Failed.ToDictionary(f => f.Path, f => f.Message, StringComparer.Ordinal);
        foreach (var file in r.Candidates)
        {
            var status = r.DryRun ? "would delete"
                : deleted.Contains(file.Path) ? "deleted"
                : failed.TryGetValue(file.Path, out var message) ? "failed: " + message
                : interrupted.Contains(file.Path) ? "interrupted (state unknown)"
                : "not deleted";
            yield return [Code(file.Path), Time(file.Modified), file.Size is { } s ? Bytes(s) : "—", Cell(status)];
        }
    }

    internal static void Heading(StringBuilder md, string what, JobResult result)
    {
        md.Append("### CodeArtifact ").Append(what).Append(" — ").Append(ReportMapper.Outcome(result)).Append('\n').Append('\n');
        md.Append("_").Append(Time(result.StartedAt)).Append(", ")
          .Append(Math.Max(0, (result.FinishedAt - result.StartedAt).TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture)).Append(" s_\n\n");
    }

    internal static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        var shown = 0;
        var hidden = 0;
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            if (shown == MaxRows)
            {
                hidden++;
                continue;
            }

            body.Append("| ").AppendJoin(" | ", row).Append(" |\n");
            shown++;
        }

        if (shown == 0)
        {
            return;
        }

        md.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        md.Append('|').Append(string.Concat(Enumerable.Repeat("---|", header.Length))).Append('\n');
        md.Append(body);
        if (hidden > 0)
        {
            md.Append("\n… and ").Append(Count(hidden)).Append(" more rows (see the JSON report).\n");
        }

        md.Append('\n');
    }

    /// <summary>Plain text for a table cell: pipes escaped, line breaks flattened, HTML neutralised.</summary>
    internal static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? "—" : text
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);

    /// <summary>A code span that survives backticks and pipes in the text.</summary>
    internal static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "—";
        }

        var flat = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        var fence = flat.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        var pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : string.Empty;
        return fence + pad + flat + pad + fence;
    }

    internal static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Bytes(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";
}
