using System.Text;
using CodeArtifact.Build.Tests.Integration;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Reliability;

/// <summary>
/// `dotnet build` of a consumer that runs every job, at every verbosity, with a binary log, signed
/// in every way the product supports: no secret (SK, security token, IAM password, auth token,
/// Maven password, which is also the repository password publish uploads with) appears on the
/// console, in the binary log, in an error, or in a report.
/// </summary>
[Collection(SecondPackageCollection.Name)]
public sealed class BuildSecretTests(PackageFixture package)
{
    /// <summary>(verbosity, sign-in, succeeds): every verbosity once, and the most verbose one with every sign-in.</summary>
    private static readonly (string Verbosity, string SignIn, bool Succeeds)[] Builds =
    [
        ("q", "temporary AK/SK", true),
        ("m", "IAM password", true),
        ("n", "auth token", true),
        ("d", "AK/SK", true),
        ("diag", "temporary AK/SK", true),
        ("diag", "IAM password", true),
        ("diag", "auth token", true),
        ("diag", "AK/SK", true),
        ("diag", "wrong SK", false),
        ("diag", "wrong IAM password", false),
        ("diag", "wrong repository password", false),
    ];

    [Fact]
    public async Task No_Secret_Reaches_The_Console_The_Binary_Log_Or_A_Report_At_Any_Verbosity()
    {
        // Given a user with random secrets, a Maven repository, a release file, a published file and a repository to clean
        var emulator = package.Emulator;
        var user = LeakCheckUser.Create(emulator);
        var (maven, _) = emulator.Seed.CreateMavenRepository($"leak{Guid.NewGuid():N}"[..14]);
        var repository = emulator.Seed.CreateRepository("generic").Id;
        emulator.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("app bytes"));
        emulator.Seed.PutFile(repository, "/old/build.zip", Encoding.UTF8.GetBytes("old"), DateTimeOffset.UtcNow.AddDays(-90));
        var release = $"leak{Guid.NewGuid():N}"[..12];
        emulator.Seed.AddReleaseFile(release, "1.0.0");
        var consumer = new ConsumerProject(package, "secrets", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactMavenRepositoryIds>{maven.Id}</CodeArtifactMavenRepositoryIds>
                <CodeArtifactMavenSettingsFile>m2/$(CodeArtifactReportDirectory)/settings.xml</CodeArtifactMavenSettingsFile>
                <CodeArtifactReleaseFileName>{release}</CodeArtifactReleaseFileName>
                <CodeArtifactCleanupRootPath>/old</CodeArtifactCleanupRootPath>
                <CodeArtifactCleanupDryRun>true</CodeArtifactCleanupDryRun>
              </PropertyGroup>
              <ItemGroup>
                <CodeArtifactVerifyFile Include="dist/app.zip" RemotePath="/app/1.0/app.zip" />
                <CodeArtifactPublishFile Include="dist/app.zip" RemotePath="/pub/$(CodeArtifactReportDirectory)/app.zip" />
              </ItemGroup>
            """);
        Directory.CreateDirectory(consumer.PathOf("dist"));
        File.WriteAllText(consumer.PathOf("dist/app.zip"), "app bytes");
        var restore = await DotnetProcess.RunAsync(consumer.Directory, ["restore", consumer.ProjectFile, "-nodeReuse:false"], user.Environment("AK/SK"));
        Assert.True(restore.Succeeded, restore.ToString());

        foreach (var (verbosity, signIn, succeeds) in Builds)
        {
            // When it runs every job
            var run = $"{verbosity}-{signIn.Replace(' ', '-').Replace('/', '-')}";
            var binaryLog = consumer.PathOf($"logs/{run}.binlog");
            var result = await DotnetProcess.RunAsync(
                consumer.Directory,
                [
                    "build", consumer.ProjectFile, "--no-restore", "-nodeReuse:false", "-tl:off", $"-v:{verbosity}", $"-bl:{binaryLog}",
                    "-t:CodeArtifactResolveMavenCredentials;CodeArtifactGetReleaseFileVersions;CodeArtifactVerifyChecksums;CodeArtifactDeleteObsoleteFiles;CodeArtifactPublish",
                    $"-p:CodeArtifactReportDirectory=reports/{run}", "-p:CodeArtifactMaxRetries=0",
                ],
                Environment(user, signIn));

            // Then it did what it should, and no secret is anywhere
            Assert.True(result.Succeeded == succeeds, $"{run}: {result}");
            Expected.NoCrash(result.Output);
            Assert.Empty(user.FoundIn(result.Output));
            var log = LeakCheckUser.Decompress(binaryLog);
            Assert.True(LeakCheckUser.Contains(log, Encoding.UTF8.GetBytes(repository)), $"{run}: the binary log does not even hold the repository id; the search proves nothing.");
            Assert.Empty(user.FoundIn(log));
            var reports = Directory.Exists(consumer.PathOf($"reports/{run}")) ? Directory.GetFiles(consumer.PathOf($"reports/{run}")) : [];
            Assert.True(!succeeds || reports.Length >= 10, $"{run}: reports {string.Join(", ", reports)}");
            Assert.All(reports, report => Assert.Empty(user.FoundIn(File.ReadAllBytes(report))));
            Assert.All(Directory.GetFiles(consumer.PathOf("obj"), "*", SearchOption.AllDirectories), file => Assert.Empty(user.FoundIn(File.ReadAllBytes(file))));
            if (succeeds)
            {
                // The one place the Maven password belongs, which also proves it was in play.
                Assert.Contains(user.Identity.RepositoryPassword, File.ReadAllText(consumer.PathOf($"m2/reports/{run}/settings.xml")), StringComparison.Ordinal);
            }
            else if (signIn == "wrong repository password")
            {
                // Every other job ran; the uploads were refused, and the publish report says so.
                Assert.Contains("CART0608", result.Output, StringComparison.Ordinal);
                Assert.Contains("\"outcome\": \"failed\"", File.ReadAllText(consumer.PathOf($"reports/{run}/publish.json")), StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("CART0102", result.Output, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// The environment of one sign-in; "wrong repository password" signs in with the AK/SK and
    /// gives publish a repository account whose password the repository refuses.
    /// </summary>
    private static Dictionary<string, string> Environment(LeakCheckUser user, string signIn)
    {
        if (signIn != "wrong repository password")
        {
            return user.Environment(signIn);
        }

        var environment = user.Environment("AK/SK");
        environment["CODEARTIFACT_REPOSITORY_USER"] = user.Identity.RepositoryUserName;
        environment["CODEARTIFACT_REPOSITORY_PASSWORD"] = user.WrongRepositoryPassword;
        return environment;
    }
}
