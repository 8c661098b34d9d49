using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CodeArtifact.Core;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Build.Tests.Readme;

/// <summary>
/// README's "Messages and codes" lists every CART code the product can raise, once, in its block,
/// and nothing else: the codes of <see cref="ErrorCodes"/>, of the targets' Error tasks and of the
/// message catalogue. A code added anywhere fails this test until it has its row.
/// </summary>
public sealed partial class ReadmeCodesTests
{
    private static readonly IReadOnlyList<CodeRow> Rows = ReadmeDocument.CodeRows(File.ReadAllText(ReadmeDocument.ReadmePath));

    [Fact]
    public void Should_Document_Every_Code_The_Product_Can_Raise()
    {
        // Given every code in the code
        var raised = ErrorCodeConstants().Concat(TargetsCodes()).Concat(CatalogueCodes()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(ErrorCodes.Cancelled, raised);

        // When README is read
        var documented = Rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        // Then each has its row
        var undocumented = raised.Except(documented).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "README.md's Messages and codes has no row for " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Should_Document_No_Code_The_Product_Does_Not_Have()
    {
        // Given
        var raised = ErrorCodeConstants().Concat(TargetsCodes()).Concat(CatalogueCodes()).ToHashSet(StringComparer.Ordinal);

        // When
        var stale = Rows.Select(r => r.Code).Where(c => !raised.Contains(c)).ToList();

        // Then
        Assert.True(stale.Count == 0, "README.md documents codes the product does not raise: " + string.Join(", ", stale));
    }

    [Fact]
    public void Should_Give_Each_Code_One_Full_Row_In_Its_Block_In_Order()
    {
        // Then one row per code
        var repeated = Rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "Codes with more than one row: " + string.Join(", ", repeated));

        foreach (var row in Rows)
        {
            // Under the heading of its block (CART05xx for CART0506), with every cell written
            Assert.True(row.Block == row.Code[..6] + "xx", $"{row.Code} is under {row.Block ?? "no block heading"}.");
            Assert.True(row.Cells == 4, $"{row.Code} has {row.Cells} cells, not code | severity | what it means | what to do.");
            Assert.Matches(SeverityCell(), row.Severity);
            Assert.True(row.Meaning.Length > 10 && row.Action.Length > 3, $"{row.Code}: say what it means and what to do.");
        }

        // And in ascending order, block by block
        Assert.Equal(Rows.Select(r => r.Code).Order(StringComparer.Ordinal), Rows.Select(r => r.Code));
    }

    [Fact]
    public void Should_Read_Codes_From_Every_Source()
    {
        // The sources above are not empty by accident: each holds codes only it spells out.
        Assert.Contains("CART0006", TargetsCodes());
        Assert.Contains("CART0901", CatalogueCodes());
        Assert.Contains("CART0609", ErrorCodeConstants());
        Assert.True(Rows.Count >= ErrorCodeConstants().Count(), "The README parser found fewer rows than there are ErrorCodes constants.");
    }

    private static IEnumerable<string> ErrorCodeConstants() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>The Code of every Error task in the package's props and targets (build/, buildTransitive/, buildMultiTargeting/).</summary>
    private static IEnumerable<string> TargetsCodes() =>
        Directory.EnumerateFiles(SourcePathsDirectory(), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".targets", StringComparison.Ordinal) || p.EndsWith(".props", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => XDocument.Load(p).Descendants().Select(e => (string?)e.Attribute("Code")))
            .Where(c => c is not null && CodeShape().IsMatch(c))
            .Select(c => c!);

    private static IEnumerable<string> CatalogueCodes() =>
        new ResourceManager("CodeArtifact.Core.Runner.Messages", typeof(JobRunner).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .Select(e => CodedText.CodeOf((string)e.Value!))
            .Where(c => c is not null)
            .Select(c => c!);

    private static string SourcePathsDirectory() => Infrastructure.SourcePaths.BuildProjectDirectory;

    [GeneratedRegex(@"^CART\d{4}$")]
    private static partial Regex CodeShape();

    // "error", "warning", "message", "error, or warning with …", "error (warning in a dry run)", "as `CART0301`".
    [GeneratedRegex(@"^(error|warning|message|as `CART\d{4}`)(\b.*)?$")]
    private static partial Regex SeverityCell();
}
