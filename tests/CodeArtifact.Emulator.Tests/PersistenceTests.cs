using System.Net;
using System.Security.Cryptography;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>A data folder survives restarts: metadata, bodies, the recycle bin and reset passwords; the seed applies once.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ca-emu-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Keep_Files_Checksums_And_The_Recycle_Bin_Across_A_Restart()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        string repoId;
        string password;
        await using (var first = await EmulatorServer.StartAsync(new EmulatorOptions { DataDirectory = _data }))
        {
            var client = SignedClient.For(first);
            var repo = first.Seed.CreateRepository("generic");
            repoId = repo.Id;
            var put = new HttpRequestMessage(HttpMethod.Put, repo.Url + "keep/me.bin") { Content = new ByteArrayContent(bytes) };
            put.Headers.Authorization = client.RepositoryBasic();
            using (var response = await client.Http.SendAsync(put))
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            first.Seed.PutFile(repo.Id, "/trash/old.bin", [9]);
            first.Seed.DeleteFile(repo.Id, "/trash/old.bin");
            var (status, _) = await client.JsonAsync(HttpMethod.Post, "/cloudartifact/v5/maven/users/me");
            Assert.Equal(200, status);
            password = first.RepositoryPassword();
        }

        await using var second = await EmulatorServer.StartAsync(new EmulatorOptions { DataDirectory = _data });
        var again = SignedClient.For(second);
        var (detailStatus, detail) = await again.JsonAsync(HttpMethod.Get, $"{again.V5Prefix()}/{repoId}/file-detail?path=/keep/me.bin&format=generic");
        Assert.Equal(200, detailStatus);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), (string?)detail!["result"]!["checksums"]!["sha256"]);
        Assert.StartsWith(second.Endpoint.ToString().TrimEnd('/'), (string?)detail["result"]!["downloadUri"]);

        var get = new HttpRequestMessage(HttpMethod.Get, (string)detail["result"]!["downloadUri"]!);
        get.Headers.Authorization = again.RepositoryBasic();
        using var download = await again.Http.SendAsync(get);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var (_, bin) = await again.JsonAsync(HttpMethod.Get, $"{again.V5Prefix()}/{repoId}/file-tree?path=/&is_recycle_bin=true");
        Assert.Equal("trash", (string?)bin!["result"]!["children"]![0]!["name"]);
        Assert.Equal(password, second.RepositoryPassword());
        Assert.NotEqual(second.Identity.RepositoryPassword, password);
    }

    [Fact]
    public async Task Should_Apply_The_Seed_Data_Only_When_The_Data_Folder_Is_New()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "seed.demo.json");
        await using (var first = await EmulatorServer.StartAsync(new EmulatorOptions { DataDirectory = _data, SeedFile = seed }))
        {
            Assert.True(first.SeedApplied);
            first.Seed.DeleteFile("cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3", "/docs/readme.txt");
        }

        await using var second = await EmulatorServer.StartAsync(new EmulatorOptions { DataDirectory = _data, SeedFile = seed });
        Assert.False(second.SeedApplied);
        Assert.Null(second.Seed.FindFile("cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3", "/docs/readme.txt"));
        Assert.NotNull(second.Seed.FindFile("cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3", "/app/1.0.0/app-1.0.0.zip"));
    }
}
