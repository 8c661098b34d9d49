using System.Text;
using System.Xml.Linq;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// Every job against an emulator that fails 30 % of requests (429 with Retry-After, 503, dropped
/// connections, answers lost after the work was done) and delays all of them by 50 ms: each
/// completes with the same result as on a calm network, and the emulator's own log shows that
/// nothing was done twice.
/// </summary>
public sealed class FaultToleranceTests(FaultyEmulatorFixture fixture) : IClassFixture<FaultyEmulatorFixture>, IDisposable
{
    private const string DeletePath = "/cloudartifact/v5/file";
    private const string TrashPath = "/cloudartifact/v5/trashes";

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-faults-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose()
    {
        fixture.Calm();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Checksum_Verdicts_Are_Unchanged_Under_Faults()
    {
        // Given files that are published as they are, published with other bytes, or not published
        var repository = Server.Seed.CreateRepository("generic").Id;
        var files = new List<VerifyFileRequest>();
        for (var i = 0; i < 24; i++)
        {
            var local = Path.Combine(_folder, $"f{i}.bin");
            var bytes = Encoding.UTF8.GetBytes($"content of file {i}");
            await File.WriteAllBytesAsync(local, bytes);
            switch (i % 4)
            {
                case 0 or 1: Server.Seed.PutFile(repository, $"/pkg/f{i}.bin", bytes); break;
                case 2: Server.Seed.PutFile(repository, $"/pkg/f{i}.bin", Encoding.UTF8.GetBytes($"other bytes {i}")); break;
            }

            files.Add(new VerifyFileRequest(local, $"/pkg/f{i}.bin"));
        }

        files.Add(new VerifyFileRequest(Path.Combine(_folder, "never-built.bin"), "/pkg/f0.bin"));
        var options = new ChecksumVerificationOptions { Repository = repository, Files = files };
        using var client = fixture.CreateClient();
        var calm = await new ChecksumVerificationJob(client).RunAsync(options);

        // When the same verification runs under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 101);
        var mark = Server.RequestLog.Count;
        var faulty = await new ChecksumVerificationJob(client).RunAsync(options);
        fixture.Calm();

        // Then every verdict is the one of the calm run
        Assert.Equal((12, 6, 6, 1), (calm.Verified, calm.Mismatched, calm.Missing, calm.Failed));
        Assert.Equal(Verdicts(calm), Verdicts(faulty));
        Assert.Contains(fixture.RequestsSince(mark), e => e.Fault is not null);
    }

    [Fact]
    public async Task Every_Release_Version_Comes_Back_Once_Under_Faults()
    {
        // Given 450 releases and a pre-release of a file, five pages
        var name = "rel" + Guid.NewGuid().ToString("N")[..12];
        for (var i = 0; i < 450; i++)
        {
            Server.Seed.AddReleaseFile(name, $"3.{i}.0");
        }

        Server.Seed.AddReleaseFile(name, "4.0.0-beta.1");
        using var client = fixture.CreateClient();
        var options = new ReleaseVersionsOptions { FileName = name };
        var calm = await new ReleaseVersionsJob(client).RunAsync(options);

        // When the lookup runs three times under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 202);
        var mark = Server.RequestLog.Count;
        var runs = new List<ReleaseVersionsResult>();
        var events = new EventLog();
        for (var run = 0; run < 3; run++)
        {
            runs.Add(await new ReleaseVersionsJob(client, events.Add).RunAsync(options));
        }

        fixture.Calm();

        // Then each run returns every version exactly once, in the calm run's order
        Assert.Equal(451, calm.Versions.Count);
        Assert.All(runs, run =>
        {
            Assert.Equal(calm.Versions, run.Versions);
            Assert.Equal(451, run.Versions.DistinctBy(v => (v.Version, v.Path)).Count());
            Assert.Equal(451, run.TotalRecords);
            Assert.True(run.Complete);
            Assert.Equal("3.449.0", run.Latest?.Version);
        });
        Assert.Empty(events.Warnings(ErrorCodes.IncompletePaging));
        Assert.Contains(fixture.RequestsSince(mark), e => e.Fault is not null);
    }

    [Fact]
    public async Task Cleanup_Deletes_Exactly_The_Candidates_Once_And_Restore_Brings_Them_Back_Under_Faults()
    {
        // Given six build folders, each with three obsolete builds among files the policy keeps
        var (repository, all) = SeedBuildFolders();
        var options = new CleanupOptions
        {
            Repository = repository,
            RootPath = "/ci",
            Include = ["**/*.zip"],
            Protect = ["**/release-*.zip"],
            KeepLatest = 2,
            OlderThanDays = 10,
        };
        using var client = fixture.CreateClient();
        var calmDryRun = await new CleanupJob(client).RunAsync(options with { DryRun = true });

        // When a dry run and then the real run go through faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 303);
        var faultyDryRun = await new CleanupJob(client).RunAsync(options with { DryRun = true });
        var mark = Server.RequestLog.Count;
        var cleanup = await new CleanupJob(client).RunAsync(options);
        fixture.Calm();
        var requests = fixture.RequestsSince(mark);

        // Then the real run deleted exactly the dry run's candidates, each with one successful DELETE
        var candidates = calmDryRun.Candidates.Select(c => c.Path).ToArray();
        Assert.Equal(18, candidates.Length);
        Assert.Equal(candidates, faultyDryRun.Candidates.Select(c => c.Path));
        Assert.Equal(candidates, cleanup.Deleted.Select(d => d.Path));
        Assert.Empty(cleanup.Failed);
        Assert.False(cleanup.Cancelled);
        // (a delete whose answer was lost was handled with 200; its retry was answered 404)
        var deletes = requests.Where(e => e.Method == "DELETE" && e.Path == DeletePath).ToList();
        Assert.Equal(candidates.Length, deletes.Count(e => FaultNames.WasHandled(e.Fault) && e.Status == 200));
        Assert.All(deletes.Where(e => e.Fault is null && e.Status != 200), e => Assert.Equal(404, e.Status));
        Assert.Equal(deletes.Count(e => e.Fault == FaultNames.LostAnswer && e.Status == 200), cleanup.Deleted.Count(d => d.Note is not null));
        Assert.Contains(deletes, e => e.Fault is not null);
        Assert.All(candidates, path => Assert.Null(Server.Seed.FindFile(repository, path)));
        Assert.All(all.Except(candidates), path => Assert.NotNull(Server.Seed.FindFile(repository, path)));

        // And when the report's deleted paths are restored, in batches, under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 304);
        mark = Server.RequestLog.Count;
        var restore = await new RestoreJob(client).RunAsync(new RestoreOptions { Repository = repository, Paths = candidates, BatchSize = 5 });
        fixture.Calm();

        // Then every file is back, and each batch was handled once, plus once more after each lost answer
        Assert.Equal(candidates, restore.Restored);
        Assert.Empty(restore.Failed);
        Assert.All(all, path => Assert.NotNull(Server.Seed.FindFile(repository, path)));
        var restores = fixture.RequestsSince(mark).Where(e => e.Method == "PUT" && e.Path == TrashPath).ToList();
        Assert.Equal(4 + restores.Count(e => e.Fault == FaultNames.LostAnswer), restores.Count(e => FaultNames.WasHandled(e.Fault) && e.Status == 200));
        Assert.DoesNotContain(restores, e => FaultNames.WasHandled(e.Fault) && e.Status != 200);
    }

    [Fact]
    public async Task Maven_Credentials_Are_Complete_Under_Faults()
    {
        // Given three Maven repositories (a release and a snapshot repository each)
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (release, snapshot) = Server.Seed.CreateMavenRepository($"faulty-maven-{i}-{Guid.NewGuid():N}"[..24]);
            ids.Add(release.Id);
            ids.Add(snapshot.Id);
        }

        using var client = fixture.CreateClient();
        var settingsFile = Path.Combine(_folder, "settings.xml");
        var options = new MavenCredentialsOptions { RepositoryIds = ids, SettingsFile = settingsFile, Overwrite = true };

        // When credentials are resolved ten times under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 404);
        var mark = Server.RequestLog.Count;
        var runs = new List<MavenCredentialsResult>();
        for (var run = 0; run < 10; run++)
        {
            runs.Add(await new MavenCredentialsJob(client).RunAsync(options));
        }

        fixture.Calm();

        // Then every run has every repository with its account, and settings.xml has them all
        Assert.All(runs, run =>
        {
            Assert.Equal(ids.Order(StringComparer.Ordinal), run.Repositories.Select(r => r.Id).Order(StringComparer.Ordinal));
            Assert.All(run.Repositories, r => Assert.Equal(Server.RepositoryPassword(), r.Password.Reveal()));
            Assert.All(run.Repositories, r => Assert.False(string.IsNullOrEmpty(r.Url)));
        });
        XNamespace ns = "http://maven.apache.org/SETTINGS/1.0.0";
        var servers = XDocument.Load(settingsFile).Descendants(ns + "server").ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), servers.Select(s => s.Element(ns + "id")!.Value).Order(StringComparer.Ordinal));
        Assert.All(servers, s => Assert.Equal(Server.RepositoryPassword(), s.Element(ns + "password")!.Value));
        Assert.Contains(fixture.RequestsSince(mark), e => e.Fault is not null);
    }

    private (string Repository, IReadOnlyList<string> Paths) SeedBuildFolders()
    {
        var repository = Server.Seed.CreateRepository("generic").Id;
        var now = DateTimeOffset.UtcNow;
        var files = new List<(string Path, byte[] Content, DateTimeOffset Modified)>();
        foreach (var group in new[] { "a", "b", "c" })
        {
            foreach (var branch in new[] { "main", "next" })
            {
                var folder = $"/ci/{group}/{branch}";
                foreach (var (build, days) in new[] { (1, 30), (2, 25), (3, 20), (4, 15), (5, 1) })
                {
                    files.Add(($"{folder}/build-{build}.zip", Encoding.UTF8.GetBytes($"{folder} build {build}"), now.AddDays(-days)));
                }

                files.Add(($"{folder}/release-1.zip", Encoding.UTF8.GetBytes("a release"), now.AddDays(-40)));
                files.Add(($"{folder}/notes.txt", Encoding.UTF8.GetBytes("notes"), now.AddDays(-50)));
            }
        }

        files.Add(("/other/build-0.zip", Encoding.UTF8.GetBytes("outside the root"), now.AddDays(-90)));
        Server.Seed.PutFiles(repository, files);
        return (repository, files.Select(f => f.Path).ToArray());
    }

    private static IEnumerable<(string, string, VerificationStatus, string?, string?, string?)> Verdicts(ChecksumVerificationResult result) =>
        result.Files.Select(f => (f.LocalPath, f.RemotePath, f.Status, f.Algorithm, f.LocalHash, f.RemoteHash));
}
