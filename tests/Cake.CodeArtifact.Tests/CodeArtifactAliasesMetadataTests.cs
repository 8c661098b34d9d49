using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.CodeArtifact.Tests;

/// <summary>What Cake needs to find, document and compile the aliases in a script.</summary>
public static class CodeArtifactAliasesMetadataTests
{
    private static readonly string[] AliasNames =
    [
        "CodeArtifactResolveMavenCredentials",
        "CodeArtifactWriteMavenSettings",
        "CodeArtifactDeleteMavenSettings",
        "CodeArtifactVerifyChecksums",
        "CodeArtifactGetReleaseFileVersions",
        "CodeArtifactGetLatestReleaseFileVersion",
        "CodeArtifactDeleteObsoleteFiles",
        "CodeArtifactRestoreFiles",
        "CodeArtifactPublishFiles",
        "CodeArtifactPublishFiles",
    ];

    private static IEnumerable<MethodInfo> Aliases =>
        typeof(CodeArtifactAliases).GetMethods(BindingFlags.Public | BindingFlags.Static);

    public sealed class TheAliasesClass
    {
        [Fact]
        public void Should_Be_In_The_CodeArtifact_Category()
        {
            // Given / When
            var category = typeof(CodeArtifactAliases).GetCustomAttribute<CakeAliasCategoryAttribute>();

            // Then
            Assert.Equal("CodeArtifact", category?.Name);
        }

        [Fact]
        public void Should_Offer_Exactly_These_Aliases()
        {
            // Given / When
            var names = Aliases.Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();

            // Then
            Assert.Equal(AliasNames.Order(StringComparer.Ordinal).ToArray(), names);
        }

        [Fact]
        public void Should_Make_Each_Alias_A_Categorized_Extension_Of_The_Cake_Context()
        {
            foreach (var alias in Aliases)
            {
                Assert.NotNull(alias.GetCustomAttribute<CakeMethodAliasAttribute>());
                Assert.NotNull(alias.GetCustomAttribute<ExtensionAttribute>());
                Assert.Equal(typeof(ICakeContext), alias.GetParameters()[0].ParameterType);
                Assert.Contains(alias.GetCustomAttributes<CakeAliasCategoryAttribute>(), c => c.Name is "Maven" or "Checksums" or "Releases" or "Cleanup" or "Publish");
            }
        }

        [Fact]
        public void Should_Import_The_Namespaces_Of_The_Types_Scripts_Get_Back()
        {
            // Given
            var imported = Aliases.SelectMany(m => m.GetCustomAttributes<CakeNamespaceImportAttribute>()).Select(a => a.Namespace)
                .Concat(typeof(CodeArtifactAliases).GetCustomAttributes<CakeNamespaceImportAttribute>().Select(a => a.Namespace))
                .ToHashSet(StringComparer.Ordinal);

            // When
            var needed = Aliases.SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
                .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
                .Select(t => Nullable.GetUnderlyingType(t) ?? t)
                .Select(t => t.Namespace!)
                .Where(n => n.StartsWith("CodeArtifact.", StringComparison.Ordinal))
                .Append("CodeArtifact.Core.Auth")
                .Distinct();

            // Then
            Assert.All(needed, n => Assert.Contains(n, imported));
        }

        [Fact]
        public void Should_Document_Each_Alias_With_An_Example_In_The_Shipped_Xml_Docs()
        {
            // Given
            var xmlPath = Path.ChangeExtension(typeof(CodeArtifactAliases).Assembly.Location, ".xml");
            var members = XDocument.Load(xmlPath).Descendants("member")
                .Where(m => ((string?)m.Attribute("name"))?.StartsWith("M:Cake.CodeArtifact.CodeArtifactAliases.", StringComparison.Ordinal) == true)
                .ToList();

            // When / Then
            foreach (var alias in AliasNames.Distinct())
            {
                var overloads = members.Where(m => ((string)m.Attribute("name")!).Contains("." + alias + "(", StringComparison.Ordinal)).ToList();
                Assert.Equal(AliasNames.Count(n => n == alias), overloads.Count);
                foreach (var member in overloads)
                {
                    Assert.NotNull(member.Element("example")?.Element("code"));
                    Assert.NotNull(member.Element("returns"));
                    Assert.NotEmpty(member.Elements("exception"));
                }
            }
        }
    }
}
