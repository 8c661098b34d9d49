using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Core.Tests.Reliability;
using CodeArtifact.Emulator;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>The publish job end to end against the emulator: real HTTP, AK/SK look-ups, basic-auth uploads.</summary>
public sealed class PublishJobTests(PublishEmulatorFixture fixture) : IClassFixture<PublishEmulatorFixture>, IDisposable
{
    private const long MiB = 1 << 20;

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-publish-").FullName;
    private readonly EventLog _log = new();

    private EmulatorServer Server => fixture.Server;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>200 sizes from 0 bytes to 64 MiB, mostly small so that the test stays fast.</summary>
    private static long SizeOf(int i) => i switch
    {
        0 => 0,
        1 => 1,
        2 => 64 * MiB,
        3 => 16 * MiB,
        4 => (8 * MiB) + 3,
        < 10 => MiB + i,
        _ => (i * 7919L) % 20_000,
    };

    [Fact]
    public async Task Publishes_200_Files_Verified_And_A_Second_Run_Uploads_Nothing()
    {
        // Given 200 local files and an empty generic repository
        var repository = Server.Seed.CreateRepository("generic").Id;
        var root = PublishTestFiles.UniqueRoot("many");
        var files = Enumerable.Range(0, 200)
            .Select(i => PublishTestFiles.Write(_folder, $"f{i:D3}.bin", $"{root}/{i % 10}/f{i:D3}.bin", SizeOf(i), seed: i))
            .ToList();
        var options = new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests(files) };
        using var client = fixture.CreateClient();
        var mark = Server.RequestLog.Count;

        // When
        var first = await new PublishJob(client, _log.Add).RunAsync(options);

        // Then every file is uploaded once and verified, and the emulator holds exactly the local bytes
        Assert.Empty(first.Failed);
        Assert.Equal(200, first.Uploaded.Count);
        Assert.All(first.Files, f => Assert.True(f.Verified));
        Assert.All(first.Files, f => Assert.True(f.Stored));
        Assert.Equal(files.Sum(f => f.Size), first.BytesUploaded);
        for (var i = 0; i < files.Count; i++)
        {
            var stored = Server.Seed.FindFile(repository, files[i].RemotePath);
            Assert.NotNull(stored);
            Assert.Equal(files[i].Sha256, stored.Sha256);
            Assert.Equal(files[i].Size, stored.Size);
            Assert.Equal(files[i].Sha256, first.Files[i].Sha256);
            Assert.Equal(files[i].RemotePath, first.Files[i].RemotePath);
            Assert.Contains(repository, first.Files[i].DownloadUri, StringComparison.Ordinal);
        }

        var puts = fixture.RequestsSince(mark).Where(e => e.Operation == PublishEmulatorFixture.UploadOperation && e.Method == "PUT").ToList();
        Assert.Equal(200, puts.Count(e => e.Status == 201));
        Assert.All(puts, e => Assert.Equal("basic", e.AuthKind));
        Assert.Empty(first.Problems);
        Assert.False(first.Cancelled);
        Assert.Contains("200 uploaded", first.Summary, StringComparison.Ordinal);

        // And progress came as info lines with files and bytes
        Assert.Contains(_log.All, e => e.Severity == LogSeverity.Info && e.Message.StartsWith("Uploaded ", StringComparison.Ordinal) && e.Message.Contains("/200 files, ", StringComparison.Ordinal));

        // And the reports say the same
        using (var report = JsonDocument.Parse(JobReport.ToJson(first)))
        {
            var results = report.RootElement.GetProperty("results");
            Assert.Equal("publish", report.RootElement.GetProperty("job").GetString());
            Assert.Equal("succeeded", report.RootElement.GetProperty("outcome").GetString());
            Assert.Equal(200, results.GetProperty("uploadedCount").GetInt32());
            Assert.Equal(first.BytesUploaded, results.GetProperty("bytesUploaded").GetInt64());
            Assert.All(results.GetProperty("files").EnumerateArray(), f => Assert.Equal("uploaded", f.GetProperty("status").GetString()));
        }

        Assert.Contains("### CodeArtifact publish — succeeded", JobReport.ToMarkdown(first), StringComparison.Ordinal);

