using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using CodeArtifact.Core;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>
/// The packed addin follows Cake's addin rules and works with one plain <c>#addin</c> line: it
/// carries Core and every assembly Core needs beyond the .NET runtime in its own lib folder, with
/// their XML docs, depends on no package, ships no Cake assembly, and has an icon and the tags.
/// </summary>
[Collection(CakeScriptCollection.Name)]
public sealed class AddinPackageTests(CakeScriptFixture fixture)
{
    private const string Lib = "lib/net10.0/";

    [Fact]
    public void Should_Carry_Core_And_Its_Dependencies_With_Xml_Docs_But_No_Cake_Assembly()
    {
        // Given
        using var package = ZipFile.OpenRead(fixture.Feed.AddinPackagePath);
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var needed = typeof(CodeArtifactClient).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name != "netstandard" && !File.Exists(Path.Combine(runtime, name + ".dll")))
            .Append("CodeArtifact.Core")
            .ToArray();

        // When
        var files = package.Entries.Select(e => e.FullName).ToArray();

        // Then
        Assert.Contains(Lib + "Cake.CodeArtifact.dll", files);
        Assert.Contains(Lib + "Cake.CodeArtifact.xml", files);
        Assert.Contains("Polly.Core", needed);
        Assert.Contains("Microsoft.Extensions.FileSystemGlobbing", needed);
        Assert.All(needed, name =>
        {
            Assert.Contains(Lib + name + ".dll", files);
            Assert.Contains(Lib + name + ".xml", files);
        });
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal)
            && Path.GetFileName(f).StartsWith("Cake.", StringComparison.OrdinalIgnoreCase)
            && !Path.GetFileName(f).StartsWith("Cake.CodeArtifact.", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Depend_On_No_Package_And_Have_The_Community_Tags_And_An_Embedded_Icon()
    {
        // Given
        using var package = ZipFile.OpenRead(fixture.Feed.AddinPackagePath);
        using var stream = package.GetEntry("Cake.CodeArtifact.nuspec")!.Open();

        // When
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        // Then
        Assert.Equal("Cake.CodeArtifact", Value("id"));
        Assert.Superset(new HashSet<string> { "cake-addin", "cake-build", "cake", "script" }, Value("tags").Split(' ').ToHashSet());
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
        var icon = package.GetEntry(Value("icon"));
        Assert.NotNull(icon);
        using var png = icon.Open();
        var signature = new byte[8];
        png.ReadExactly(signature);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
    }

    [Fact]
    public async Task Should_Work_With_The_One_Plain_Addin_Line_In_A_Fresh_Folder()
    {
        // Given: a new folder with only the pinned Cake.Tool, a nuget.config naming the local feed,
        // and a script whose one directive is the plain #addin line
        var folder = fixture.NewFolder("fresh-" + Guid.NewGuid().ToString("N")[..8]);
        await fixture.PrepareScriptFolderAsync(folder);
        var release = "fresh" + Guid.NewGuid().ToString("N")[..8];
        fixture.Server.Seed.AddReleaseFile(release, "1.2.0");
        fixture.Server.Seed.AddReleaseFile(release, "1.10.0");
        await File.WriteAllTextAsync(Path.Combine(folder, "build.cake"), $$"""
            #addin nuget:?package=Cake.CodeArtifact&version={{fixture.Feed.Version}}
            var latest = CodeArtifactGetLatestReleaseFileVersion("{{release}}", new CodeArtifactReleaseVersionsSettings { MaxRetries = 0 });
            Information("RESULT latest {0}", latest.Version);
            """);

        // When
        var restore = await fixture.RunDotnetAsync(["tool", "restore"], folder);
        var run = await fixture.RunDotnetAsync(["cake", "build.cake"], folder);

        // Then: it ran, and the addin was the only package installed
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("RESULT latest 1.10.0", run.Output);
        var installed = Assert.Single(Directory.GetDirectories(Path.Combine(folder, "tools", "Addins")));
        Assert.Equal($"Cake.CodeArtifact.{fixture.Feed.Version}", Path.GetFileName(installed), ignoreCase: true);
        Assert.True(File.Exists(Path.Combine(installed, "lib", "net10.0", "CodeArtifact.Core.dll")));
    }
}
