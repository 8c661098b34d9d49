using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Emulator;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Integration;

/// <summary>One in-memory emulator on a free loopback port for the job integration tests.</summary>
public sealed class JobsEmulatorFixture : EmulatorFixtureBase
{

    /// <summary>A client signing with the dev user's AK/SK, as a build would use it.</summary>
    public CodeArtifactClient CreateClient() => new(new CodeArtifactClientOptions
    {
        Endpoint = Server.Endpoint,
        IamEndpoint = Server.Endpoint,
        TenantId = Server.Identity.TenantId,
        ProjectId = Server.Identity.ProjectId,
        Credentials = new AccessKeyCredentials(Server.Identity.AccessKey, new Secret(Server.Identity.SecretKey)),
    });
}

/// <summary>The jobs end to end: real HTTP, AK/SK signing and the emulator's own answers. Each test uses its own repositories.</summary>
public sealed class JobsEmulatorTests(JobsEmulatorFixture emulator) : IClassFixture<JobsEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-it-").FullName;
    private readonly List<CodeArtifactLogEvent> _log = [];

    private EmulatorServer Server => emulator.Server;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Log(CodeArtifactLogEvent e)
    {
        lock (_log)
        {
            _log.Add(e);
        }
    }

    [Fact]
    public async Task Cleanup_Dry_Run_Then_Real_Run_Then_Restore()
    {
        // Given a generic repository with old and new builds
        var repository = Server.Seed.CreateRepository("generic").Id;
        var now = DateTimeOffset.UtcNow;
        Server.Seed.PutFiles(repository,
        [
            ("/builds/1.0/app.zip", Encoding.UTF8.GetBytes("one"), now.AddDays(-90)),
            ("/builds/1.1/app.zip", Encoding.UTF8.GetBytes("one.one"), now.AddDays(-60)),
            ("/builds/1.2/app.zip", Encoding.UTF8.GetBytes("one.two"), now.AddDays(-1)),
            ("/builds/nightly/a.zip", Encoding.UTF8.GetBytes("a"), now.AddDays(-50)),
            ("/builds/nightly/b.zip", Encoding.UTF8.GetBytes("bb"), now.AddDays(-40)),
            ("/builds/nightly/keep.txt", Encoding.UTF8.GetBytes("k"), now.AddDays(-400)),
            ("/other/old.zip", Encoding.UTF8.GetBytes("o"), now.AddDays(-400)),
        ]);
        using var client = emulator.CreateClient();
        var options = new CleanupOptions { Repository = repository, RootPath = "/builds", Include = ["**/*.zip"], KeepLatest = 1, OlderThanDays = 30 };

        // When: a dry run, then the real run
        var dry = await new CleanupJob(client, Log).RunAsync(options with { DryRun = true });
        var real = await new CleanupJob(client, Log).RunAsync(options);

        // Then the dry run changed nothing and listed exactly what the real run deleted
        string[] expected = ["/builds/nightly/a.zip"];
        Assert.Equal(expected, dry.Candidates.Select(c => c.Path));
        Assert.Equal(expected, real.Deleted.Select(d => d.Path));
        Assert.Equal(1, real.BytesFreed);
        Assert.Null(Server.Seed.FindFile(repository, "/builds/nightly/a.zip"));
        Assert.NotNull(Server.Seed.FindFile(repository, "/builds/nightly/b.zip"));
        Assert.NotNull(Server.Seed.FindFile(repository, "/other/old.zip"));

        // And the JSON report lists what to restore, and restoring it brings the file back
        var report = Path.Combine(_folder, "cleanup.json");
        await JobReport.WriteJsonAsync(report, real);
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var paths = document.RootElement.GetProperty("results").GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToArray();
        var restore = await new RestoreJob(client, Log).RunAsync(new RestoreOptions { Repository = repository, Paths = paths });
        Assert.Equal(expected, restore.Restored);
        Assert.Empty(restore.Failed);
        Assert.NotNull(Server.Seed.FindFile(repository, "/builds/nightly/a.zip"));
    }

    [Fact]
    public async Task Cleanup_Refuses_Too_Many_Deletions_Without_Deleting()
    {
        var repository = Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-10);
        Server.Seed.PutFiles(repository, Enumerable.Range(0, 5).Select(i => ($"/d/{i}.bin", new byte[] { (byte)i }, old)));
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new CleanupJob(client).RunAsync(new CleanupOptions { Repository = repository, MaxDeletions = 4 }));

        Assert.Equal(ErrorCodes.TooManyDeletions, error.Code);
        Assert.All(Enumerable.Range(0, 5), i => Assert.NotNull(Server.Seed.FindFile(repository, $"/d/{i}.bin")));
    }

    [Fact]
    public async Task Cleanup_Refuses_A_Maven_Repository_Before_Any_Request()
    {
        var (release, _) = Server.Seed.CreateMavenRepository("cleanup-maven-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = emulator.CreateClient();
        var before = Server.RequestLog.Count;

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new CleanupJob(client).RunAsync(new CleanupOptions { Repository = release.Id }));

        Assert.Equal(ErrorCodes.MavenRepositoryRefused, error.Code);
        Assert.Equal(before, Server.RequestLog.Count);
    }

    [Fact]
    public async Task Checksums_Verified_Mismatch_Missing_And_Unreadable()
    {
        // Given two published files
        var repository = Server.Seed.CreateRepository("generic").Id;
        var published = Server.Seed.PutFile(repository, "/pkg/app.zip", Encoding.UTF8.GetBytes("the real bytes"));
        Server.Seed.PutFile(repository, "/pkg/lib.zip", Encoding.UTF8.GetBytes("published lib"));
        var app = Path.Combine(_folder, "app.zip");
        var lib = Path.Combine(_folder, "lib.zip");
        var extra = Path.Combine(_folder, "extra.zip");
        await File.WriteAllTextAsync(app, "the real bytes");
        await File.WriteAllTextAsync(lib, "different lib"); // as long as the published one, so the digests decide
        await File.WriteAllTextAsync(extra, "never published");
        using var client = emulator.CreateClient();

        // When
        var result = await new ChecksumVerificationJob(client, Log).RunAsync(new ChecksumVerificationOptions
        {
            Repository = repository,
            Files =
            [
                new VerifyFileRequest(app, "/pkg/app.zip"),
                new VerifyFileRequest(lib, "/pkg/lib.zip"),
                new VerifyFileRequest(extra, "/pkg/extra.zip"),
                new VerifyFileRequest(Path.Combine(_folder, "gone.zip"), "/pkg/app.zip"),
            ],
        });

        // Then
        Assert.Equal(
            [VerificationStatus.Verified, VerificationStatus.Mismatch, VerificationStatus.MissingRemotely, VerificationStatus.UnreadableLocally],
            result.Files.Select(f => f.Status));
        Assert.Equal("SHA256", result.Files[0].Algorithm);
        Assert.Equal(published.Sha256, result.Files[0].RemoteHash);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("the real bytes"))).ToLowerInvariant(), result.Files[0].LocalHash);
        Assert.NotEqual(result.Files[1].LocalHash, result.Files[1].RemoteHash);
    }

    [Fact]
    public async Task Release_Versions_Over_Several_Pages()
    {
        // Given 230 versions of a release file with a unique name
        var name = "it" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 230; i++)
        {
            Server.Seed.AddReleaseFile(name, $"1.{i}.0");
        }

        Server.Seed.AddReleaseFile(name, "2.0.0-rc.1");
        using var client = emulator.CreateClient();

        // When
        var result = await new ReleaseVersionsJob(client, Log).RunAsync(new ReleaseVersionsOptions { FileName = name });

        // Then
        Assert.Equal(231, result.Versions.Count);
        Assert.Equal(231, result.TotalRecords);
        Assert.True(result.Complete);
        Assert.Equal("1.0.0", result.Versions[0].Version);
        Assert.Equal("2.0.0-rc.1", result.Versions[^1].Version);
        Assert.Equal("1.229.0", result.Latest!.Version);
        Assert.Contains("1.229.0", result.Latest.DownloadUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(_log, e => e.Severity == LogSeverity.Warning);
    }

    [Fact]
    public async Task Maven_Credentials_Into_Settings_Xml()
    {
        // Given a Maven repository
        var (release, snapshot) = Server.Seed.CreateMavenRepository("it-maven-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = emulator.CreateClient();
        var settingsFile = Path.Combine(_folder, "settings.xml");

        // When
        var result = await new MavenCredentialsJob(client, Log).RunAsync(new MavenCredentialsOptions
        {
            RepositoryIds = [release.Id, snapshot.Id],
            SettingsFile = settingsFile,
        });

        // Then both repositories with the repository account, written to settings.xml
        Assert.Equal(new[] { release.Id, snapshot.Id }.Order(), result.Repositories.Select(r => r.Id).Order());
        Assert.All(result.Repositories, r => Assert.Equal(Server.RepositoryPassword(), r.Password.Reveal()));
        Assert.All(result.Repositories, r => Assert.Equal(Server.Identity.RepositoryUserName, r.UserName));
        XNamespace ns = "http://maven.apache.org/SETTINGS/1.0.0";
        var servers = XDocument.Load(settingsFile).Descendants(ns + "server").ToArray();
        Assert.Equal(2, servers.Length);
        Assert.All(servers, s => Assert.Equal(Server.RepositoryPassword(), s.Element(ns + "password")!.Value));
        Assert.DoesNotContain(Server.RepositoryPassword(), JobReport.ToJson(result), StringComparison.Ordinal);
    }
}