        // When the same files are published again
        var again = Server.RequestLog.Count;
        var second = await new PublishJob(client, _log.Add).RunAsync(options);

        // Then nothing is uploaded: all 200 are reported unchanged
        Assert.Equal(200, second.Unchanged.Count);
        Assert.Empty(second.Uploaded);
        Assert.Equal(0, second.BytesUploaded);
        Assert.DoesNotContain(fixture.RequestsSince(again), e => e.Method == "PUT");
        Assert.All(second.Files, f => Assert.Equal(f.Sha256, f.RemoteSha256));
        Assert.Contains("200 unchanged", second.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Changed_File_Is_Refused_Without_Overwrite_And_Replaced_With_It()
    {
        // Given three published files, one of which then changes locally
        var repository = Server.Seed.CreateRepository("generic").Id;
        var root = PublishTestFiles.UniqueRoot("changed");
        var files = Enumerable.Range(0, 3).Select(i => PublishTestFiles.Write(_folder, $"c{i}.bin", $"{root}/c{i}.bin", 1000 + i, seed: 100 + i)).ToList();
        using var client = fixture.CreateClient();
        var options = new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests(files) };
        await new PublishJob(client).RunAsync(options);
        var published = files[1];
        var changed = PublishTestFiles.Change(published, seed: 999);

        // When it is published again without Overwrite
        var mark = Server.RequestLog.Count;
        var refused = await new PublishJob(client, _log.Add).RunAsync(options);

        // Then that file is refused with its code and left as it was; the others are unchanged
        Assert.Equal([PublishFileStatus.Unchanged, PublishFileStatus.Failed, PublishFileStatus.Unchanged], refused.Files.Select(f => f.Status));
        var failure = refused.Files[1];
        Assert.Equal(ErrorCodes.RemoteFileDiffers, failure.Code);
        Assert.Equal(published.Sha256, failure.RemoteSha256);
        Assert.Equal(changed.Sha256, failure.Sha256);
        Assert.True(failure.Replaced);
        Assert.False(failure.Stored);
        Assert.Contains("Overwrite", failure.Error, StringComparison.Ordinal);
        Assert.Equal(published.Sha256, Server.Seed.FindFile(repository, published.RemotePath)!.Sha256);
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Method == "PUT");
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((ProblemSeverity.Error, ErrorCodes.RemoteFileDiffers, changed.LocalPath), (problem.Severity, problem.Code, problem.Subject));

        // When a dry run with Overwrite lists what it would do
        var dryRun = await new PublishJob(client).RunAsync(options with { Overwrite = true, DryRun = true });

