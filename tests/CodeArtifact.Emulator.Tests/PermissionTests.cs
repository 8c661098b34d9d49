using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>Tenant and project permissions: 403 CR.4102 in the shape of the API that was called.</summary>
public sealed class PermissionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    [Fact]
    public async Task Should_Answer_CR_4102_If_The_Path_Names_Another_Tenants_Project()
    {
        var other = _client.Server.OtherIdentity;
        var repo = _client.Server.Seed.CreateRepository("generic", owner: other);

        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/{other.TenantId}/{other.ProjectId}/{repo.Id}/file-tree?path=/");

        Assert.Equal(403, status);
        Assert.Equal("CR.4102", (string?)body!["error_code"]);
        Assert.Equal("You do not have permissions on the project.", (string?)body["error_msg"]);
        Assert.Equal("error", (string?)body["status"]);
    }

    [Fact]
    public async Task Should_Answer_CR_4102_If_The_Caller_Is_Not_A_Member_Of_The_Project()
    {
        var id = _client.Server.Identity;
        var repo = _client.Server.Seed.CreateRepository("generic");

        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/{id.TenantId}/{_client.Server.UnjoinedProjectId}/{repo.Id}/file-tree?path=/");

        Assert.Equal(403, status);
        Assert.Equal("CR.4102", (string?)body!["error_code"]);
    }

    [Fact]
    public async Task Should_Answer_CR_4102_Without_Envelope_On_The_Release_Api()
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"/v2/{_client.Server.OtherIdentity.ProjectId}/release/files?file_name=demo");

        Assert.Equal(403, status);
        Assert.Equal("CR.4102", (string?)body!["error_code"]);
        Assert.Null(body["status"]);
        Assert.Null(body["trace_id"]);
    }

    [Fact]
    public async Task Should_Answer_CR_4102_If_A_Repository_In_The_Body_Belongs_To_A_Project_Of_Another_Tenant()
    {
        var repo = _client.Server.Seed.CreateRepository("generic", owner: _client.Server.OtherIdentity);
        _client.Server.Seed.PutFile(repo.Id, "/f.bin", [1]);

        var (deleteStatus, deleteBody) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repo.Id}}/f.bin"}""");
        var (trashStatus, _) = await _client.JsonAsync(
            HttpMethod.Put, "/cloudartifact/v5/trashes", $$"""[{"id":"{{repo.Id}}","format":"generic","uri":"{{repo.Id}}/f.bin","status":"active"}]""");

        Assert.Equal(403, deleteStatus);
        Assert.Equal("CR.4102", (string?)deleteBody!["error_code"]);
        Assert.Equal(403, trashStatus);
        Assert.NotNull(_client.Server.Seed.FindFile(repo.Id, "/f.bin"));
    }

    [Fact]
    public async Task Should_Answer_CR_4102_If_Maven_Info_Asks_For_A_Project_Of_Which_The_Caller_Is_Not_A_Member()
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/maven/info?project_id={_client.Server.UnjoinedProjectId}");

        Assert.Equal(403, status);
        Assert.Equal("CR.4102", (string?)body!["error_code"]);
    }

    [Fact]
    public async Task Should_Hide_Another_Tenants_Repositories_From_Maven_Info()
    {
        var (mine, _) = _client.Server.Seed.CreateMavenRepository("mine-" + Guid.NewGuid().ToString("N")[..6]);
        var (theirs, _) = _client.Server.Seed.CreateMavenRepository("theirs", owner: _client.Server.OtherIdentity);

        var (_, body) = await _client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");

        var names = body!["result"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains(mine.Id, names);
        Assert.DoesNotContain(theirs.Id, names);
    }
}
