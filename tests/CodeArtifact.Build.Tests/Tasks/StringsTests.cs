using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Core;

namespace CodeArtifact.Build.Tests.Tasks;

/// <summary>Strings.resx against the code that uses it and the product's error codes.</summary>
public sealed partial class StringsTests
{
    private static readonly Dictionary<string, string> Resources =
        new ResourceManager("CodeArtifact.Build.Resources.Strings", typeof(CodeArtifactTask).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Should_Have_Every_Resource_The_Tasks_Log()
    {
        // Given every resource name the task sources name
        var used = Directory.EnumerateFiles(SourcePaths.BuildProjectDirectory, "*.cs")
            .SelectMany(file => ResourceUse().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value))
            .Distinct()
            .ToList();

        // Then each exists (a missing one would crash the task instead of reporting)
        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(Resources.ContainsKey(key), $"Strings.resx has no {key}."));
    }

    [Fact]
    public void Should_Start_Every_Coded_Text_With_A_Known_Product_Code()
    {
        // Given the product's codes
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();

        // Then every text that starts with a code uses one of them
        foreach (var (key, value) in Resources)
        {
            var match = CodePrefix().Match(value);
            if (match.Success)
            {
                Assert.True(codes.Contains(match.Groups["code"].Value), $"{key} uses {match.Groups["code"].Value}, which is not in ErrorCodes.");
            }
        }

        Assert.Contains(Resources.Values, v => v.StartsWith("CART0006: ", StringComparison.Ordinal));
    }

    // Any string literal "Task.Problem" whose first part is the base or one of the tasks.
    [GeneratedRegex("\"(?<key>(?:CodeArtifactTask|ResolveCodeArtifactMavenCredentials|VerifyCodeArtifactChecksums|GetCodeArtifactReleaseFileVersions|DeleteObsoleteCodeArtifactFiles|RestoreCodeArtifactFiles)\\.[A-Za-z]+)\"")]
    private static partial Regex ResourceUse();

    [GeneratedRegex(@"^(?<code>CART\d{4}): ")]
    private static partial Regex CodePrefix();
}
