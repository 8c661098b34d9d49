using System.Text;
using System.Xml.Linq;
using CodeArtifact.Core.Jobs;
using static CodeArtifact.Core.Tests.Jobs.MavenSettingsSamples;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>Our servers and profile merged into a user's own settings file (<c>BaseSettingsFile</c>).</summary>
public sealed class MavenSettingsMergeTests : IDisposable
{
    private static readonly XNamespace Ns12 = "http://maven.apache.org/SETTINGS/1.2.0";

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-merge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Target => Path.Combine(_folder, "out", "settings.xml");

    private string WriteBase(string content, string name = "base-settings.xml")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static XDocument Read(string path) => XDocument.Load(path);

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>The result with our marked elements taken out: what is left must be the base.</summary>
    private static XElement WithoutOurs(string path)
    {
        var document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        foreach (var managed in document.Root!.Descendants().Where(MavenSettingsXml.IsManaged).ToList())
        {
            MavenSettingsXml.RemoveManaged(managed);
        }

        return XElement.Parse(document.Root.ToString(), LoadOptions.None);
    }

    [Fact]
    public async Task Should_Keep_Every_Line_Of_The_Base_And_Add_Our_Servers_And_Profile()
    {
        // Given a corporate settings file
        var basePath = WriteBase(Corporate());

        // When our repositories are merged into it
        var result = await MavenSettingsWriter.WriteAsync(Target, [Release(), Snapshot()], MavenBaseSettings.Load(basePath));

        // Then every line of the base below the root tag is in the result, in order and byte for byte
        var written = await File.ReadAllTextAsync(Target);
        var baseLines = Lines(Corporate()).SkipWhile(l => !l.Contains("<localRepository>", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        var writtenLines = Lines(written);
        var at = 0;
        foreach (var line in baseLines)
        {
            at = Array.IndexOf(writtenLines, line, at);
            Assert.True(at >= 0, $"The base line '{line}' is missing or out of order.");
        }

        Assert.Contains($"<password>{EncryptedPassword}</password>", written, StringComparison.Ordinal);
        Assert.Contains($"<password>{EncryptedProxyPassword}</password>", written, StringComparison.Ordinal);
        Assert.Contains("<!-- Nexus deploy account -->", written, StringComparison.Ordinal);

        // And the result without our elements is the base, node for node
        Assert.True(XNode.DeepEquals(XElement.Parse(Corporate()), WithoutOurs(Target)));

        // And ours are there, in the base's namespace
        var root = Read(Target).Root!;
        Assert.Equal(["corp-nexus", "github", ReleaseId, SnapshotId], root.Element(Ns12 + "servers")!.Elements(Ns12 + "server").Select(s => s.Element(Ns12 + "id")!.Value));
        var ours = root.Element(Ns12 + "servers")!.Elements(Ns12 + "server").Single(s => s.Element(Ns12 + "id")!.Value == ReleaseId);
        Assert.Equal("p@ss<&>", ours.Element(Ns12 + "password")!.Value);
        Assert.Equal(["corp", MavenSettingsWriter.ProfileId], root.Element(Ns12 + "profiles")!.Elements(Ns12 + "profile").Select(p => p.Element(Ns12 + "id")!.Value));
        Assert.Equal(["corp", MavenSettingsWriter.ProfileId], root.Element(Ns12 + "activeProfiles")!.Elements().Select(a => a.Value));
        Assert.DoesNotContain("xmlns=\"\"", written, StringComparison.Ordinal);
        Assert.True(MavenSettingsWriter.IsOurs(await File.ReadAllBytesAsync(Target)));
        Assert.Equal(basePath, result.BaseSettingsFile);
        Assert.True(result.HoldsPasswords);
    }

    [Fact]
    public async Task Should_Leave_The_Base_File_Bytes_And_Time_Unchanged()
    {
        var basePath = WriteBase(Corporate());
        var stamp = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(basePath, stamp);
        var before = await File.ReadAllBytesAsync(basePath);

        await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath));
        await MavenSettingsWriter.WriteAsync(Target, [Release("changed")], MavenBaseSettings.Load(basePath));

        Assert.Equal(before, await File.ReadAllBytesAsync(basePath));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(basePath));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Should_Replace_Only_Ours_If_A_Later_Run_Merges_Into_An_Earlier_Result()
    {
        // Given a result of a first run, used as the base of the next (as when it was copied to ~/.m2)
        var basePath = WriteBase(Corporate());
        await MavenSettingsWriter.WriteAsync(Target, [Release(), Snapshot()], MavenBaseSettings.Load(basePath));
        var firstRun = WriteBase(await File.ReadAllTextAsync(Target), "first-run.xml");

        // When the next run has a new password and only the release repository
        var second = Path.Combine(_folder, "second", "settings.xml");
        await MavenSettingsWriter.WriteAsync(second, [Release("rotated")], MavenBaseSettings.Load(firstRun));

        // Then the base is kept as it was, and ours are replaced, not repeated
        Assert.True(XNode.DeepEquals(XElement.Parse(Corporate()), WithoutOurs(second)));
        var root = Read(second).Root!;
        var servers = root.Element(Ns12 + "servers")!.Elements(Ns12 + "server").ToList();
        Assert.Equal(["corp-nexus", "github", ReleaseId], servers.Select(s => s.Element(Ns12 + "id")!.Value));
        Assert.Equal("rotated", servers[2].Element(Ns12 + "password")!.Value);
        Assert.Single(root.Element(Ns12 + "profiles")!.Elements(Ns12 + "profile"), p => p.Element(Ns12 + "id")!.Value == MavenSettingsWriter.ProfileId);
        Assert.Equal(["corp", MavenSettingsWriter.ProfileId], root.Element(Ns12 + "activeProfiles")!.Elements().Select(a => a.Value));

        // And merging the same input again gives the same bytes
        var third = Path.Combine(_folder, "third", "settings.xml");
        await MavenSettingsWriter.WriteAsync(third, [Release("rotated")], MavenBaseSettings.Load(second));
        Assert.Equal(await File.ReadAllBytesAsync(second), await File.ReadAllBytesAsync(third));
    }

