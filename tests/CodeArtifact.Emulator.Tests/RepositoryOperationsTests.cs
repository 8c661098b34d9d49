using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>Repository management, association, capacity, search, users, details, audit and following.</summary>
public sealed class RepositoryOperationsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Should_Create_A_Maven_Repository_Pair_That_Maven_Info_Lists_With_Credentials()
    {
        var name = Unique("mvn");
        var (status, created) = await _client.JsonAsync(
            HttpMethod.Post, "/cloudartifact/v5/maven/repositories",
            $$"""{"repository_name":"{{name}}","format":"maven2","description":"","release":"{{name}}","snapshot":"{{name}}","includes_pattern":"**/*","share_right":"PROJECT","project_id":"{{_client.Server.Identity.ProjectId}}","type":"hosted"}""");
        Assert.Equal(200, status);
        var release = (string)created!["result"]!["release"]!;
        var snapshot = (string)created["result"]!["snapshot"]!;
        Assert.Matches(@"_maven_1_\d+$", release);
        Assert.Matches(@"_maven_2_\d+$", snapshot);

        var (_, info) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/maven/info?project_id={_client.Server.Identity.ProjectId}&policy=releases&access=r&default=false&ids={release}");
        var item = info!["result"]!.AsArray().Single()!;
        Assert.Equal(release, (string?)item["name"]);
        Assert.Equal("release", (string?)item["policy"]);
        Assert.True(item.AsObject().ContainsKey("userName"));
        Assert.Null(item["userName"]);
        Assert.Equal(_client.Server.Identity.RepositoryUserName, (string?)item["username"]);
        Assert.Equal(_client.Server.RepositoryPassword(), (string?)item["password"]);
        Assert.EndsWith($"/artgalaxy/{release}/", (string?)item["url"]);

        var (_, snapshots) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/maven/info?policy=snapshot&ids={release},{snapshot}");
        Assert.Equal(snapshot, (string?)snapshots!["result"]!.AsArray().Single()!["name"]);

        var (_, repoInfo) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/repositories/{release}");
        Assert.Equal(name, (string?)repoInfo!["result"]!["repositoryName"]);
        Assert.Null(repoInfo["result"]!["password"]);

        var tab = (string)repoInfo["result"]!["tabId"]!;
        var (editStatus, edited) = await _client.JsonAsync(HttpMethod.Put, $"/cloudartifact/v5/repositories/tab/{tab}", """{"repo_name":"renamed","description":"12"}""");
        Assert.Equal(200, editStatus);
        Assert.Equal(release, (string?)edited!["result"]!["release"]);
    }

    [Theory]
    [InlineData("policy=latest")]
    [InlineData("access=w")]
    [InlineData("default=maybe")]
    public async Task Should_Answer_400_If_A_Maven_Info_Parameter_Is_Not_Allowed(string query)
    {
        var (status, body) = await _client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info?" + query);

        Assert.Equal(400, status);
        Assert.Equal("error", (string?)body!["status"]);
    }

    [Fact]
    public async Task Should_Create_Edit_Trash_And_Restore_A_Non_Maven_Repository()
    {
        var name = Unique("py");
        var (status, created) = await _client.JsonAsync(
            HttpMethod.Post, "/cloudartifact/v5/artifact/",
            $$"""{"repository_name":"{{name}}","type":"hosted","format":"pypi","description":"","includes_pattern":"**/*","share_right":"PROJECT","project_id":"{{_client.Server.Identity.ProjectId}}"}""");
        Assert.Equal(200, status);
        var id = (string)created!["result"]!["artifactory"]!["name"]!;
        Assert.Contains("/artgalaxy/api/pypi/", (string?)created["result"]!["artifactory"]!["url"], StringComparison.Ordinal);

        var (editStatus, _) = await _client.JsonAsync(
            HttpMethod.Put, "/cloudartifact/v5/artifact/", $$"""{"repository_ids":["{{id}}"],"repo_name":"{{name}}","format":"pypi","description":"11","deployment_policy":"allowRedeploy"}""");
        Assert.Equal(200, editStatus);

        var (deleteStatus, deleted) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/repositories", $$"""{"format":"pypi","repository_ids":["{{id}}"]}""");
        Assert.Equal(200, deleteStatus);
        Assert.Null(deleted!["result"]);
        var (goneStatus, _) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/repositories/{id}");
        Assert.Equal(404, goneStatus);
        var (_, binList) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/repositories?is_recycle_bin=true&is_need_paging=false");
        Assert.Contains(binList!["result"]!["repositories"]!.AsArray(), r => (string?)r!["name"] == id);

        var (restoreStatus, restored) = await _client.JsonAsync(
            HttpMethod.Put, "/cloudartifact/v5/trashes", $$"""[{"id":"{{id}}","format":"pypi","uri":"{{id}}/","status":"active"}]""");
        Assert.Equal(200, restoreStatus);
        Assert.Equal(1, (int)restored!["result"]!["successNum"]!);
        var (backStatus, _) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/repositories/{id}");
        Assert.Equal(200, backStatus);
    }

    [Fact]
    public async Task Should_Create_A_Docker_Repository_And_Associate_Repositories_With_A_Project()
    {
        var (status, created) = await _client.JsonAsync(HttpMethod.Post, "/cloudartifact/v5/repositories", $$"""{"format":"docker","display_name":"{{Unique("img")}}","description":"d","type":"Hosted"}""");
        Assert.Equal(200, status);
        Assert.Equal("success", (string?)created!["result"]);

        var repo = _client.Server.Seed.CreateRepository("maven2", projectId: string.Empty);
        var (_, info) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/repositories/{repo.Id}");
        var tab = (string)info!["result"]!["tabId"]!;
        var (associateStatus, _) = await _client.JsonAsync(
            HttpMethod.Post, "/cloudartifact/v5/maven/project/repository", $$"""{"project_id":"{{_client.Server.Identity.ProjectId}}","ids":["{{tab}}"]}""");
        Assert.Equal(200, associateStatus);

        var (_, list) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/maven/repository/list?project_id={_client.Server.Identity.ProjectId}");
        Assert.Contains(list!["result"]!.AsArray(), r => (string?)r!["name"] == repo.Id);
    }

    [Fact]
    public async Task Should_Report_Storage_Counts_Details_And_The_Storage_Trend()
    {
        var repo = _client.Server.Seed.CreateRepository("npm");
        _client.Server.Seed.PutFile(repo.Id, "/a.tgz", new byte[2048]);
        _client.Server.Seed.PutFile(repo.Id, "/b.tgz", new byte[1024]);

        var (_, storage) = await _client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/storage?in_project=true&format_list=npm");
        Assert.True((long)storage!["result"]!["totalCount"]! >= 2);
        Assert.EndsWith(" MB", (string?)storage["result"]!["totalStorage"]);

        var (_, detail) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/repositories?region={_client.Server.Region}");
        Assert.Equal(2, (int)detail!["result"]!["storageSummaryInfo"]!["filesCount"]!);

        var (_, list) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/repositories?in_project=true&format=npm&page_no=1&page_size=2&is_need_paging=true");
        Assert.True((int)list!["result"]!["total"]! >= 1);
        Assert.True(list["result"]!["repositories"]!.AsArray().Count <= 2);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, trend) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/storageinfo/statistic?repo={repo.Id}&end_time={today}");
        var days = trend!["result"]!.AsArray();
        Assert.Equal(7, days.Count);
        Assert.Equal(2, (int)days[^1]!["filesCount"]!);
        Assert.Equal(3072, (long)days[^1]!["usedSpaceLength"]!);
    }

    [Fact]
    public async Task Should_Find_Artifacts_By_Name_With_The_OldRepoId_Spelling()
    {
        var repo = _client.Server.Seed.CreateRepository("pypi");
        var name = Unique("mod") + ".txt";
        _client.Server.Seed.PutFile(repo.Id, "/1/1/" + name, [1]);

        var (status, body) = await _client.JsonAsync(
            HttpMethod.Post, "/cloudartifact/v5/tree/repos/artifacts",
            $$"""{"artifact_name":"{{name}}","artifact_type":"pypi","page_no":1,"page_size":10,"project_id":"{{_client.Server.Identity.ProjectId}}","in_project":true}""");

        Assert.Equal(200, status);
        var hit = body!["result"]!["artifacts"]!.AsArray().Single()!;
        Assert.Equal("1/1/" + name, (string?)hit["relativePath"]);
        Assert.Equal(repo.Id, (string?)hit["oldRepoId"]);
        Assert.Matches(@"^\d{13}$", (string?)hit["created"]);
    }

    [Fact]
    public async Task Should_Reset_The_Repository_Password_So_That_Only_The_New_One_Works()
    {
        await using var server = await EmulatorServer.StartAsync();
        var client = SignedClient.For(server);
        var repo = server.Seed.CreateRepository("generic");
        server.Seed.PutFile(repo.Id, "/f.txt", [1]);
        var oldBasic = client.RepositoryBasic();

        var (status, body) = await client.JsonAsync(HttpMethod.Post, "/cloudartifact/v5/maven/users/me");

        Assert.Equal(200, status);
        Assert.Equal(server.Identity.RepositoryUserName, (string?)body!["result"]!["innerRepoUserName"]);
        var (_, info) = await client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");
        Assert.Empty(info!["result"]!.AsArray());
        var withOld = new HttpRequestMessage(HttpMethod.Get, repo.Url + "f.txt");
        withOld.Headers.Authorization = oldBasic;
        using var rejected = await client.Http.SendAsync(withOld);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        var withNew = new HttpRequestMessage(HttpMethod.Get, repo.Url + "f.txt");
        withNew.Headers.Authorization = client.RepositoryBasic();
        using var accepted = await client.Http.SendAsync(withNew);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Should_Audit_Uploads_And_Deletions()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        var put = new HttpRequestMessage(HttpMethod.Put, repo.Url + "audited.bin") { Content = new ByteArrayContent([1, 2]) };
        put.Headers.Authorization = _client.RepositoryBasic();
        (await _client.Http.SendAsync(put)).Dispose();
        await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repo.Id}}/audited.bin"}""");

        var (status, body) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/file/{repo.Id}/audit?page_num=1&page_size=5");

        Assert.Equal(200, status);
        Assert.Equal(2, (int)body!["result"]!["total"]!);
        var operations = body["result"]!["auditInfoList"]!.AsArray().Select(a => (string?)a!["operation"]).ToList();
        Assert.Equal(["delete", "upload"], operations);
        Assert.Matches(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d$", (string?)body["result"]!["auditInfoList"]![0]!["time"]);
    }

    [Fact]
    public async Task Should_Follow_And_Unfollow_Artifacts()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFile(repo.Id, "/followed.bin", [1]);
        var artifact = repo.Id + "/followed.bin";

        var (followStatus, _) = await _client.JsonAsync(HttpMethod.Post, "/cloudartifact/v5/attention", $$"""{"format":"generic","attention":"1","ids":["{{artifact}}"]}""");
        Assert.Equal(200, followStatus);
        var (_, list) = await _client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/attention/artifacts?page_size=100&page_no=1&project_id={_client.Server.Identity.ProjectId}");
        Assert.Contains(list!["result"]!["data"]!.AsArray(), d => (string?)d!["artifactId"] == artifact);
        var (_, detail) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-detail?path=/followed.bin&format=generic");
        Assert.Equal("1", (string?)detail!["result"]!["attention"]);

        await _client.JsonAsync(HttpMethod.Post, "/cloudartifact/v5/attention", $$"""{"attention":"0","ids":["{{artifact}}"]}""");
        var (_, after) = await _client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/attention/artifacts?page_size=100");
        Assert.DoesNotContain(after!["result"]!["data"]!.AsArray(), d => (string?)d!["artifactId"] == artifact);
    }

    [Theory]
    [InlineData("DELETE", "/cloudartifact/v5/file", "{not json")]
    [InlineData("DELETE", "/cloudartifact/v5/file", "[]")]
    [InlineData("PUT", "/cloudartifact/v5/trashes", "{}")]
    [InlineData("DELETE", "/cloudartifact/v5/trashes", "[]")]
    [InlineData("POST", "/cloudartifact/v5/tree/repos/artifacts", "{\"artifact_name\":\"\"}")]
    [InlineData("POST", "/cloudartifact/v5/attention", "{\"attention\":\"2\",\"ids\":[]}")]
    [InlineData("DELETE", "/cloudartifact/v5/file", "{\"path\":\"../../etc/passwd\"}")]
    public async Task Should_Answer_400_With_The_V5_Error_Body_Never_500_If_The_Body_Is_Bad(string method, string path, string body)
    {
        var (status, answer) = await _client.JsonAsync(new HttpMethod(method), path, body);

        Assert.Equal(400, status);
        Assert.Equal("error", (string?)answer!["status"]);
        Assert.NotNull((string?)answer["trace_id"]);
        Assert.DoesNotContain("   at ", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_To_Delete_A_Maven_File_And_Answer_404_For_A_Missing_File()
    {
        var maven = _client.Server.Seed.CreateRepository("maven2");
        _client.Server.Seed.PutFile(maven.Id, "/com/x/1.0/x-1.0.jar", [1]);
        var generic = _client.Server.Seed.CreateRepository("generic");

        var (mavenStatus, _) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{maven.Id}}/com/x/1.0/x-1.0.jar"}""");
        var (missingStatus, missing) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{generic.Id}}/nope.bin"}""");

        Assert.Equal(400, mavenStatus);
        Assert.NotNull(_client.Server.Seed.FindFile(maven.Id, "/com/x/1.0/x-1.0.jar"));
        Assert.Equal(404, missingStatus);
        Assert.Equal("error", (string?)missing!["status"]);
    }

    [Fact]
    public async Task Should_Delete_A_Whole_Folder_Into_The_Recycle_Bin()
    {
        var repo = _client.Server.Seed.CreateRepository("generic");
        _client.Server.Seed.PutFiles(repo.Id, [("/r/1/a.bin", [1], DateTimeOffset.UtcNow), ("/r/2/b.bin", [2], DateTimeOffset.UtcNow), ("/keep.bin", [3], DateTimeOffset.UtcNow)]);

        var (status, _) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repo.Id}}/r"}""");

        Assert.Equal(200, status);
        var (_, tree) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-tree?path=/");
        Assert.Equal(["keep.bin"], tree!["result"]!["children"]!.AsArray().Select(c => (string?)c!["name"]).ToList());
        var (_, bin) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repo.Id}/file-tree?path=/r&is_recycle_bin=true");
        Assert.Equal(["1", "2"], bin!["result"]!["children"]!.AsArray().Select(c => (string?)c!["name"]).ToList());
        var (_, restore) = await _client.JsonAsync(
            HttpMethod.Put, "/cloudartifact/v5/trashes", $$"""[{"id":"{{repo.Id}}","format":"generic","uri":"{{repo.Id}}/r","status":"active"}]""");
        Assert.Equal(1, (int)restore!["result"]!["successNum"]!);
        Assert.NotNull(_client.Server.Seed.FindFile(repo.Id, "/r/2/b.bin"));
    }
}
