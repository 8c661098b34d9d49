using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>
/// The release API's file_name is a fuzzy search, as the service documents it: a contains-match on
/// the release name or the stored file's name, so neighbours and sidecars come back too.
/// </summary>
public sealed class FuzzyReleaseSearchTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private SignedClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync();
        _client = SignedClient.For(_server);

        // app with a sidecar and two paths per version, and its neighbours app-tools and my-app
        foreach (var version in new[] { "1.9.0", "1.10.0" })
        {
            _server.Seed.AddReleaseFile("app", version);
            _server.Seed.AddReleaseFile("app", version, fileName: $"app-{version}.tar.gz");
            _server.Seed.AddReleaseFile("app", version, fileName: $"app-{version}.zip.sha256");
        }

        _server.Seed.AddReleaseFile("app-tools", "9.0.0");
        _server.Seed.AddReleaseFile("my-app", "3.0.0");
        _server.Seed.AddReleaseFile("unrelated", "1.0.0");
    }

    public async Task DisposeAsync()
    {
        _client.Http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string[]> PathsAsync(string fileName)
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"/v2/{_server.Identity.ProjectId}/release/files?file_name={fileName}&limit=100");
        Assert.Equal(200, status);
        var result = body!["result"]!;
        var paths = result["data"]!.AsArray().Select(d => (string)d!["path"]!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(paths.Length, (int)result["total_records"]!);
        return paths;
    }

    [Fact]
    public async Task Should_Return_Neighbours_Sidecars_And_Every_Path_For_A_Part_Of_A_Name()
    {
        var paths = await PathsAsync("app");

        Assert.Equal(
            [
                "/app-tools/9.0.0/app-tools-9.0.0.zip",
                "/app/1.10.0/app-1.10.0.tar.gz",
                "/app/1.10.0/app-1.10.0.zip",
                "/app/1.10.0/app-1.10.0.zip.sha256",
                "/app/1.9.0/app-1.9.0.tar.gz",
                "/app/1.9.0/app-1.9.0.zip",
                "/app/1.9.0/app-1.9.0.zip.sha256",
                "/my-app/3.0.0/my-app-3.0.0.zip",
            ],
            paths);
    }

    [Fact]
    public async Task Should_Match_The_Stored_File_Name_In_Any_Case()
    {
        // "app-1.10.0.zip" is no release name, but it is part of two stored file names
        Assert.Equal(["/app/1.10.0/app-1.10.0.zip", "/app/1.10.0/app-1.10.0.zip.sha256"], await PathsAsync("APP-1.10.0.ZIP"));
        Assert.Equal(["/app/1.10.0/app-1.10.0.tar.gz", "/app/1.9.0/app-1.9.0.tar.gz"], await PathsAsync("tar.gz"));
    }

    [Fact]
    public async Task Should_Not_Match_Inside_A_Folder_Name()
    {
        // "1.9.0" is a folder of every app path, but no name holds it except app-1.9.0's own files
        Assert.Equal(["/app/1.9.0/app-1.9.0.tar.gz", "/app/1.9.0/app-1.9.0.zip", "/app/1.9.0/app-1.9.0.zip.sha256"], await PathsAsync("1.9.0"));
        Assert.Empty(await PathsAsync("nothing-like-it"));
    }
}
