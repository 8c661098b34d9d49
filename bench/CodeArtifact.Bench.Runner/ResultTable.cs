using System.Text;
using CodeArtifact.Bench.Runner.Infrastructure;

namespace CodeArtifact.Bench.Runner;

/// <summary>The one Markdown table of the run, with the machine above it and the notes below.</summary>
internal static class ResultTable
{
    public static string Render(BenchSizes sizes, string scope, IReadOnlyList<string> machine, string? loadBefore, string? loadAfter, TimeSpan elapsed, IReadOnlyList<CaseResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine($"### CodeArtifact.Build benchmarks — {sizes.Mode} run ({scope}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        foreach (var line in machine)
        {
            text.AppendLine($"- {line}");
        }

        text.AppendLine($"- Load average (1/5/15 min) before: {loadBefore ?? "unknown"}; after: {loadAfter ?? "unknown"}; run took {elapsed.TotalMinutes:0.0} min");
        if (new[] { loadBefore, loadAfter }.Select(MachineInfo.OneMinute).Max() is > 1.5 and var busiest)
        {
            text.AppendLine($"- **Busy machine**: a 1-minute load average of {busiest:0.#} on {Environment.ProcessorCount} processors means other work competed for the cores: parallel speed-ups (cases 2–4, 8) and small differences (case 6) are understated or noisy. Rerun on an idle machine for the goals' figures.");
        }

        if (sizes.Mode != "full")
        {
            text.AppendLine("- **Quick run**: shrunk sizes and single serial runs, to smoke-test the runner; its figures are not the goals' figures.");
        }

        text.AppendLine();
        text.AppendLine("| # | case (ours vs baseline) | ours: median (min–max) | baseline: median (min–max) | figure | goal | met? |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine($"| {r.Number} | {Cell(r.Title)} | {Cell(r.Ours?.Describe() ?? "—")} | {Cell(r.Baseline?.Describe() ?? "—")} | {Cell(r.FigureText)} | {Cell(r.Goal?.Text ?? "—")} | {Cell(r.MetText)} |");
        }

        var notes = results.Where(r => r.Note is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Notes:");
            foreach (var r in notes)
            {
                text.AppendLine($"- **{r.Number}**: {r.Note}");
            }
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