    [Fact]
    public async Task Should_Refuse_A_Base_Server_With_Our_Id_And_Other_Credentials()
    {
        // Given a base that already has a server for our repository, with an encrypted password
        var basePath = WriteBase(Corporate().Replace("<id>github</id>", $"<id>{ReleaseId}</id>", StringComparison.Ordinal));
        var before = await File.ReadAllBytesAsync(basePath);

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath)));

        // Then CART0205 names the server and the way out; nothing is written, the base is untouched
        Assert.Equal(ErrorCodes.BaseSettingsConflict, error.Code);
        Assert.Equal("Overwrite", error.ParameterName);
        Assert.Contains(ReleaseId, error.Message, StringComparison.Ordinal);
        Assert.Contains(basePath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Target));
        Assert.Equal(before, await File.ReadAllBytesAsync(basePath));
    }

    [Fact]
    public async Task Should_Replace_A_Clashing_Base_Server_In_Place_If_Overwrite()
    {
        var basePath = WriteBase(Corporate().Replace("<id>github</id>", $"<id>{ReleaseId}</id>", StringComparison.Ordinal));

        var result = await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath), overwrite: true);

        Assert.Equal([ReleaseId], result.ReplacedBaseServers);
        var servers = Read(Target).Root!.Element(Ns12 + "servers")!.Elements(Ns12 + "server").ToList();
        Assert.Equal(["corp-nexus", ReleaseId], servers.Select(s => s.Element(Ns12 + "id")!.Value));
        Assert.Equal("p@ss<&>", servers[1].Element(Ns12 + "password")!.Value);
        Assert.DoesNotContain("ghp_", await File.ReadAllTextAsync(Target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Accept_A_Base_Server_With_The_Same_Credentials()
    {
        var same = $"""
            <settings><servers><server><id>{ReleaseId}</id><username> {UserName} </username><password>secret</password></server></servers></settings>
            """;
        var basePath = WriteBase(same);

        var result = await MavenSettingsWriter.WriteAsync(Target, [Release("secret")], MavenBaseSettings.Load(basePath));

        Assert.Empty(result.ReplacedBaseServers);
        Assert.Single(Read(Target).Root!.Element("servers")!.Elements("server"));
    }

    [Fact]
    public async Task Should_Refuse_A_Base_Profile_Named_Like_Ours_Unless_Overwrite()
    {
        var basePath = WriteBase("<settings><profiles><profile><id>codeartifact</id><properties><mine>1</mine></properties></profile></profiles></settings>");

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath)));
        Assert.Equal(ErrorCodes.BaseSettingsConflict, error.Code);
        Assert.Contains("<profile>", error.Message, StringComparison.Ordinal);

        await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath), overwrite: true);
        var profile = Assert.Single(Read(Target).Root!.Element("profiles")!.Elements("profile"));
        Assert.Null(profile.Element("properties"));
        Assert.NotNull(profile.Element("repositories"));
    }

    [Theory]
    [InlineData("http://maven.apache.org/SETTINGS/1.0.0")]
    [InlineData("http://maven.apache.org/SETTINGS/1.1.0")]
    [InlineData("http://maven.apache.org/SETTINGS/1.2.0")]
    [InlineData("")]
    public async Task Should_Write_Our_Elements_In_The_Base_Namespace(string ns)
    {
        var basePath = WriteBase(Corporate(ns));

        await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath));

        XNamespace expected = ns;
        var root = Read(Target).Root!;
        Assert.Equal(expected + "settings", root.Name);
        Assert.All(root.Descendants(), e => Assert.Equal(expected, e.Name.Namespace));
        Assert.Contains(root.Element(expected + "servers")!.Elements(expected + "server"), s => s.Element(expected + "id")!.Value == ReleaseId);
        Assert.DoesNotContain("xmlns=\"\"", await File.ReadAllTextAsync(Target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Add_Missing_Sections_To_A_Minimal_Base()
    {
        var basePath = WriteBase("<settings>\n  <localRepository>/cache</localRepository>\n</settings>\n");

        await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath));

        var root = Read(Target).Root!;
        Assert.Equal("/cache", root.Element("localRepository")!.Value);
        Assert.Equal(ReleaseId, root.Element("servers")!.Element("server")!.Element("id")!.Value);
        Assert.Equal(MavenSettingsWriter.ProfileId, root.Element("activeProfiles")!.Element("activeProfile")!.Value);
        Assert.Contains("\n    <server>\n      <id>", await File.ReadAllTextAsync(Target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Keep_A_Base_Profile_Active_By_Default_Active()
    {
        // Maven activates an activeByDefault profile only while no other is active: listing ours would switch it off.
        var basePath = WriteBase("<settings><profiles><profile><id>corp</id><activation><activeByDefault>true</activeByDefault></activation></profile></profiles></settings>");

        await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath));

        Assert.Equal(["corp", MavenSettingsWriter.ProfileId], Read(Target).Root!.Element("activeProfiles")!.Elements("activeProfile").Select(a => a.Value));
    }

    [Fact]
    public async Task Should_Keep_The_Base_Line_Ends()
    {
        var basePath = WriteBase(Corporate().Replace("\n", "\r\n", StringComparison.Ordinal));

        await MavenSettingsWriter.WriteAsync(Target, [Release()], MavenBaseSettings.Load(basePath));

        var written = await File.ReadAllTextAsync(Target);
        Assert.Contains("\r\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", written.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.xml", null)]
    [InlineData("broken.xml", "<settings><servers></settings>")]
    [InlineData("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>")]
    [InlineData("dtd.xml", "<!DOCTYPE settings [<!ENTITY x \"y\">]><settings>&x;</settings>")]
    public void Should_Refuse_A_Base_That_Is_Not_A_Readable_Settings_File(string name, string? content)
    {
        var path = content is null ? Path.Combine(_folder, name) : WriteBase(content, name);

        var error = Assert.Throws<CodeArtifactException>(() => MavenBaseSettings.Load(path));

        Assert.Equal(ErrorCodes.BaseSettingsFileInvalid, error.Code);
        Assert.Equal("BaseSettingsFile", error.ParameterName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Quote_The_Base_Content_If_It_Is_Malformed()
    {
        var path = WriteBase("<settings><servers><server><password>hunter2&oops;</password></server></servers></settings>");

        var error = Assert.Throws<CodeArtifactException>(() => MavenBaseSettings.Load(path));

        Assert.DoesNotContain("oops", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Should_Refuse_To_Write_Over_The_Base_Itself()
    {
        var basePath = WriteBase(Corporate());
        var before = await File.ReadAllBytesAsync(basePath);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(basePath, [Release()], MavenBaseSettings.Load(basePath), overwrite: true));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("SettingsFile", error.ParameterName);
        Assert.Equal(before, await File.ReadAllBytesAsync(basePath));
    }

    [Fact]
    public async Task Should_Refuse_To_Write_Through_A_Link_To_The_Base()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need a privilege there
        }

        var basePath = WriteBase(Corporate());
        var link = Path.Combine(_folder, "link.xml");
        File.CreateSymbolicLink(link, basePath);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(link, [Release()], MavenBaseSettings.Load(basePath), overwrite: true));

        Assert.Equal("SettingsFile", error.ParameterName);
        Assert.Equal(Corporate(), await File.ReadAllTextAsync(basePath));
    }
}
