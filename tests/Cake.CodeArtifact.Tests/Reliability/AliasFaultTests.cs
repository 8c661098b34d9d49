using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>
/// Every alias under 30 % faults (429 with Retry-After, 503, dropped connections) and 50 ms latency:
/// the same results as on a calm network, each change made once (counted by the emulator); and
/// faults that outlast the retries end in a coded CakeException, after the report of what was done.
/// </summary>
public sealed class AliasFaultTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    public void Dispose() => emulator.Server.Faults = FaultOptions.None;

    [Fact]
    public void Verification_Verdicts_Are_Unchanged_Under_Faults()
    {
        // Given files published as built, with other bytes, and not at all
        using var test = Context();
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var files = new Dictionary<FilePath, string>();
        for (var i = 0; i < 12; i++)
        {
            test.WriteLocalFile($"out/f{i}.bin", Encoding.UTF8.GetBytes($"file {i}"));
            if (i % 3 != 2)
            {
                emulator.Server.Seed.PutFile(repository, $"/out/f{i}.bin", Encoding.UTF8.GetBytes(i % 3 == 0 ? $"file {i}" : $"changed {i}"));
            }

            files[new FilePath($"out/f{i}.bin")] = $"/out/f{i}.bin";
        }

        var settings = new CodeArtifactVerifySettings(Retrying(test)) { Repository = repository, FailOnMismatch = false, FailOnMissing = false };
        var calm = test.Context.CodeArtifactVerifyChecksums(files, settings);

        // When
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 31);
        var mark = emulator.Server.RequestLog.Count;
        var faulty = test.Context.CodeArtifactVerifyChecksums(files, settings);
        emulator.Server.Faults = FaultOptions.None;

        // Then
        Assert.Equal((4, 4, 4), (calm.Verified, calm.Mismatched, calm.Missing));
        Assert.Equal(calm.Files.Select(Verdict), faulty.Files.Select(Verdict));
        Assert.Contains(emulator.Server.RequestLog.Snapshot().Skip(mark), e => e.Fault is not null);
    }

    [Fact]
    public void Every_Release_Version_Comes_Back_Once_Under_Faults()
    {
        // Given 250 versions: three pages
        using var test = Context();
        var name = "af" + Guid.NewGuid().ToString("N")[..12];
        for (var i = 0; i < 250; i++)
        {
            emulator.Server.Seed.AddReleaseFile(name, $"5.{i}.0");
        }

        var settings = new CodeArtifactReleaseVersionsSettings(Retrying(test));
        var calm = test.Context.CodeArtifactGetReleaseFileVersions(name, settings);

        // When
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 32);
        var mark = emulator.Server.RequestLog.Count;
        var faulty = test.Context.CodeArtifactGetReleaseFileVersions(name, settings);
        var latest = test.Context.CodeArtifactGetLatestReleaseFileVersion(name, settings);
        emulator.Server.Faults = FaultOptions.None;

        // Then
        Assert.Equal(250, calm.Count);
        Assert.Equal(calm, faulty);
        Assert.Equal(250, faulty.Distinct().Count());
        Assert.Equal("5.249.0", latest?.Version);
        Assert.Contains(emulator.Server.RequestLog.Snapshot().Skip(mark), e => e.Fault is not null);
    }

    [Fact]
    public void Cleanup_Deletes_Exactly_The_Dry_Run_Candidates_Once_And_Restore_Brings_Them_Back_Under_Faults()
    {
        // Given four folders, each with three obsolete builds among kept and protected files
        using var test = Context();
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
        var settings = new CodeArtifactCleanupSettings(Retrying(test))
        {
            Repository = repository, RootPath = "/ci", Include = ["**/*.zip"], Protect = ["**/release.zip"], KeepLatest = 2, OlderThanDays = 7, DryRun = true,
        };
        var candidates = test.Context.CodeArtifactDeleteObsoleteFiles(settings).Candidates.Select(c => c.Path).ToArray();

        // When the real run goes through faults
        settings.DryRun = false;
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 33);
        var mark = emulator.Server.RequestLog.Count;
        var cleanup = test.Context.CodeArtifactDeleteObsoleteFiles(settings);
        emulator.Server.Faults = FaultOptions.None;

        // Then exactly the candidates were deleted, each by one successful DELETE
        Assert.Equal(12, candidates.Length);
        Assert.Equal(candidates, cleanup.Deleted.Select(d => d.Path));
        var requests = emulator.Server.RequestLog.Snapshot().Skip(mark).ToList();
        var deletes = requests.Where(e => e.Method == "DELETE").ToList();
        Assert.Equal(candidates.Length, deletes.Count(e => FaultNames.WasHandled(e.Fault) && e.Status == 200));
        Assert.All(deletes.Where(e => e.Fault is null && e.Status != 200), e => Assert.Equal(404, e.Status)); // the retry of a delete whose answer was lost
        Assert.Contains(requests, e => e.Fault is not null);
        Assert.All(files, f => Assert.Equal(candidates.Contains(f.Path), emulator.Server.Seed.FindFile(repository, f.Path) is null));
        Assert.Contains(test.Log.Entries, e => e.Message.Contains(ErrorCodes.Retrying, StringComparison.Ordinal));

        // When they are restored through faults, then all are back
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 34);
        var restore = test.Context.CodeArtifactRestoreFiles(candidates, new CodeArtifactRestoreSettings(Retrying(test)) { Repository = repository });
        emulator.Server.Faults = FaultOptions.None;
        Assert.Equal(candidates, restore.Restored);
        Assert.All(files, f => Assert.NotNull(emulator.Server.Seed.FindFile(repository, f.Path)));
    }

    [Fact]
    public void Maven_Credentials_And_Settings_Xml_Are_Complete_Under_Faults()
    {
        // Given two Maven repositories
        using var test = Context();
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (release, snapshot) = emulator.Server.Seed.CreateMavenRepository($"afm{i}{Guid.NewGuid():N}"[..14]);
            ids.AddRange([release.Id, snapshot.Id]);
        }

        var settings = new CodeArtifactMavenCredentialsSettings(Retrying(test)) { RepositoryIds = ids, Overwrite = true };

        // When resolved and written three times each under faults
        emulator.Server.Faults = FaultProfiles.ThirtyPercent(seed: 36);
        var mark = emulator.Server.RequestLog.Count;
        for (var run = 0; run < 3; run++)
        {
            var repositories = test.Context.CodeArtifactResolveMavenCredentials(settings);
            var written = test.Context.CodeArtifactWriteMavenSettings(new FilePath($"m2-{run}/settings.xml"), settings);

            // Then every repository is there with its password, in the result and in the file
            Assert.Equal(ids.Order(StringComparer.Ordinal), repositories.Select(r => r.Id).Order(StringComparer.Ordinal));
            Assert.All(repositories, r => Assert.Equal(emulator.Server.RepositoryPassword(), r.Password.Reveal()));
            XNamespace maven = "http://maven.apache.org/SETTINGS/1.0.0";
            var servers = XDocument.Load(written.FullPath).Descendants(maven + "server").ToList();
            Assert.Equal(ids.Count, servers.Count);
        }

        emulator.Server.Faults = FaultOptions.None;
        Assert.Contains(emulator.Server.RequestLog.Snapshot().Skip(mark), e => e.Fault is not null);
    }

    [Fact]
    public void A_Cleanup_Whose_Deletes_Start_Failing_Throws_CART0504_After_Reporting_What_It_Deleted()
    {
        // Given eight obsolete files deleted one at a time, and a delete API that breaks down for good after the third
        using var test = Context();
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        var paths = Enumerable.Range(0, 8).Select(i => $"/nightly/n{i}.zip").ToArray();
        emulator.Server.Seed.PutFiles(repository, paths.Select(p => (p, Encoding.UTF8.GetBytes(p), old)));
        var deleted = 0;
        var log = new HookedLog(test.Log, message =>
        {
            if (message.StartsWith("Deleted /", StringComparison.Ordinal) && ++deleted == 3)
            {
                emulator.Server.Faults = new FaultOptions { Rate5xx = 1, PathPrefixes = ["/cloudartifact/v5/file"] };
            }
        });
        var context = new HookedContext(test.Context, log);
        var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = repository, MaxRetries = 1, MaxConcurrency = 1, ReportFile = "cleanup.json" };

        // When
        var exception = Record.Exception(() => context.CodeArtifactDeleteObsoleteFiles(settings));
        emulator.Server.Faults = FaultOptions.None;

        // Then a coded CakeException naming each file that failed and why
        var failure = Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.DeletionsFailed);
        Assert.Equal(5, failure.Cleanup!.Failed.Count);
        Assert.All(failure.Cleanup.Failed, f => Assert.Contains("Gave up after 2 attempts", f.Message, StringComparison.Ordinal));
        Assert.Contains("HTTP 503", failure.Message, StringComparison.Ordinal);

        // And the result and the report list the three files deleted before, which are gone
        Assert.Equal(3, failure.Cleanup.Deleted.Count);
        Assert.All(failure.Cleanup.Deleted, d => Assert.Null(emulator.Server.Seed.FindFile(repository, d.Path)));
        using var report = JsonDocument.Parse(File.ReadAllText(test.Context.PathOf("cleanup.json")));
        Assert.Equal(failure.Cleanup.Deleted.Select(d => d.Path), report.RootElement.GetProperty("results").GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("503", ErrorCodes.ServiceError)]
    [InlineData("drop", ErrorCodes.NetworkError)]
    public void A_Lookup_That_Keeps_Failing_Throws_A_Coded_CakeException(string fault, string code)
    {
        // Given a release API that always fails
        using var test = Context();
        emulator.Server.Faults = fault == "503"
            ? new FaultOptions { Rate5xx = 1, PathPrefixes = ["/v2/"] }
            : new FaultOptions { RateDrop = 1, PathPrefixes = ["/v2/"] };

        // When
        var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions("app.zip", new CodeArtifactReleaseVersionsSettings(test.Connection) { MaxRetries = 1 }));
        emulator.Server.Faults = FaultOptions.None;

        // Then
        var failure = Assertions.IsCodedCakeException<CodeArtifactServiceException>(exception, code);
        Assert.Contains("ShowProjectReleaseFiles", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 2 attempts", failure.Message, StringComparison.Ordinal);
    }

    private AliasTestContext Context() => new(emulator.Server);

    private static CodeArtifactSettings Retrying(AliasTestContext test) => new(test.Connection) { MaxRetries = Faults.MaxRetries };

    private static string Verdict(FileVerification f) => $"{f.LocalPath}|{f.Status}|{f.Algorithm}|{f.LocalHash}|{f.RemoteHash}";
}
