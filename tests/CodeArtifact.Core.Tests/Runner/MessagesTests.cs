using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Tests.Runner;

/// <summary>
/// The one catalogue of coded messages (Core's Runner/Messages.resx): every code's text is
/// written once, there, and no front end holds message text of its own.
/// </summary>
public sealed partial class MessagesTests
{
    private static readonly Dictionary<string, string> Catalogue =
        new ResourceManager("CodeArtifact.Core.Runner.Messages", typeof(JobRunner).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Should_Start_Every_Coded_Text_With_A_Known_Code()
    {
        // Given the product's codes
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();

        // Then every text that names a code starts with one of them, followed by ": "
        Assert.NotEmpty(Catalogue);
        foreach (var (key, value) in Catalogue.Where(e => CodeAnywhere().IsMatch(e.Value)))
        {
            var code = CodedText.CodeOf(value);
            Assert.True(code is not null && value.StartsWith(code + ": ", StringComparison.Ordinal), $"{key} names a code but does not start with it: {value}");
            Assert.True(codes.Contains(code!), $"{key} uses {code}, which is not in ErrorCodes.");
        }
    }

    [Fact]
    public void Should_Write_Every_Text_Once()
    {
        var repeated = Catalogue.GroupBy(e => e.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(e => e.Key)));

        Assert.Empty(repeated);
    }

    [Fact]
    public void Should_Be_The_Only_Catalogue_In_The_Product()
    {
        // Given every resource file of the shipped projects
        var catalogues = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .ToList();

        // Then there is one, in Core, and no project compiles another project's files in
        Assert.Equal(["src/CodeArtifact.Core/Runner/Messages.resx"], catalogues);
        foreach (var project in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            Assert.DoesNotMatch(OtherProjectsFile(), File.ReadAllText(project));
        }
    }

    [Theory]
    [InlineData("src/CodeArtifact.Build")]
    [InlineData("src/Cake.CodeArtifact")]
    [InlineData("src/CodeArtifact.Core")]
    public void Should_Keep_Coded_Texts_Out_Of_The_Code(string folder)
    {
        // Given every C# source line that is not a comment
        var literals = Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p) && Path.GetFileName(p) != "ErrorCodes.cs")
            .SelectMany(p => File.ReadLines(p).Select((line, i) => (File: Path.GetFileName(p), Number: i + 1, Line: line.Trim())))
            .Where(l => !l.Line.StartsWith("//", StringComparison.Ordinal))
            .Where(l => CodedLiteral().IsMatch(l.Line))
            .Select(l => $"{l.File}:{l.Number}: {l.Line}");

        // Then none spells a code in a string: codes come from ErrorCodes, texts from the catalogue
        Assert.Empty(literals);
    }

    [Fact]
    public void Should_Have_A_Front_End_Neither_Of_Http_Json_Hashing_Nor_Reports()
    {
        // Given the two front ends' sources
        var sources = new[] { "src/CodeArtifact.Build", "src/Cake.CodeArtifact" }
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.cs", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(p))
            .Select(p => (File: Path.GetFileName(p), Text: File.ReadAllText(p)))
            .ToList();

        // Then none uses what belongs to Core
        string[] forbidden = ["System.Net.Http", "HttpClient", "System.Text.Json", "System.Security.Cryptography", "Polly", "JobReport.", "CredentialChain", "new CodeArtifactClient", "Retry"];
        Assert.NotEmpty(sources);
        foreach (var (file, text) in sources)
        {
            Assert.False(forbidden.Any(f => text.Contains(f, StringComparison.Ordinal)), $"{file} uses {string.Join(", ", forbidden.Where(f => text.Contains(f, StringComparison.Ordinal)))}, which belongs to Core.");
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CodeArtifact.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CodeArtifact.Build.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"CART\d{4}")]
    private static partial Regex CodeAnywhere();

    // A string literal (plain, verbatim or interpolated) holding CART and four digits.
    [GeneratedRegex("\"[^\"]*CART\\d{4}")]
    private static partial Regex CodedLiteral();

    // An item that compiles or embeds a file of another project's folder (../OtherProject/…); references are fine.
    [GeneratedRegex(@"<(?:EmbeddedResource|Compile|Content|None)\s+Include=""\.\.[/\\]")]
    private static partial Regex OtherProjectsFile();
}
