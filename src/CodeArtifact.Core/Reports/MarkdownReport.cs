using System.Globalization;
using System.Text;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// The Markdown summary: a heading with the outcome, the summary line, the problems, one summary
/// table per job, then a table of files (at most
/// <see cref="MaxRows"/> rows; the JSON report has them all). Cells are escaped for GitHub tables.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>Rows per file table: a step summary is limited to 1 MiB.</summary>
    public const int MaxRows = 500;

    public static string Render(JobRun run)
    {
        var md = new StringBuilder();
        Heading(md, run);
        if (run.Summary is { } summary)
        {
            md.Append(Line(summary)).Append("\n\n");
        }

        Problems(md, run.Problems);
        switch (run.Result)
        {
            case null:
                break;
            case MavenCredentialsResult r:
                Table(md, ["Repositories", "Settings file"], [[Count(r.Repositories.Count), r.Settings is { } s ? $"{Code(s.Path)} ({(s.Changed ? "written" : "up to date")}{(s.HoldsPasswords ? "; holds passwords, delete it after use" : string.Empty)})" : "—"]]);
                Table(md, ["Id", "Name", "URL", "Policy", "User"], r.Repositories.Select(x => new[] { Code(x.Id), Cell(x.Name), Cell(x.Url), Cell(x.Policy ?? "any"), Code(x.UserName) }));
                break;
            case ChecksumVerificationResult r:
                Table(md, ["Files", "Verified", "Mismatched", "Missing remotely", "No remote digest", "Remote errors", "Unreadable locally"], [[Count(r.Files.Count), Count(r.Verified), Count(r.Mismatched), Count(r.Missing), Count(r.WithoutRemoteDigest), Count(r.RemoteErrors), Count(r.Unreadable)]]);
                Table(md, ["Status", "Local file", "Repository path", "Algorithm", "Local", "Remote"], r.Files
                    .OrderBy(f => f.Status == VerificationStatus.Verified)
                    .Select(f => new[] { ReportMapper.StatusName(f.Status), Code(f.LocalPath), Code(f.Repository + f.RemotePath), Cell(f.Algorithm ?? "—"), Code(f.LocalHash), Code(f.RemoteHash ?? f.Error) }));
                break;
            case ReleaseVersionsResult r:
                Table(md, ["File name", "Versions", "Latest", "Download"], [[Code(r.Options.FileName), Count(r.Versions.Count), r.Latest is { } l ? Version(l.Version) : "—", r.Latest is { } d ? Cell(d.DownloadUrl) : "—"]]);
                Table(md, ["Version", "Path", "Download"], r.Versions.Reverse().Select(v => new[] { Version(v.Version), Code(v.Path), Cell(v.DownloadUrl) }));
                break;
            case CleanupResult r:
                Table(md, ["Repository", "Root", "Candidates", "Deleted", "Already gone", "Skipped as changed", "Kept", "Failed", r.DryRun ? "Bytes to free" : "Bytes freed"], [[Code(r.Options.Repository), Code(r.Options.RootPath), Count(r.Candidates.Count), Count(r.Deleted.Count), Count(r.AlreadyGone.Count), Count(r.SkippedAsChanged.Count), Count(r.Kept.Count), Count(r.Failed.Count), Bytes(r.BytesFreed)]]);
                Table(md, ["File", "Modified", "Size", "Status"], CleanupRows(r));
                break;
            case RestoreResult r:
                Table(md, ["Repository", "Restored", "Failed"], [[Code(r.Options.Repository), Count(r.Restored.Count), Count(r.Failed.Count)]]);
                Table(md, ["File", "Status"], r.Failed.Select(f => new[] { Code(f.Path), Cell("failed: " + f.Message) })
                    .Concat(r.Interrupted.Select(p => new[] { Code(p), "interrupted (state unknown)" }))
                    .Concat(r.NotAttempted.Select(p => new[] { Code(p), "not attempted" }))
                    .Concat(r.Restored.Select(p => new[] { Code(p), "restored" })));
                break;
            case PublishResult r:
                PublishReport.RenderMarkdown(md, r);
                break;
            default:
                throw new ArgumentException($"No report is defined for {run.Result.GetType().Name}.", nameof(run));
        }

        return md.ToString();
    }

    /// <summary>The job as the heading names it; a dry run says so once, in the name.</summary>
    private static string What(JobRun run) => run.JobName switch
    {
        "maven-credentials" => "Maven credentials",
        "checksums" => "checksum verification",
        "release-versions" => "release versions",
        "cleanup" when run.Result is CleanupResult { DryRun: true } || run.Options is CleanupOptions { DryRun: true } => "cleanup (dry run)",
        "publish" when run.Result is PublishResult { DryRun: true } || run.Options is PublishOptions { DryRun: true } => "publish (dry run)",
        var name => name,
    };

    private static void Problems(StringBuilder md, IReadOnlyList<JobProblem> problems)
    {
        var shown = 0;
        foreach (var problem in problems)
        {
            if (shown == MaxRows)
            {
                md.Append("- … and ").Append(Count(problems.Count - shown)).Append(" more (see the JSON report).\n");
                break;
            }

            md.Append("- **").Append(problem.Severity == ProblemSeverity.Error ? "error" : "warning").Append(' ').Append(problem.Code).Append("**: ").Append(Line(problem.Message)).Append('\n');
            shown++;
        }

        if (shown > 0)
        {
            md.Append('\n');
        }
    }

    /// <summary>A version, marked when it is a pre-release (which "latest" skips unless asked).</summary>
    private static string Version(string version) =>
        ReportMapper.IsPrerelease(version) ? Code(version) + " (pre-release)" : Code(version);

    private static IEnumerable<string[]> CleanupRows(CleanupResult r)
    {
        var deleted = r.Deleted.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var interrupted = r.Interrupted.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var failed = r.Failed.ToDictionary(f => f.Path, f => f.Message, StringComparer.Ordinal);
        var gone = r.AlreadyGone.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var skipped = r.SkippedAsChanged.ToDictionary(f => f.Path, f => f.Note, StringComparer.Ordinal);
        var notAttempted = r.NotAttempted.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in r.Candidates)
        {
            var status = r.DryRun ? "would delete"
                : deleted.Contains(file.Path) ? "deleted"
                : gone.Contains(file.Path) ? "already gone"
                : skipped.TryGetValue(file.Path, out var note) ? "kept, changed: " + note
                : failed.TryGetValue(file.Path, out var message) ? "failed: " + message
                : interrupted.Contains(file.Path) ? "interrupted (state unknown)"
                : notAttempted.Contains(file.Path) ? "not attempted"
                : "not deleted";
            yield return [Code(file.Path), Time(file.Modified), file.Size is { } s ? Bytes(s) : "—", Cell(status)];
        }
    }

    private static void Heading(StringBuilder md, JobRun run)
    {
        md.Append("### CodeArtifact ").Append(What(run)).Append(" — ").Append(ReportMapper.Outcome(run.Outcome)).Append('\n').Append('\n');
        md.Append("_").Append(Time(run.StartedAt)).Append(", ")
          .Append(Math.Max(0, (run.FinishedAt - run.StartedAt).TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture)).Append(" s_\n\n");
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

    /// <summary>Plain text for a line of its own: line breaks flattened, HTML neutralised.</summary>
    private static string Line(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

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
