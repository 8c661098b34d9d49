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
}
