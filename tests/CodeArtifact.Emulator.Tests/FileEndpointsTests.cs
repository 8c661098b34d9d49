using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

public sealed class FileEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    public sealed class TheFileTreeOperation(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
    {
        private readonly SignedClient _client = SignedClient.For(fixture.Server);

        [Fact]
        public async Task Should_List_Folders_And_Files_With_The_Documented_Shapes_If_The_Folder_Exists()
        {
            // Given
            var repo = _client.Server.Seed.CreateRepository("generic");
            _client.Server.Seed.PutFile(repo.Id, "/app/1.0/app.zip", [1, 2, 3]);
            _client.Server.Seed.PutFile(repo.Id, "/readme.txt", Encoding.UTF8.GetBytes("hi"));

            // When
            var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-tree?path=/");

            // Then
            Assert.Equal(200, status);
            Assert.Equal("success", (string?)body!["status"]);
            Assert.Matches(@"^\d+-\d+-\d+$", (string?)body["trace_id"]);
            var result = body["result"]!;
            Assert.Equal(2, (int)result["total"]!);
            Assert.Equal("/" + repo.Id, (string?)result["uri"]);
            var children = result["children"]!.AsArray();
            var folder = children.Single(c => (string?)c!["name"] == "app")!;
            Assert.True((bool)folder["folder"]!);
            Assert.Equal("true", (string?)folder["has_child"]);
            Assert.Equal(repo.Id + "/app", (string?)folder["path"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string?)folder["modified"]);
            var file = children.Single(c => (string?)c!["name"] == "readme.txt")!;
            Assert.False((bool)file["folder"]!);
            Assert.Equal("false", (string?)file["has_child"]);
        }

        [Fact]
        public async Task Should_Answer_404_With_The_V5_Error_Body_If_The_Folder_Does_Not_Exist()
        {
            var repo = _client.Server.Seed.CreateRepository("generic");

            var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-tree?path=/missing");

            Assert.Equal(404, status);
            Assert.Equal("error", (string?)body!["status"]);
            Assert.NotNull((string?)body["error_code"]);
            Assert.NotNull((string?)body["error_msg"]);
            Assert.NotNull((string?)body["trace_id"]);
        }
    }

    public sealed class TheFileDetailOperation(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
    {
        private readonly SignedClient _client = SignedClient.For(fixture.Server);

        [Fact]
        public async Task Should_Report_Size_As_A_String_And_All_Four_Checksums_If_The_File_Exists()
        {
            var repo = _client.Server.Seed.CreateRepository("generic");
            var bytes = Encoding.UTF8.GetBytes("checksum me");
            _client.Server.Seed.PutFile(repo.Id, "/a/b.bin", bytes);

            var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?path=/a/b.bin&format=generic");

            Assert.Equal(200, status);
            var result = body!["result"]!;
            Assert.Equal("/a/b.bin", (string?)result["path"]);
            Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), result["size"]!.GetValue<string>());
            Assert.Equal(Hex(MD5.HashData(bytes)), (string?)result["checksums"]!["md5"]);
            Assert.Equal(Hex(SHA1.HashData(bytes)), (string?)result["checksums"]!["sha1"]);
            Assert.Equal(Hex(SHA256.HashData(bytes)), (string?)result["checksums"]!["sha256"]);
            Assert.Equal(Hex(SHA512.HashData(bytes)), (string?)result["checksums"]!["sha512"]);
            Assert.EndsWith($"/artgalaxy/{repo.Id}/a/b.bin", (string?)result["downloadUri"]);
        }

        [Fact]
        public async Task Should_Answer_400_If_The_Format_Is_Unknown()
        {
            var repo = _client.Server.Seed.CreateRepository("generic");

            var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?path=/x&format=zip");

            Assert.Equal(400, status);
            Assert.Contains("format", (string?)body!["error_msg"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_Move_A_File_To_The_Recycle_Bin_And_Restore_It_If_Deleted_Then_Restored()
    {
        // Given
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/dir/f.txt", [42]);

        // When: delete
        var (deleteStatus, deleteBody) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repo.Id}}/dir/f.txt"}""");

        // Then
        Assert.Equal(200, deleteStatus);
        Assert.Equal("delete file success!", (string?)deleteBody!["result"]);
        var (detailStatus, _) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?path=/dir/f.txt&format=generic");
        Assert.Equal(404, detailStatus);
        var (_, bin) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-tree?path=/&is_recycle_bin=true");
        var binChild = bin!["result"]!["children"]!.AsArray().Single()!;
        Assert.Equal("dir", (string?)binChild["name"]);
        Assert.Contains("/auto-trashcan/", (string?)binChild["uri"], StringComparison.Ordinal);

        // When: restore with the newer body
        var (restoreStatus, restoreBody) = await _client.JsonAsync(
            HttpMethod.Put, "/cloudartifact/v5/trashes", $$"""[{"id":"{{repo.Id}}","format":"generic","uri":"{{repo.Id}}/dir/f.txt","status":"active"}]""");

        // Then
        Assert.Equal(200, restoreStatus);
        Assert.Equal(1, (int)restoreBody!["result"]!["successNum"]!);
        Assert.Equal(0, (int)restoreBody["result"]!["failedNum"]!);
        var (afterStatus, _) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?path=/dir/f.txt&format=generic");
        Assert.Equal(200, afterStatus);
    }

    [Fact]
    public async Task Should_Purge_From_The_Recycle_Bin_If_Deleted_With_The_Old_Fomat_Spelling()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/x.bin", [1]);
        Assert.True(_client.Server.Seed.DeleteFile(repo.Id, "/x.bin"));

        var (status, body) = await _client.JsonAsync(
            HttpMethod.Delete, "/cloudartifact/v5/trashes", $$"""[{"id":"{{repo.Id}}","fomat":"generic","uri":"{{repo.Id}}/x.bin","status":"trash"}]""");

        Assert.Equal(200, status);
        Assert.Equal(1, (int)body!["result"]!["successNum"]!);
        var (_, bin) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-tree?path=/&is_recycle_bin=true");
        Assert.Empty(bin!["result"]!["children"]!.AsArray());
        var (_, restore) = await _client.JsonAsync(
            HttpMethod.Put, "/cloudartifact/v5/trashes", $$"""[{"id":"{{repo.Id}}","format":"generic","uri":"{{repo.Id}}/x.bin","status":"active"}]""");
        Assert.Equal(1, (int)restore!["result"]!["failedNum"]!);
        Assert.Single(restore["result"]!["failedMessages"]!.AsArray());
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
