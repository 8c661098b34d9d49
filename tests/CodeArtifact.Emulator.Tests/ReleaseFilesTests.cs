using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>The v2 release API: fuzzy names, 0-based record offsets, limit 1–100, totals, both path prefixes.</summary>
public sealed class ReleaseFilesTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private SignedClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync();
        _client = SignedClient.For(_server);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 25; i++)
        {
            _server.Seed.AddReleaseFile("paging-app", $"1.{i}.0", created: start.AddDays(i));
        }

        _server.Seed.AddReleaseFile("other_tool", "3.0.0", created: start);
    }

    public async Task DisposeAsync()
    {
        _client.Http.Dispose();
        await _server.DisposeAsync();
    }

    private string Url(string query, string prefix = "") => $"{prefix}/v2/{_server.Identity.ProjectId}/release/files?{query}";

    [Fact]
    public async Task Should_Page_By_Record_Offset_Without_Gaps_Or_Duplicates()
    {
        var seen = new List<string>();
        for (var offset = 0; offset < 25; offset += 10)
        {
            var (status, body) = await _client.JsonAsync(HttpMethod.Get, Url($"file_name=paging&limit=10&offset={offset}"));
            Assert.Equal(200, status);
            var result = body!["result"]!;
            Assert.Equal(25, (int)result["total_records"]!);
            Assert.Equal(3, (int)result["total_pages"]!);
            seen.AddRange(result["data"]!.AsArray().Select(d => (string)d!["version"]!));
        }

        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal("1.24.0", seen[0]);
    }

    [Fact]
    public async Task Should_Answer_An_Empty_Page_Past_The_End_And_The_Last_Partial_Page()
    {
        var (_, last) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=paging-app&limit=10&offset=20"));
        Assert.Equal(5, last!["result"]!["data"]!.AsArray().Count);

        var (_, past) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=paging-app&limit=10&offset=25"));
        Assert.Empty(past!["result"]!["data"]!.AsArray());
        Assert.Equal(25, (int)past["result"]!["total_records"]!);
    }

    [Theory]
    [InlineData("file_name=paging&limit=0")]
    [InlineData("file_name=paging&limit=101")]
    [InlineData("file_name=paging&offset=-1")]
    [InlineData("file_name=paging&limit=ten")]
    [InlineData("limit=10")]
    [InlineData("file_name=bad%20name")]
    public async Task Should_Answer_400_With_The_Service_Error_Body_If_A_Parameter_Is_Out_Of_Range(string query)
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, Url(query));

        Assert.Equal(400, status);
        Assert.NotNull((string?)body!["error_code"]);
        Assert.NotNull((string?)body["error_msg"]);
    }

    [Fact]
    public async Task Should_Accept_Limits_1_And_100_And_Default_To_10()
    {
        var (_, one) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=paging&limit=1"));
        Assert.Single(one!["result"]!["data"]!.AsArray());
        Assert.Equal(25, (int)one["result"]!["total_pages"]!);

        var (_, hundred) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=paging&limit=100"));
        Assert.Equal(25, hundred!["result"]!["data"]!.AsArray().Count);

        var (_, defaults) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=paging"));
        Assert.Equal(10, defaults!["result"]!["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Should_Serve_The_Devreposerver_Prefix_And_Match_Names_Fuzzily()
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=TOOL", "/devreposerver"));

        Assert.Equal(200, status);
        var item = body!["result"]!["data"]!.AsArray().Single()!;
        Assert.Equal("3.0.0", (string?)item["version"]);
        Assert.EndsWith("/other_tool/3.0.0/other_tool-3.0.0.zip", (string?)item["download_url"]);
        Assert.Null(body["status"]);
    }

    [Fact]
    public async Task Should_Serve_A_Download_At_The_Download_Url()
    {
        var (_, body) = await _client.JsonAsync(HttpMethod.Get, Url("file_name=other_tool"));
        var url = (string)body!["result"]!["data"]![0]!["download_url"]!;

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = _client.RepositoryBasic();
        using var response = await _client.Http.SendAsync(request);

        Assert.Equal("other_tool 3.0.0\n", await response.Content.ReadAsStringAsync());
    }
}
