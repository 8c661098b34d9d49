using System.IO.Compression;
using System.Xml.Linq;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>The packed .nupkg itself: the layout MSBuild and NuGet expect of a task package.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    [Fact]
    public void Should_Ship_The_Tasks_With_Their_Dependencies_And_No_MSBuild()
    {
        // Given
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        // Then
        Assert.Contains("tasks/net8.0/CodeArtifact.Build.dll", entries);
        Assert.Contains("tasks/net8.0/CodeArtifact.Build.deps.json", entries);
        Assert.Contains("tasks/net8.0/CodeArtifact.Core.dll", entries);
        Assert.Contains("tasks/net8.0/Polly.Core.dll", entries);
        Assert.Contains("tasks/net8.0/Microsoft.Extensions.FileSystemGlobbing.dll", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        foreach (var folder in new[] { "build", "buildTransitive", "buildMultiTargeting" })
        {
            Assert.Contains($"{folder}/CodeArtifact.Build.props", entries);
            Assert.Contains($"{folder}/CodeArtifact.Build.targets", entries);
        }

        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Should_Be_A_Development_Dependency_Without_Dependencies()
    {
        // Given
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        // Then
        Assert.Equal("CodeArtifact.Build", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
    }

    [Fact]
    public void Should_Import_Only_Build_From_The_Other_Folders()
    {
        // Given
        using var archive = ZipFile.OpenRead(package.PackagePath);

        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("buildTransitive/", StringComparison.Ordinal) || e.FullName.StartsWith("buildMultiTargeting/", StringComparison.Ordinal)))
        {
            // When
            using var stream = entry.Open();
            var project = XDocument.Load(stream).Root!;

            // Then
            var import = Assert.Single(project.Elements());
            Assert.Equal("Import", import.Name.LocalName);
            Assert.Equal($@"$(MSBuildThisFileDirectory)..\build\{entry.Name}", (string?)import.Attribute("Project"));
        }
    }
}
