using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>Uploads with the repository user, checksums against System.Security.Cryptography, downloads, search by checksum.</summary>
public sealed class UploadTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81_921)]
    [InlineData(5 * 1024 * 1024 + 7)]
    public async Task Should_Store_The_Body_And_Report_All_Four_Checksums_If_Uploaded_With_Basic_Auth(int size)
    {
        // Given
        var repo = _client.Server.Seed.CreateRepository("generic");
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);

        // When
        var put = new HttpRequestMessage(HttpMethod.Put, repo.Url + "drop/app.bin") { Content = new ByteArrayContent(bytes) };
        put.Headers.Authorization = _client.RepositoryBasic();
        using var response = await _client.Http.SendAsync(put);

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = await SignedClient.ReadJsonAsync(response);
        Assert.Equal(Hex(SHA256.HashData(bytes)), (string?)uploaded!["checksums"]!["sha256"]);

        var (_, detail) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?path=/drop/app.bin&format=generic");
        var checksums = detail!["result"]!["checksums"]!;
        Assert.Equal(Hex(MD5.HashData(bytes)), (string?)checksums["md5"]);
        Assert.Equal(Hex(SHA1.HashData(bytes)), (string?)checksums["sha1"]);
        Assert.Equal(Hex(SHA256.HashData(bytes)), (string?)checksums["sha256"]);
        Assert.Equal(Hex(SHA512.HashData(bytes)), (string?)checksums["sha512"]);
        Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)detail["result"]!["size"]);

        var get = new HttpRequestMessage(HttpMethod.Get, (string)detail["result"]!["downloadUri"]!);
        get.Headers.Authorization = _client.RepositoryBasic();
        using var download = await _client.Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(Hex(SHA1.HashData(bytes)), download.Headers.GetValues("X-Checksum-Sha1").Single());
    }

    [Fact]
    public async Task Should_Find_The_File_By_Each_Checksum_Algorithm()
    {
        var repo = _client.Server.Seed.CreateRepository("pypi");
        var bytes = Encoding.UTF8.GetBytes("find me " + Guid.NewGuid());
        _client.Server.Seed.PutFile(repo.Id, "/pkg/mod.txt", bytes);

        foreach (var checksum in new[] { MD5.HashData(bytes), SHA1.HashData(bytes), SHA256.HashData(bytes), SHA512.HashData(bytes) })
        {
            var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/search/checksum?checksum={Hex(checksum)}&page_no=1&page_size=10");
            Assert.Equal(200, status);
            var hit = body!["result"]!.AsArray().Single()!;
            Assert.Equal("mod.txt", (string?)hit["name"]);
            Assert.Equal("pkg/mod.txt", (string?)hit["relativePath"]);
            Assert.Equal(repo.Id, (string?)hit["oldRepoid"]);
        }
    }

    [Fact]
    public async Task Should_Answer_401_If_The_Repository_Password_Is_Wrong_And_403_For_Another_Tenants_User()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");

        var wrong = new HttpRequestMessage(HttpMethod.Put, repo.Url + "a.bin") { Content = new ByteArrayContent([1]) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_client.Server.Identity.RepositoryUserName + ":nope")));
        using var unauthorized = await _client.Http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        var other = new HttpRequestMessage(HttpMethod.Put, repo.Url + "a.bin") { Content = new ByteArrayContent([1]) };
        other.Headers.Authorization = _client.RepositoryBasic(_client.Server.OtherIdentity);
        using var forbidden = await _client.Http.SendAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Null(_client.Server.Seed.FindFile(repo.Id, "/a.bin"));
    }

    [Fact]
    public async Task Should_Accept_A_Signed_Upload_And_Replace_The_Previous_Version()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/v.txt", Encoding.UTF8.GetBytes("old"));

        var path = new Uri(repo.Url).AbsolutePath + "v.txt";
        var request = _client.Signed(HttpMethod.Put, path, "\"new\"");
        using var response = await _client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Hex(SHA256.HashData(Encoding.UTF8.GetBytes("\"new\""))), _client.Server.Seed.FindFile(repo.Id, "/v.txt")!.Sha256);
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
