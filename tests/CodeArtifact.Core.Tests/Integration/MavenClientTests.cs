using System.Text;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Integration;

/// <summary>
/// A real Maven client against the emulator, with the settings file the job merged into a base:
/// strict checksums (<c>-C</c>), a version range and <c>LATEST</c>, answered from generated
/// metadata of seeded artifacts. Maven resolves parent and import POMs while it reads the project,
/// so <c>validate</c> needs no plugin and the test needs no network beyond loopback. Skipped, with
/// its reason, where no <c>mvn</c> is installed.
/// </summary>
public sealed class MavenClientTests(JobsEmulatorFixture emulator) : IClassFixture<JobsEmulatorFixture>, IDisposable
{
    // Maven's own default (3.8.1+) global mirror: 127.0.0.1 is not "external", so it lets the emulator through.
    private const string GlobalSettings = """
        <settings>
          <mirrors>
            <mirror>
              <id>maven-default-http-blocker</id>
              <mirrorOf>external:http:*</mirrorOf>
              <url>http://0.0.0.0/</url>
              <blocked>true</blocked>
            </mirror>
          </mirrors>
        </settings>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-mvn-").FullName;

    private EmulatorServer Server => emulator.Server;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task Maven_Resolves_A_Range_And_Latest_With_Strict_Checksums_From_Seeded_Artifacts()
    {
        var mvn = FindOnPath("mvn");
        Skip.If(mvn is null, "mvn is not installed (apt-get install maven): the real-Maven check of the emulator and the merged settings did not run.");

        // Given seeded releases, out of text order, with no checksum file and no metadata stored
        var (release, _) = Server.Seed.CreateMavenRepository("mvn-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var version in new[] { "1.0", "1.10", "1.2" })
        {
            Server.Seed.PutFile(release.Id, $"com/example/parent/{version}/parent-{version}.pom", Pom("parent", version));
        }

        foreach (var version in new[] { "2.0", "2.0.10", "2.0.9" })
        {
            Server.Seed.PutFile(release.Id, $"com/example/bom/{version}/bom-{version}.pom", Pom("bom", version));
        }

        // And a user's base settings with a local repository and a corporate mirror that excludes ours (anything else goes nowhere)
        var localRepository = Path.Combine(_folder, "m2");
        var basePath = await WriteAsync("base-settings.xml", $"""
            <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
              <localRepository>{localRepository}</localRepository>
              <mirrors>
                <mirror>
                  <id>corp</id>
                  <url>http://127.0.0.1:9/</url>
                  <mirrorOf>*,!{release.Id}</mirrorOf>
                </mirror>
              </mirrors>
            </settings>
            """);
        var globalPath = await WriteAsync("global-settings.xml", GlobalSettings);
        await WriteAsync("pom.xml", $"""
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent><groupId>com.example</groupId><artifactId>parent</artifactId><version>[1.0,2.0)</version><relativePath/></parent>
              <artifactId>consumer</artifactId>
              <version>0.1</version>
              <packaging>pom</packaging>
              <dependencyManagement>
                <dependencies>
                  <dependency><groupId>com.example</groupId><artifactId>bom</artifactId><version>LATEST</version><type>pom</type><scope>import</scope></dependency>
                </dependencies>
              </dependencyManagement>
            </project>
            """);

        // When the job writes the merged settings and Maven runs with them
        var settingsPath = Path.Combine(_folder, "settings.xml");
        using (var client = emulator.CreateClient())
        {
            var result = await new MavenCredentialsJob(client).RunAsync(new MavenCredentialsOptions
            {
                RepositoryIds = [release.Id],
                SettingsFile = settingsPath,
                BaseSettingsFile = basePath,
            });
            Assert.Empty(result.Problems); // the mirror excludes ours: no CART0206
        }

        var mark = Server.RequestLog.Snapshot().Count;
        var run = await ChildProcess.RunAsync(
            mvn!, ["-B", "-C", "-s", settingsPath, "-gs", globalPath, "validate"], _folder, environment: [KeyValuePair.Create("MAVEN_OPTS", (string?)null)], TimeSpan.FromMinutes(3));

        // Then it succeeds, having picked 1.10 and 2.0.10 in Maven's order, checksums verified
        Assert.True(run.ExitCode == 0, run.Output);
        var answered = Server.RequestLog.Snapshot().Skip(mark).Where(r => r.Status == 200).Select(r => r.Path).ToList();
        Assert.Contains(answered, p => p.EndsWith("/com/example/parent/maven-metadata.xml.sha1", StringComparison.Ordinal));
        Assert.Contains(answered, p => p.EndsWith("/com/example/parent/1.10/parent-1.10.pom.sha1", StringComparison.Ordinal));
        Assert.Contains(answered, p => p.EndsWith("/com/example/bom/2.0.10/bom-2.0.10.pom", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(localRepository, "com", "example", "parent", "1.10", "parent-1.10.pom")), run.Output);
        Assert.DoesNotContain("Checksum validation failed", run.Output, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static byte[] Pom(string artifactId, string version) => Encoding.UTF8.GetBytes($"""
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>{artifactId}</artifactId>
          <version>{version}</version>
          <packaging>pom</packaging>
        </project>
        """);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
