using System.Xml.Linq;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// The Maven ready targets built in process against the emulator: a settings.xml merged from
/// CodeArtifactMavenBaseSettingsFile (and merged again when the base changes), and
/// CodeArtifactDeleteMavenSettings, which removes it after use and never runs by itself.
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class MavenTargetTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly XNamespace Maven = "http://maven.apache.org/SETTINGS/1.0.0";

    private readonly TempDirectory _folder = new("cab-maven-target");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_Merge_The_Base_Settings_File_Of_The_Property_And_Merge_Again_When_It_Changes()
    {
        // Given the project's repositories, and a team settings file beside the project (a relative path)
        var (release, _) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        using var project = EmulatorProjects.Create(emulator, _folder, string.Empty, new Dictionary<string, string>
        {
            ["CodeArtifactMavenRepositoryIds"] = release.Id,
            ["CodeArtifactMavenBaseSettingsFile"] = "team/settings.xml",
        });
        var basePath = WriteBase(project, "<localRepository>/cache/first</localRepository>");

        // When
        var (succeeded, instance, log) = project.Build("CodeArtifactResolveMavenCredentials");

        // Then the written file holds the base's elements and our server
        Assert.True(succeeded, log.Describe());
        var settingsFile = instance.GetPropertyValue("CodeArtifactMavenSettingsFile");
        Assert.Equal(basePath, instance.GetPropertyValue("CodeArtifactMavenBaseSettingsFile"));
        var settings = XDocument.Load(settingsFile);
        Assert.Equal("/cache/first", (string?)settings.Root!.Element(Maven + "localRepository"));
        Assert.Contains(settings.Descendants(Maven + "server"), s => (string?)s.Element(Maven + "id") == release.Id);
        Assert.Contains(settings.Descendants(Maven + "server"), s => (string?)s.Element(Maven + "id") == "team-nexus");

        // And when nothing changed, the next build sends no request
        var mark = emulator.Server.RequestLog.Count;
        var (unchanged, _, unchangedLog) = project.Build("CodeArtifactResolveMavenCredentials");
        Assert.True(unchanged, unchangedLog.Describe());
        Assert.Contains("_CodeArtifactResolveMavenCredentialsCore", unchangedLog.TargetsUpToDate);
        Assert.Empty(emulator.RequestsSince(mark));

        // And when the base is edited, the next build merges it again
        WriteBase(project, "<localRepository>/cache/second</localRepository>");
        File.SetLastWriteTime(basePath, DateTime.Now.AddMinutes(1));
        var (again, _, againLog) = project.Build("CodeArtifactResolveMavenCredentials");
        Assert.True(again, againLog.Describe());
        Assert.Contains("ResolveCodeArtifactMavenCredentials", againLog.TasksStarted);
        Assert.Equal("/cache/second", (string?)XDocument.Load(settingsFile).Root!.Element(Maven + "localRepository"));
    }

    [Fact]
    public void Should_Delete_The_Written_Settings_File_When_Asked_And_Not_Mind_If_It_Is_Gone()
    {
        // Given a settings.xml at the default place, written by the ready target
        var (release, _) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        using var project = EmulatorProjects.Create(emulator, _folder, string.Empty, new Dictionary<string, string> { ["CodeArtifactMavenRepositoryIds"] = release.Id });
        var (written, resolved, writeLog) = project.Build("CodeArtifactResolveMavenCredentials");
        Assert.True(written, writeLog.Describe());
        var settingsFile = resolved.GetPropertyValue("CodeArtifactMavenSettingsFile");
        Assert.True(File.Exists(settingsFile));
        var mark = emulator.Server.RequestLog.Count;

        // When
        var (deleted, instance, log) = project.Build("CodeArtifactDeleteMavenSettings");

        // Then the same file is gone, without a request
        Assert.True(deleted, log.Describe());
        Assert.False(File.Exists(settingsFile));
        Assert.Equal(settingsFile, instance.GetPropertyValue("CodeArtifactMavenSettingsFile"));
        Assert.Equal("true", instance.GetPropertyValue("CodeArtifactMavenSettingsDeleted"), ignoreCase: true);
        Assert.Contains(log.Messages, m => m == $"Deleted the Maven settings file {settingsFile} and the passwords it held.");
        Assert.Empty(emulator.RequestsSince(mark));

        // And a second delete step (a retried pipeline) succeeds with nothing to do
        var (twice, secondInstance, secondLog) = project.Build("CodeArtifactDeleteMavenSettings");
        Assert.True(twice, secondLog.Describe());
        Assert.Equal("false", secondInstance.GetPropertyValue("CodeArtifactMavenSettingsDeleted"), ignoreCase: true);
        Assert.Empty(secondLog.Warnings);

        // And the next resolve writes it again, since it is missing
        var (rewritten, _, rewriteLog) = project.Build("CodeArtifactResolveMavenCredentials");
        Assert.True(rewritten, rewriteLog.Describe());
        Assert.True(File.Exists(settingsFile));
    }

    [Fact]
    public void Should_Refuse_To_Delete_A_Settings_File_It_Did_Not_Write_Naming_The_Property()
    {
        // Given
        var own = _folder.WriteFile("own/settings.xml", "<settings><!-- mine --></settings>");
        using var project = EmulatorProjects.Create(emulator, _folder, string.Empty, new Dictionary<string, string> { ["CodeArtifactMavenSettingsFile"] = own });

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactDeleteMavenSettings");

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0209", error.Code);
        Assert.Contains("CodeArtifactMavenSettingsFile", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(own));
    }

    [Fact]
    public void Should_Never_Delete_In_A_Normal_Or_A_Design_Time_Build()
    {
        // Given a written settings file
        var (release, _) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        using var project = EmulatorProjects.Create(emulator, _folder, string.Empty, new Dictionary<string, string> { ["CodeArtifactMavenRepositoryIds"] = release.Id });
        var (built, instance, buildLog) = project.Build("CodeArtifactResolveMavenCredentials", "Build");
        Assert.True(built, buildLog.Describe());
        var settingsFile = instance.GetPropertyValue("CodeArtifactMavenSettingsFile");

        // When the delete target is asked for in a design-time build
        project.Set(("DesignTimeBuild", "true"));
        var (succeeded, _, log) = project.Build("CodeArtifactDeleteMavenSettings");

        // Then neither the build nor the design-time build deleted it
        Assert.True(succeeded, log.Describe());
        Assert.DoesNotContain("CodeArtifactDeleteMavenSettings", buildLog.TargetsRun);
        Assert.DoesNotContain("DeleteCodeArtifactMavenSettings", log.TasksStarted);
        Assert.True(File.Exists(settingsFile));
    }

    private static string WriteBase(TestProject project, string localRepository)
    {
        const string encrypted = "{COQLCE6DU6GtcS5P=}";
        var path = Path.Combine(project.Directory, "team", "settings.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
              {localRepository}
              <servers>
                <server><id>team-nexus</id><username>team</username><password>{encrypted}</password></server>
              </servers>
            </settings>
            """);
        return path;
    }
}
