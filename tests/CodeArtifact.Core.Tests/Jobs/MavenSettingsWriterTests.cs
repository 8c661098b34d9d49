using System.Xml.Linq;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class MavenSettingsWriterTests : IDisposable
{
    private static readonly XNamespace Ns = "http://maven.apache.org/SETTINGS/1.0.0";

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string SettingsPath => Path.Combine(_folder, "m2", "settings.xml");

    private static MavenRepositoryCredential Release(string password = "p@ss") => new(
        "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201",
        "testmaven-release",
        "https://devrepo.example.test/artgalaxy/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201/",
        "release",
        "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_user",
        new Secret(password));

    private static MavenRepositoryCredential Snapshot() => new(
        "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_2_201",
        "testmaven-snapshot",
        "https://devrepo.example.test/artgalaxy/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_2_201/",
        "snapshot",
        "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_user",
        new Secret("other"));

    [Fact]
    public async Task Should_Write_Servers_And_An_Active_Profile_With_Policies()
    {
        // When
        var result = await MavenSettingsWriter.WriteAsync(SettingsPath, [Release(), Snapshot()]);

        // Then
        Assert.True(result.Changed);
        Assert.Equal(Path.GetFullPath(SettingsPath), result.Path);
        var settings = XDocument.Load(SettingsPath).Root!;
        Assert.Equal(Ns + "settings", settings.Name);

        var servers = settings.Element(Ns + "servers")!.Elements(Ns + "server").ToArray();
        Assert.Equal(2, servers.Length);
        Assert.Equal(Release().Id, servers[0].Element(Ns + "id")!.Value);
        Assert.Equal(Release().UserName, servers[0].Element(Ns + "username")!.Value);
        Assert.Equal("p@ss", servers[0].Element(Ns + "password")!.Value);

        var profile = settings.Element(Ns + "profiles")!.Element(Ns + "profile")!;
        var profileId = profile.Element(Ns + "id")!.Value;
        Assert.Equal(profileId, settings.Element(Ns + "activeProfiles")!.Element(Ns + "activeProfile")!.Value);

        var repositories = profile.Element(Ns + "repositories")!.Elements(Ns + "repository").ToArray();
        Assert.Equal([Release().Id, Snapshot().Id], repositories.Select(r => r.Element(Ns + "id")!.Value));
        Assert.Equal(Release().Url, repositories[0].Element(Ns + "url")!.Value);
        Assert.Equal("true", repositories[0].Element(Ns + "releases")!.Element(Ns + "enabled")!.Value);
        Assert.Equal("false", repositories[0].Element(Ns + "snapshots")!.Element(Ns + "enabled")!.Value);
        Assert.Equal("false", repositories[1].Element(Ns + "releases")!.Element(Ns + "enabled")!.Value);
        Assert.Equal("true", repositories[1].Element(Ns + "snapshots")!.Element(Ns + "enabled")!.Value);
        Assert.Equal(2, profile.Element(Ns + "pluginRepositories")!.Elements(Ns + "pluginRepository").Count());
    }

    [Theory]
    [InlineData("<&>\"'")]
    [InlineData("]]><!--x-->")]
    [InlineData("a b\tc")]
    [InlineData("密码€𝄞")]
    public async Task Should_Round_Trip_Passwords_With_Xml_Characters(string password)
    {
        await MavenSettingsWriter.WriteAsync(SettingsPath, [Release(password)]);

        var read = XDocument.Load(SettingsPath).Root!.Element(Ns + "servers")!.Element(Ns + "server")!.Element(Ns + "password")!.Value;
        Assert.Equal(password, read);
    }

    [Fact]
    public void Should_Refuse_A_Character_Xml_Cannot_Hold_Without_Quoting_It()
    {
        var error = Assert.Throws<CodeArtifactException>(() => MavenSettingsWriter.Render([Release("bad\u0001secret")]));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Should_Create_The_File_With_Mode_0600_On_Unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }


        await MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SettingsPath));
    }

    [Fact]
    public async Task Should_Tighten_The_Mode_Of_An_Identical_File()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        await MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]);
        File.SetUnixFileMode(SettingsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]);

        Assert.False(result.Changed);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SettingsPath));
    }

    [Fact]
    public async Task Should_Not_Rewrite_If_Content_Is_Unchanged()
    {
        // Given a file written once
        await MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]);
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(SettingsPath, stamp);

        // When the same repositories are written again
        var result = await MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]);

        // Then nothing is written
        Assert.False(result.Changed);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(SettingsPath));

        // And a changed password is written
        var changed = await MavenSettingsWriter.WriteAsync(SettingsPath, [Release("new")]);
        Assert.True(changed.Changed);
        Assert.Contains("<password>new</password>", await File.ReadAllTextAsync(SettingsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_To_Overwrite_A_File_It_Did_Not_Write()
    {
        // Given a hand-written settings.xml
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        const string mine = "<settings><localRepository>/cache</localRepository></settings>";
        await File.WriteAllTextAsync(SettingsPath, mine);

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]));

        // Then CART0201 names the way out, and the file is untouched
        Assert.Equal(ErrorCodes.SettingsFileNotOurs, error.Code);
        Assert.Contains("Overwrite", error.Message, StringComparison.Ordinal);
        Assert.Equal(mine, await File.ReadAllTextAsync(SettingsPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(SettingsPath)!));
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<settings><!-- codeartifact-build:generated-settings --></settings>")] // the marker inside, not before the root
    public async Task Should_Treat_Files_Without_A_Leading_Marker_As_Not_Ours(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        await File.WriteAllTextAsync(SettingsPath, content);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]));

        Assert.Equal(ErrorCodes.SettingsFileNotOurs, error.Code);
    }

    [Fact]
    public async Task Should_Overwrite_A_Foreign_File_If_Told()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        await File.WriteAllTextAsync(SettingsPath, "<settings/>");

        var result = await MavenSettingsWriter.WriteAsync(SettingsPath, [Release()], overwrite: true);

        Assert.True(result.Changed);
        Assert.True(MavenSettingsWriter.IsOurs(await File.ReadAllBytesAsync(SettingsPath)));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(SettingsPath)!)); // no temporary file left
    }

    [Fact]
    public async Task Should_Fail_With_Our_Exception_If_The_Path_Cannot_Be_Written()
    {
        // Given a folder where the file should go
        Directory.CreateDirectory(SettingsPath);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => MavenSettingsWriter.WriteAsync(SettingsPath, [Release()]));

        Assert.Equal("SettingsFile", error.ParameterName);
        Assert.DoesNotContain("p@ss", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(SettingsPath)!));
    }

    [Fact]
    public void Should_Render_The_Same_Bytes_For_The_Same_Input()
    {
        var first = MavenSettingsWriter.Render([Release(), Snapshot()]);
        var second = MavenSettingsWriter.Render([Release(), Snapshot()]);

        Assert.Equal(first, second);
        Assert.True(MavenSettingsWriter.IsOurs(first));
        Assert.NotEqual(0xEF, first[0]); // no byte order mark
    }

    [Fact]
    public void Should_Enable_Both_Kinds_If_Policy_Is_Unknown()
    {
        var any = Release() with { Policy = null };
        var repository = XDocument.Parse(System.Text.Encoding.UTF8.GetString(MavenSettingsWriter.Render([any])))
            .Descendants(Ns + "repository").Single();

        Assert.Equal("true", repository.Element(Ns + "releases")!.Element(Ns + "enabled")!.Value);
        Assert.Equal("true", repository.Element(Ns + "snapshots")!.Element(Ns + "enabled")!.Value);
    }

    [Fact]
    public void Should_Redact_The_Password_In_The_Credential_Text()
    {
        Assert.DoesNotContain("p@ss", Release().ToString(), StringComparison.Ordinal);
    }
}
