using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Reliability;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>
/// Publish against an emulator that fails 30 % of requests (429 with Retry-After, 503, dropped
/// connections, and uploads stored whose answer is then lost; uploads included) and delays all of
/// them by 50 ms: every file ends in the repository with the local bytes, and the result counts it
/// once.
/// </summary>
/// <remarks>
/// A PUT whose answer was lost was stored; the job cannot know, so it sends the same bytes to the
/// same path again. The repository then holds the same content, and the result is built from the
/// final answers, not from attempts: one upload per file.
/// </remarks>
public sealed class PublishFaultToleranceTests(FaultyEmulatorFixture fixture) : IClassFixture<FaultyEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-publish-faults-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose()
    {
        fixture.Calm();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_File_Is_Uploaded_Exactly_Once_Under_Faults_And_The_Report_Is_Exact()
    {
        // Given 60 files (empty, small and a few MiB) and the account's Maven repository
        Server.Seed.CreateMavenRepository("faults-maven-" + Guid.NewGuid().ToString("N")[..8]);
        var repository = Server.Seed.CreateRepository("generic").Id;
        var root = PublishTestFiles.UniqueRoot("faults");
        var files = Enumerable.Range(0, 60)
            .Select(i => PublishTestFiles.Write(_folder, $"p{i:D2}.bin", $"{root}/{i % 4}/p{i:D2}.bin", i switch { 0 => 0, < 4 => (3L << 20) + i, _ => 500 + (i * 97) }, seed: 500 + i))
            .ToList();
        var options = new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests(files) };
        using var client = fixture.CreateClient();
        var mark = Server.RequestLog.Count;

        // When it publishes under faults
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 606);
        var result = await new PublishJob(client).RunAsync(options);
        fixture.Calm();

        // Then every file was uploaded and verified, and the result counts each once
        Assert.Empty(result.Failed);
        Assert.Equal(60, result.Uploaded.Count);
        Assert.All(result.Files, f => Assert.True(f.Verified));
        Assert.Equal(files.Sum(f => f.Size), result.BytesUploaded);

        // And the emulator stored each path exactly once (one successful PUT), with the local bytes
        var requests = fixture.RequestsSince(mark);
        Assert.Contains(requests, e => e.Method == "PUT" && e.Fault is not null);
        var puts = requests.Where(e => e.Method == "PUT" && FaultNames.WasHandled(e.Fault) && e.Status == 201).GroupBy(e => e.Path).ToList();
        Assert.Equal(60, puts.Count);

        // A path stored more than once was stored again only after an answer was lost: the same bytes, resent
        Assert.All(puts, g => Assert.Equal(1 + g.Count(e => e.Fault == FaultNames.LostAnswer), g.Count()));
        Assert.All(files, f => Assert.Equal(f.Sha256, Server.Seed.FindFile(repository, f.RemotePath)?.Sha256));

        // When it publishes again under faults
        var again = Server.RequestLog.Count;
        Server.Faults = FaultProfiles.ThirtyPercent(seed: 607);
        var second = await new PublishJob(client).RunAsync(options);
        fixture.Calm();

        // Then nothing is uploaded and all 60 are unchanged
        Assert.Equal(60, second.Unchanged.Count);
        Assert.DoesNotContain(fixture.RequestsSince(again), e => e.Method == "PUT" && e.Status == 201);
    }
}
