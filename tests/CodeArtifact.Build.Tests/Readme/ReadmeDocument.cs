using System.Text.RegularExpressions;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Readme;

/// <summary>
/// The repository's README.md as the README tests read it: its command blocks (with the folder
/// each one says it runs from) and the rows of its codes table.
/// </summary>
internal static partial class ReadmeDocument
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(SourcePaths.BuildProjectDirectory, "..", ".."));

    public static string ReadmePath => Path.Combine(RepositoryRoot, "README.md");

    /// <summary>
    /// Every <c>sh</c> block whose introducing line ends by naming its folder (<c>… from the
    /// repository root:</c>, <c>… from the repository root (…):</c>, or <c>… from `samples/x`:</c>),
    /// in document order, with that folder relative to the repository root.
    /// </summary>
    public static IReadOnlyList<CommandBlock> CommandBlocks(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CommandBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```sh")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            var introduction = Introduction(lines, i);
            var folder = FolderOf(introduction);
            if (folder is not null)
            {
                blocks.Add(new CommandBlock(folder, introduction, string.Join('\n', lines[(i + 1)..end]), i + 1));
            }

            i = end;
        }

        return blocks;
    }

    /// <summary>The rows of the codes tables under "Messages and codes", with the block heading each sits under.</summary>
    public static IReadOnlyList<CodeRow> CodeRows(string markdown)
    {
        var start = markdown.IndexOf("\n## Messages and codes\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"Messages and codes\" section.");
        var next = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = markdown[start..(next < 0 ? markdown.Length : next)];
        var rows = new List<CodeRow>();
        string? block = null;
        foreach (var line in section.Split('\n'))
        {
            if (BlockHeading().Match(line) is { Success: true } heading)
            {
                block = heading.Groups["block"].Value;
            }
            else if (CodeRowLine().Match(line) is { Success: true } row)
            {
                var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                rows.Add(new CodeRow(row.Groups["code"].Value, block, cells.Length > 1 ? cells[1] : string.Empty, cells.Length > 2 ? cells[2] : string.Empty, cells.Length > 3 ? cells[3] : string.Empty, cells.Length));
            }
        }

        return rows;
    }

    private static string Introduction(string[] lines, int fence)
    {
        var j = fence - 1;
        while (j >= 0 && lines[j].Trim().Length == 0)
        {
            j--;
        }

        // The whole paragraph before the block: its last sentence names the folder.
        var paragraph = new List<string>();
        while (j >= 0 && lines[j].Trim().Length > 0 && !lines[j].StartsWith("```", StringComparison.Ordinal))
        {
            paragraph.Insert(0, lines[j].Trim());
            j--;
        }

        return string.Join(' ', paragraph);
    }

    private static string? FolderOf(string introduction)
    {
        var match = FolderMarker().Match(introduction);
        return !match.Success ? null : match.Groups["folder"].Success ? match.Groups["folder"].Value : ".";
    }

    // "from the repository root:" or "from `samples/cake`:", optionally with a remark in brackets before the colon.
    [GeneratedRegex(@"from (?:the repository root|`(?<folder>[^`]+)`)(?: \([^)]*\))?:$")]
    private static partial Regex FolderMarker();

    [GeneratedRegex(@"^\*\*`(?<block>CART\d\dxx)`")]
    private static partial Regex BlockHeading();

    [GeneratedRegex(@"^\|\s*`(?<code>CART\d{4})`\s*\|")]
    private static partial Regex CodeRowLine();
}

/// <summary>A command block of the README: the folder it runs from (relative to the repository root), its introduction and text.</summary>
internal sealed record CommandBlock(string Folder, string Introduction, string Text, int Line);

/// <summary>One row of the README's codes table.</summary>
internal sealed record CodeRow(string Code, string? Block, string Severity, string Meaning, string Action, int Cells);
