using System.IO.Compression;
using System.Xml.Linq;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>The packed addin follows Cake's addin rules: the name, the tag, XML docs, and no Cake assembly inside.</summary>
[Collection(CakeScriptCollection.Name)]
public sealed class AddinPackageTests(CakeScriptFixture fixture)
{
    [Fact]
    public void Should_Ship_The_Addin_And_Its_Xml_Docs_But_No_Cake_Assembly()
    {
        // Given
        using var package = ZipFile.OpenRead(fixture.Feed.AddinPackagePath);

        // When
        var files = package.Entries.Select(e => e.FullName).ToArray();

        // Then
        Assert.Contains("lib/net10.0/Cake.CodeArtifact.dll", files);
        Assert.Contains("lib/net10.0/Cake.CodeArtifact.xml", files);
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("Cake.Core", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).StartsWith("Cake.Common", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("CodeArtifact.Core", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Should_Be_Tagged_As_A_Cake_Addin_And_Depend_On_Core_By_Package()
    {
        // Given
        using var package = ZipFile.OpenRead(fixture.Feed.AddinPackagePath);
        using var stream = package.GetEntry("Cake.CodeArtifact.nuspec")!.Open();

        // When
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        // Then
        Assert.Equal("Cake.CodeArtifact", Value("id"));
        Assert.Contains("cake-addin", Value("tags").Split(' '));
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!)).ToArray();
        Assert.Equal([("CodeArtifact.Core", fixture.Feed.Version)], dependencies);
    }
}
