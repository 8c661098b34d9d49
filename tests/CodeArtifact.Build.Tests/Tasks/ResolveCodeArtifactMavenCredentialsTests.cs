using System.Xml.Linq;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class ResolveCodeArtifactMavenCredentialsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly XNamespace Maven = "http://maven.apache.org/SETTINGS/1.0.0";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Write_Every_Repository_With_Its_Exact_Password_Into_Settings_Only()
    {
        // Given Maven repositories, and a user whose password holds <&>"' and MSBuild's own specials
        var (release, snapshot) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = _temp.Combine("m2", "settings.xml") }, engine, emulator.SpecialEnvironment);

        // When
        var succeeded = task.Execute();

        // Then the file parses, and carries each repository with user name and the exact password
        Assert.True(succeeded, engine.Log);
        Assert.Equal(Path.GetFullPath(_temp.Combine("m2", "settings.xml")), task.SettingsFile);
        var settings = XDocument.Load(task.SettingsFile!);
        var servers = settings.Descendants(Maven + "server").ToDictionary(s => (string)s.Element(Maven + "id")!);
        foreach (var id in new[] { release.Id, snapshot.Id })
        {
            Assert.True(servers.ContainsKey(id), $"{id} is missing from settings.xml");
            Assert.Equal(EmulatorFixture.SpecialRepositoryPassword, (string)servers[id].Element(Maven + "password")!);
            Assert.False(string.IsNullOrEmpty((string?)servers[id].Element(Maven + "username")));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(task.SettingsFile!));
        }

        // and nowhere else: not in outputs, not in metadata, not in the log
        var repository = Assert.Single(task.Repositories, r => r.ItemSpec == release.Id);
        Assert.Equal(release.Url, repository.GetMetadata("Url"));
        Assert.Equal("release", repository.GetMetadata("Policy"));
        Assert.False(string.IsNullOrEmpty(repository.GetMetadata("UserName")));
        foreach (var item in task.Repositories)
        {
            Assert.DoesNotContain(item.MetadataNames.Cast<string>(), n => item.GetMetadata(n).Contains("p<&>", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("p<&>", engine.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_Only_The_Repositories_Asked_For()
    {
        // Given
        var (release, _) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { RepositoryIds = [release.Id] }, engine);

        // When
        var succeeded = task.Execute();

        // Then no settings file was asked for, so none is named
        Assert.True(succeeded, engine.Log);
        Assert.Equal(release.Id, Assert.Single(task.Repositories).ItemSpec);
        Assert.True(string.IsNullOrEmpty(task.SettingsFile));
    }

    [Fact]
    public void Should_Leave_A_Settings_File_It_Did_Not_Write_With_CART0201()
    {
        // Given someone's own settings.xml
        emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var own = _temp.WriteFile("settings.xml", "<settings><!-- mine --></settings>");
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = own }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        Assert.Equal("CART0201", Assert.Single(engine.Errors).Code);
        Assert.Equal("<settings><!-- mine --></settings>", File.ReadAllText(own));
    }

    [Fact]
    public void Should_Replace_A_Foreign_Settings_File_If_Told_To()
    {
        // Given
        emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var own = _temp.WriteFile("settings.xml", "<settings />");
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = own, Overwrite = true }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Contains("<server>", File.ReadAllText(own), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Merge_Into_A_Base_Settings_File_And_Leave_The_Base_As_It_Was()
    {
        // Given a user's settings with a local repository, a mirror that lets ours through, a proxy and another server
        var (release, snapshot) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var basePath = _temp.WriteFile("home/.m2/settings.xml", BaseSettings(release.Id, snapshot.Id, server: ("corp-nexus", "deployer", "{COQLCE6DU6GtcS5P=}")));
        var baseBytes = File.ReadAllBytes(basePath);
        var baseTime = File.GetLastWriteTimeUtc(basePath);
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = _temp.Combine("out", "settings.xml"), BaseSettingsFile = basePath, RepositoryIds = [release.Id, snapshot.Id] }, engine);

        // When
        var succeeded = task.Execute();

        // Then every base element is kept, byte for byte where it is a secret, and our servers are added
        Assert.True(succeeded, engine.Log);
        var settings = XDocument.Load(task.SettingsFile!);
        Assert.Equal("/cache/m2", (string?)settings.Root!.Element(Maven + "localRepository"));
        Assert.Equal("corp", (string?)settings.Descendants(Maven + "mirror").Single().Element(Maven + "id"));
        Assert.Equal("proxy.corp.example", (string?)settings.Descendants(Maven + "proxy").Single().Element(Maven + "host"));
        var servers = settings.Descendants(Maven + "server").ToDictionary(s => (string)s.Element(Maven + "id")!);
        Assert.Equal("{COQLCE6DU6GtcS5P=}", (string?)servers["corp-nexus"].Element(Maven + "password"));
        Assert.True(servers.ContainsKey(release.Id) && servers.ContainsKey(snapshot.Id), engine.Log);
        Assert.Equal(baseBytes, File.ReadAllBytes(basePath));
        Assert.Equal(baseTime, File.GetLastWriteTimeUtc(basePath));
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.High && m.Message!.Contains($"(merged from {basePath})", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Warn_Once_With_CART0206_If_A_Base_Mirror_Catches_Our_Repositories()
    {
        // Given a base whose corporate mirror takes every repository
        var (release, snapshot) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var basePath = _temp.WriteFile("base.xml", BaseSettings(release.Id, snapshot.Id, server: ("corp-nexus", "deployer", "secret")).Replace($"*,!{release.Id},!{snapshot.Id}", "*", StringComparison.Ordinal));
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = _temp.Combine("settings.xml"), BaseSettingsFile = basePath, RepositoryIds = [release.Id, snapshot.Id] }, engine);

        // When
        var succeeded = task.Execute();

        // Then the file is written, and one warning names the mirror, both ids and the way to let them through
        Assert.True(succeeded, engine.Log);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("CART0206", warning.Code);
        Assert.Contains("\"corp\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains(release.Id, warning.Message, StringComparison.Ordinal);
        Assert.Contains($"*,!{release.Id},!{snapshot.Id}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Base_Server_With_One_Of_Our_Ids_And_Other_Credentials_Unless_Told_To_Replace_It()
    {
        // Given a base settings file whose server has our release id and someone else's account
        var (release, snapshot) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var basePath = _temp.WriteFile("base.xml", BaseSettings(release.Id, snapshot.Id, server: (release.Id, "someone-else", "other-password")));
        var target = _temp.Combine("settings.xml");
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = target, BaseSettingsFile = basePath, RepositoryIds = [release.Id, snapshot.Id], PropertyNames = ["Overwrite=CodeArtifactMavenOverwriteSettings"] }, engine);

        // When
        var succeeded = task.Execute();

        // Then nothing is written, and the error names the server, the base and the way out
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0205", error.Code);
        Assert.Contains(release.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(basePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("CodeArtifactMavenOverwriteSettings", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other-password", engine.Log, StringComparison.Ordinal);
        Assert.False(File.Exists(target));

        // And when told to overwrite, the base's server is replaced by the repository's account in the written file only
        var overwriteEngine = new MockEngine();
        var overwrite = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = target, BaseSettingsFile = basePath, RepositoryIds = [release.Id, snapshot.Id], Overwrite = true }, overwriteEngine);
        Assert.True(overwrite.Execute(), overwriteEngine.Log);
        var server = XDocument.Load(target).Descendants(Maven + "server").Single(s => (string?)s.Element(Maven + "id") == release.Id);
        Assert.Equal(emulator.Server.RepositoryPassword(), (string?)server.Element(Maven + "password"));
        Assert.Contains("other-password", File.ReadAllText(basePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Base_Settings_File_That_Does_Not_Exist_Before_Any_Request()
    {
        // Given
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var missing = _temp.Combine("no-such", "settings.xml");
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = _temp.Combine("settings.xml"), BaseSettingsFile = missing, PropertyNames = ["BaseSettingsFile=CodeArtifactMavenBaseSettingsFile"] }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0204", error.Code);
        Assert.Contains("CodeArtifactMavenBaseSettingsFile", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    [Fact]
    public void Should_Warn_With_CART0202_If_No_Repository_Matches()
    {
        // Given an id that does not exist
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { RepositoryIds = ["cn-north-4_nobody_maven_1_99"] }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal("CART0202", Assert.Single(engine.Warnings).Code);
        Assert.Empty(task.Repositories);
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Policy_Before_Any_Request()
    {
        // Given
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { Policy = "nightly" }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains("Policy", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    /// <summary>A user's settings: a local repository, a corporate mirror of everything but our two repositories, a proxy, one server.</summary>
    private static string BaseSettings(string releaseId, string snapshotId, (string Id, string User, string Password) server) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
          <localRepository>/cache/m2</localRepository>
          <mirrors>
            <mirror>
              <id>corp</id>
              <mirrorOf>*,!{releaseId},!{snapshotId}</mirrorOf>
              <url>https://nexus.corp.example/repository/public/</url>
            </mirror>
          </mirrors>
          <proxies>
            <proxy>
              <id>corp-proxy</id>
              <active>true</active>
              <protocol>https</protocol>
              <host>proxy.corp.example</host>
              <port>3128</port>
              <nonProxyHosts>localhost|127.0.0.1|*.corp.example</nonProxyHosts>
            </proxy>
          </proxies>
          <servers>
            <server>
              <id>{server.Id}</id>
              <username>{server.User}</username>
              <password>{server.Password}</password>
            </server>
          </servers>
        </settings>
        """;
}
