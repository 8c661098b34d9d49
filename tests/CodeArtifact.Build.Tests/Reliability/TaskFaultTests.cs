using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Build.Tests.Reliability;

/// <summary>
/// Every task under 30 % faults and 50 ms latency, with the retries a pipeline on a flaky network
/// would set: each gives the outputs it gives on a calm network, and the emulator's log shows each
/// change made once.
/// </summary>
public sealed class TaskFaultTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _temp = new("cab-faults");

    public void Dispose()
    {
        emulator.Server.Faults = FaultOptions.None;
        _temp.Dispose();
    }

    [Fact]
    public void Verification_Outputs_Are_Unchanged_Under_Faults()
    {
        // Given files published as built, published with other bytes, and not published
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var items = new List<ITaskItem>();
        for (var i = 0; i < 12; i++)
        {
            var local = _temp.WriteFile($"out/f{i}.bin", $"file {i}");
            if (i % 3 == 0)
            {
                emulator.Server.Seed.PutFile(repository, $"/out/f{i}.bin", Encoding.UTF8.GetBytes($"file {i}"));
            }
            else if (i % 3 == 1)
            {
                emulator.Server.Seed.PutFile(repository, $"/out/f{i}.bin", Encoding.UTF8.GetBytes($"changed {i}"));
            }

            var item = new TaskItem(local);
            item.SetMetadata("RemotePath", $"/out/f{i}.bin");
            items.Add(item);
        }

        var calm = Verify(repository, items);

        // When
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 11);
        var mark = emulator.Server.RequestLog.Count;
        var faulty = Verify(repository, items);
        emulator.Server.Faults = FaultOptions.None;

        // Then
        Assert.Equal((4, 4, 4), (calm.Verified.Length, calm.Mismatched.Length, calm.Missing.Length));
        Assert.Equal(calm.Verified, faulty.Verified);
        Assert.Equal(calm.Mismatched, faulty.Mismatched);
        Assert.Equal(calm.Missing, faulty.Missing);
        Assert.Contains(emulator.RequestsSince(mark), e => e.Fault is not null);
    }

    [Fact]
    public void Every_Release_Version_Comes_Back_Once_Under_Faults()
    {
        // Given 250 versions: three pages
        var name = "tf" + Guid.NewGuid().ToString("N")[..12];
        for (var i = 0; i < 250; i++)
        {
            emulator.Server.Seed.AddReleaseFile(name, $"2.{i}.0");
        }

        var calm = Versions(name);

        // When
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 12);
        var mark = emulator.Server.RequestLog.Count;
        var faulty = Versions(name);
        emulator.Server.Faults = FaultOptions.None;

        // Then
        Assert.Equal(250, calm.Versions.Length);
        Assert.Equal(calm.Versions, faulty.Versions);
        Assert.Equal(250, faulty.Versions.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("2.249.0", faulty.Latest);
        Assert.Contains(emulator.RequestsSince(mark), e => e.Fault is not null);
    }

    [Fact]
    public void Cleanup_Deletes_Exactly_The_Dry_Run_Candidates_Once_And_Restore_Brings_Them_Back_Under_Faults()
    {
        // Given four folders with three obsolete builds each, among kept and protected files
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var now = DateTimeOffset.UtcNow;
        var files = new List<(string Path, byte[] Content, DateTimeOffset Modified)>();
        foreach (var folder in new[] { "/ci/a", "/ci/b", "/ci/c/x", "/ci/c/y" })
        {
            for (var build = 1; build <= 5; build++)
            {
                files.Add(($"{folder}/build-{build}.zip", Encoding.UTF8.GetBytes($"{folder}{build}"), now.AddDays(-40 + build)));
            }

            files.Add(($"{folder}/release.zip", Encoding.UTF8.GetBytes("release"), now.AddDays(-90)));
        }

        emulator.Server.Seed.PutFiles(repository, files);
        var dryEngine = new MockEngine();
        var dryRun = Cleanup(dryEngine, repository, dryRun: true);
        Assert.True(dryRun.Execute(), dryEngine.Log);
        var candidates = dryRun.Candidates.Select(c => c.ItemSpec).ToArray();

        // When the real run goes through faults
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 13);
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var real = Cleanup(engine, repository, dryRun: false);
        var succeeded = real.Execute();
        emulator.Server.Faults = FaultOptions.None;

        // Then it deleted exactly the candidates, each by one successful DELETE, and reported them
        Assert.True(succeeded, engine.Log);
        Assert.Equal(12, candidates.Length);
        Assert.Equal(candidates, real.DeletedFiles.Select(d => d.ItemSpec));
        var deletes = emulator.RequestsSince(mark).Where(e => e.Method == "DELETE").ToList();
        Assert.Equal(candidates.Length, deletes.Count(e => FaultNames.WasHandled(e.Fault) && e.Status == 200));
        Assert.All(deletes.Where(e => e.Fault is null && e.Status != 200), e => Assert.Equal(404, e.Status)); // the retry of a delete whose answer was lost
        Assert.Contains(emulator.RequestsSince(mark), e => e.Fault is not null);
        Assert.All(files.Select(f => f.Path), p => Assert.Equal(candidates.Contains(p), emulator.Server.Seed.FindFile(repository, p) is null));
        Assert.Contains(engine.Messages, m => m.Message!.StartsWith("CART0111: ", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Warnings, w => w.Code == "CART0111");
        using (var report = JsonDocument.Parse(File.ReadAllText(real.ReportFile!)))
        {
            Assert.Equal(candidates, report.RootElement.GetProperty("results").GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()));
        }

        // When the deleted files are restored through faults
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 14);
        var restoreEngine = new MockEngine();
        var restore = emulator.Connect(new RestoreCodeArtifactFiles { Repository = repository, Paths = candidates }, restoreEngine);
        restore.MaxRetries = Faults.MaxRetries;
        var restored = restore.Execute();
        emulator.Server.Faults = FaultOptions.None;

        // Then all are back
        Assert.True(restored, restoreEngine.Log);
        Assert.Equal(candidates, restore.RestoredFiles.Select(r => r.ItemSpec));
        Assert.All(files, f => Assert.NotNull(emulator.Server.Seed.FindFile(repository, f.Path)));
    }

    [Fact]
    public void Maven_Credentials_Are_Complete_Under_Faults()
    {
        // Given two Maven repositories
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (release, snapshot) = emulator.Server.Seed.CreateMavenRepository($"tfm{i}{Guid.NewGuid():N}"[..14]);
            ids.AddRange([release.Id, snapshot.Id]);
        }

        // When credentials are resolved five times under faults
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 15);
        var mark = emulator.Server.RequestLog.Count;
        for (var run = 0; run < 5; run++)
        {
            var engine = new MockEngine();
            var settings = _temp.Combine($"m2-{run}", "settings.xml");
            var task = emulator.Connect(new ResolveCodeArtifactMavenCredentials { RepositoryIds = [.. ids], SettingsFile = settings }, engine);
            task.MaxRetries = Faults.MaxRetries;

            // Then each run has every repository, and settings.xml every password
            Assert.True(task.Execute(), engine.Log);
            Assert.Equal(ids.Order(StringComparer.Ordinal), task.Repositories.Select(r => r.ItemSpec).Order(StringComparer.Ordinal));
            XNamespace maven = "http://maven.apache.org/SETTINGS/1.0.0";
            var servers = XDocument.Load(settings).Descendants(maven + "server").ToList();
            Assert.Equal(ids.Count, servers.Count);
            Assert.All(servers, s => Assert.Equal(emulator.Server.RepositoryPassword(), (string?)s.Element(maven + "password")));
        }

        emulator.Server.Faults = FaultOptions.None;
        Assert.Contains(emulator.RequestsSince(mark), e => e.Fault is not null);
    }

    private (string[] Verified, string[] Mismatched, string[] Missing) Verify(string repository, List<ITaskItem> items)
    {
        var engine = new MockEngine();
        var task = emulator.Connect(new VerifyCodeArtifactChecksums { Repository = repository, Files = [.. items], FailOnMismatch = false, FailOnMissing = false }, engine);
        task.MaxRetries = Faults.MaxRetries;
        Assert.True(task.Execute(), engine.Log);
        static string[] Specs(ITaskItem[] outputs) => outputs.Select(o => $"{o.ItemSpec}|{o.GetMetadata("Algorithm")}|{o.GetMetadata("LocalHash")}|{o.GetMetadata("RemoteHash")}").ToArray();
        return (Specs(task.VerifiedFiles), Specs(task.MismatchedFiles), Specs(task.MissingFiles));
    }

    private (string[] Versions, string? Latest) Versions(string name)
    {
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = name }, engine);
        task.MaxRetries = Faults.MaxRetries;
        Assert.True(task.Execute(), engine.Log);
        Assert.DoesNotContain(engine.Warnings, w => w.Code == "CART0402");
        return (task.Versions.Select(v => $"{v.ItemSpec}|{v.GetMetadata("Path")}|{v.GetMetadata("DownloadUrl")}").ToArray(), task.LatestVersion);
    }

    private DeleteObsoleteCodeArtifactFiles Cleanup(MockEngine engine, string repository, bool dryRun)
    {
        var task = emulator.Connect(
            new DeleteObsoleteCodeArtifactFiles
            {
                Repository = repository,
                RootPath = "/ci",
                Include = ["**/*.zip"],
                Protect = ["**/release.zip"],
                KeepLatest = "2",
                OlderThanDays = "7",
                DryRun = dryRun,
                ReportFile = _temp.Combine(dryRun ? "dry.json" : "cleanup.json"),
            },
            engine);
        task.MaxRetries = Faults.MaxRetries;
        return task;
    }
}
