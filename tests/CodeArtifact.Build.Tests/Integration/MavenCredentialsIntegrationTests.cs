using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// The secrets rule end to end: with the secrets in the environment as a CI system gives them and
/// MSBuild at its most talkative (-v:diag, -bl), no secret reaches the console or the binary log;
/// the Maven passwords reach the settings.xml and nothing else; a secret given as a property is
/// refused before any request.
/// </summary>
[Collection(SecondPackageCollection.Name)]
public sealed class MavenCredentialsIntegrationTests(PackageFixture package)
{
    private static readonly XNamespace Maven = "http://maven.apache.org/SETTINGS/1.0.0";

    [Fact]
    public async Task Should_Write_Settings_With_Exact_Passwords_And_Leak_No_Secret_At_Diagnostic_Verbosity()
    {
        // Given Maven repositories, temporary AK/SK with a security token of a user whose repository
        // password holds <&>"', and the other secret variables set too, as a CI system might
        var emulator = package.Emulator;
        var (release, snapshot) = emulator.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var temporary = emulator.CreateTemporaryCredentials(identity: emulator.Identity with { UserId = EmulatorFixture.SpecialUserId });
        var consumer = new ConsumerProject(package, "maven", """
              <PropertyGroup>
                <CodeArtifactMavenSettingsFile>.m2/settings.xml</CodeArtifactMavenSettingsFile>
              </PropertyGroup>
              <Target Name="PrintRepositories" AfterTargets="CodeArtifactResolveMavenCredentials">
                <Message Importance="high" Text="REPOSITORIES=[@(CodeArtifactMavenRepository)] USERS=[@(CodeArtifactMavenRepository->'%(UserName)')] SETTINGS=[$(CodeArtifactMavenSettingsFile)]" />
              </Target>
            """);
        consumer.Environment["HUAWEICLOUD_SDK_AK"] = temporary.AccessKey;
        consumer.Environment["HUAWEICLOUD_SDK_SK"] = temporary.SecretKey;
        consumer.Environment["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = temporary.SecurityToken;
        consumer.Environment["CODEARTIFACT_PASSWORD"] = "Iam-Passw0rd-Not-For-Logs-7f3a";
        consumer.Environment["CODEARTIFACT_AUTH_TOKEN"] = "Auth-Token-Not-For-Logs-9c1e";
        var binaryLog = consumer.PathOf("maven.binlog");

        // When
        var result = await consumer.BuildAsync("-t:CodeArtifactResolveMavenCredentials", "-v:diag", $"-bl:{binaryLog}");

        // Then the settings file parses and carries every repository with its user name and exact password
        Assert.True(result.Succeeded, result.ToString());
        var settingsFile = consumer.PathOf(".m2/settings.xml");
        Assert.Equal(settingsFile, ConsumerProject.Printed(result, "SETTINGS"));
        var printedIds = ConsumerProject.Printed(result, "REPOSITORIES").Split(';');
        var printedUsers = ConsumerProject.Printed(result, "USERS").Split(';');
        Assert.Contains(release.Id, printedIds);
        Assert.Contains(snapshot.Id, printedIds);
        var servers = XDocument.Load(settingsFile).Descendants(Maven + "server").ToList();
        Assert.Equal(printedIds.Order(StringComparer.Ordinal), servers.Select(s => (string)s.Element(Maven + "id")!).Order(StringComparer.Ordinal));
        for (var i = 0; i < printedIds.Length; i++)
        {
            var server = servers.Single(s => (string)s.Element(Maven + "id")! == printedIds[i]);
            Assert.Equal(printedUsers[i], (string)server.Element(Maven + "username")!);
            Assert.Equal(EmulatorFixture.SpecialRepositoryPassword, (string)server.Element(Maven + "password")!);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settingsFile));
        }

        // and no secret is in the console log or the binary log, as UTF-8 or UTF-16
        var secrets = new[]
        {
            temporary.SecretKey, temporary.SecurityToken, EmulatorFixture.SpecialRepositoryPassword,
            consumer.Environment["CODEARTIFACT_PASSWORD"], consumer.Environment["CODEARTIFACT_AUTH_TOKEN"],
        };
        var binaryLogBytes = Decompress(binaryLog);
        Assert.True(binaryLogBytes.Length > 10_000, "The binary log looks empty.");
        Assert.True(Contains(binaryLogBytes, Encoding.UTF8.GetBytes("ResolveCodeArtifactMavenCredentials")), "The binary log does not record the task.");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Output, StringComparison.Ordinal);
            Assert.False(Contains(binaryLogBytes, Encoding.UTF8.GetBytes(secret)), $"A secret is in the binary log (UTF-8): {secret[..4]}…");
            Assert.False(Contains(binaryLogBytes, Encoding.Unicode.GetBytes(secret)), $"A secret is in the binary log (UTF-16): {secret[..4]}…");
        }

        // And when an input changes but the settings do not (so settings.xml keeps its old time),
        // it runs once, and after that sends nothing while still giving the repositories
        var changed = await consumer.BuildAsync("-t:CodeArtifactResolveMavenCredentials", "-p:CodeArtifactReportDirectory=reports");
        Assert.True(changed.Succeeded, changed.ToString());
        Assert.True(File.Exists(consumer.PathOf("reports/maven-credentials.json")));
        var mark = emulator.RequestLog.Count;
        var again = await consumer.BuildAsync("-t:CodeArtifactResolveMavenCredentials", "-p:CodeArtifactReportDirectory=reports");
        Assert.True(again.Succeeded, again.ToString());
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));
        Assert.Equal(printedIds, ConsumerProject.Printed(again, "REPOSITORIES").Split(';'));

        // And when settings.xml is deleted, it is written again
        File.Delete(settingsFile);
        var rewritten = await consumer.BuildAsync("-t:CodeArtifactResolveMavenCredentials", "-p:CodeArtifactReportDirectory=reports");
        Assert.True(rewritten.Succeeded, rewritten.ToString());
        Assert.True(File.Exists(settingsFile));
    }

    [Theory]
    [InlineData("CodeArtifactSecretKey", "HUAWEICLOUD_SDK_SK")]
    [InlineData("CodeArtifactPassword", "CODEARTIFACT_PASSWORD")]
    public async Task Should_Refuse_A_Secret_Given_As_A_Property_Before_Any_Request(string property, string variable)
    {
        // Given
        var consumer = new ConsumerProject(package, "secret-property-" + property, """
              <PropertyGroup>
                <CodeArtifactMavenSettingsFile>.m2/settings.xml</CodeArtifactMavenSettingsFile>
              </PropertyGroup>
            """);
        var mark = package.Emulator.RequestLog.Count;

        // When
        var result = await consumer.BuildAsync("-t:CodeArtifactResolveMavenCredentials", $"-p:{property}=Given-The-Wrong-Way-1");

        // Then it explains the environment route
        Assert.False(result.Succeeded, result.ToString());
        Assert.Equal(["CART0006"], ConsumerProject.ErrorCodes(result));
        Assert.Contains(variable, result.Output, StringComparison.Ordinal);
        Assert.Empty(package.Emulator.RequestLog.Snapshot().Skip(mark));
        Assert.False(File.Exists(consumer.PathOf(".m2/settings.xml")));
    }

    private static byte[] Decompress(string binaryLog)
    {
        using var file = File.OpenRead(binaryLog);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