        // Then it would replace that one file, and sends no upload
        Assert.Equal([PublishFileStatus.Unchanged, PublishFileStatus.WouldUpload, PublishFileStatus.Unchanged], dryRun.Files.Select(f => f.Status));
        Assert.True(dryRun.Files[1].Replaced);
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Method == "PUT");
        Assert.Equal(published.Sha256, Server.Seed.FindFile(repository, published.RemotePath)!.Sha256);
        Assert.Contains("1 file would be uploaded", dryRun.Summary, StringComparison.Ordinal);

        // When it is published with Overwrite
        var replaced = await new PublishJob(client).RunAsync(options with { Overwrite = true });

        // Then it is replaced and verified, and the repository holds the new bytes
        var file = replaced.Files[1];
        Assert.Equal((PublishFileStatus.Uploaded, true, true), (file.Status, file.Replaced, file.Verified));
        Assert.Equal(changed.Sha256, Server.Seed.FindFile(repository, published.RemotePath)!.Sha256);
        Assert.Equal(2, replaced.Unchanged.Count);
        Assert.Equal(changed.Size, replaced.BytesUploaded);
    }

    [Fact]
    public async Task A_Dry_Run_Lists_New_Unchanged_And_Refused_Files_And_Uploads_Nothing()
    {
        var repository = Server.Seed.CreateRepository("generic").Id;
        var root = PublishTestFiles.UniqueRoot("dry");
        var same = PublishTestFiles.Write(_folder, "same.txt", root + "/same.txt", 10, seed: 1);
        var other = PublishTestFiles.Write(_folder, "other.txt", root + "/other.txt", 10, seed: 2);
        var fresh = PublishTestFiles.Write(_folder, "new.txt", root + "/new.txt", 10, seed: 3);
        Server.Seed.PutFile(repository, same.RemotePath, await File.ReadAllBytesAsync(same.LocalPath));
        Server.Seed.PutFile(repository, other.RemotePath, "something else"u8.ToArray());
        using var client = fixture.CreateClient();
        var mark = Server.RequestLog.Count;

        var result = await new PublishJob(client).RunAsync(new PublishOptions { Repository = repository, DryRun = true, Files = PublishTestFiles.Requests([same, other, fresh]) });

        Assert.True(result.DryRun);
        Assert.Equal([PublishFileStatus.Unchanged, PublishFileStatus.Failed, PublishFileStatus.WouldUpload], result.Files.Select(f => f.Status));
        Assert.Equal(ProblemSeverity.Warning, Assert.Single(result.Problems).Severity);
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Method == "PUT");
        Assert.Null(Server.Seed.FindFile(repository, fresh.RemotePath));
        var report = JsonDocument.Parse(JobReport.ToJson(result)).RootElement;
        Assert.Equal("succeeded", report.GetProperty("outcome").GetString());
        Assert.True(report.GetProperty("results").GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task Verify_False_Uploads_Without_Reading_The_Details_Again()
    {
        var repository = Server.Seed.CreateRepository("generic").Id;
        var files = Enumerable.Range(0, 4).Select(i => PublishTestFiles.Write(_folder, $"nv{i}.bin", $"/nv/{i}.bin", 100, seed: 40 + i)).ToList();
        using var client = fixture.CreateClient();
        var mark = Server.RequestLog.Count;

        var result = await new PublishJob(client).RunAsync(new PublishOptions { Repository = repository, Verify = false, Files = PublishTestFiles.Requests(files) });

        Assert.Equal(4, result.Uploaded.Count);
        Assert.All(result.Files, f => Assert.Null(f.Verified));
        Assert.All(result.Files, f => Assert.StartsWith(Server.Endpoint.GetLeftPart(UriPartial.Authority), f.DownloadUri, StringComparison.Ordinal));
        Assert.Equal(4, fixture.RequestsSince(mark).Count(e => e.Operation == "ListArtifactoryComponent"));
        Assert.All(files, f => Assert.Equal(f.Sha256, Server.Seed.FindFile(repository, f.RemotePath)!.Sha256));
    }

    [Fact]
    public async Task Files_Go_To_Their_Own_Repositories_And_Odd_Names_Survive()
    {
        var first = Server.Seed.CreateRepository("generic").Id;
        var second = Server.Seed.CreateRepository("generic").Id;
        var a = PublishTestFiles.Write(_folder, "a.txt", "/odd/name with space #1.txt", 5, seed: 5);
        var b = PublishTestFiles.Write(_folder, "b.txt", "odd/ünïcode%.txt", 6, seed: 6);
        using var client = fixture.CreateClient();

        var result = await new PublishJob(client).RunAsync(new PublishOptions
        {
            Repository = first,
            Files = [new PublishFileRequest(a.LocalPath, a.RemotePath), new PublishFileRequest(b.LocalPath, b.RemotePath, second)],
        });

        Assert.Equal(2, result.Uploaded.Count);
        Assert.Equal(a.Sha256, Server.Seed.FindFile(first, a.RemotePath)!.Sha256);
        Assert.Equal(b.Sha256, Server.Seed.FindFile(second, "/" + b.RemotePath)!.Sha256);
        Assert.Equal("/" + b.RemotePath, result.Files[1].RemotePath);
        Assert.Equal(second, result.Files[1].Repository);
    }

    [Fact]
    public async Task Nothing_To_Publish_Sends_Nothing()
    {
        using var client = fixture.CreateClient();
        var mark = Server.RequestLog.Count;

        var result = await new PublishJob(client).RunAsync(new PublishOptions { Repository = Server.Seed.CreateRepository("generic").Id });

        Assert.Empty(result.Files);
        Assert.Equal(mark, Server.RequestLog.Count);
        Assert.Equal("succeeded", JsonDocument.Parse(JobReport.ToJson(result)).RootElement.GetProperty("outcome").GetString());
    }
}
