using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class MavenOperationsTests
{
    // The reference 4.2.6 example, with its JSON repaired: the printed one has a trailing comma after
    // "proxy" and splits the object in two. Both userName (null) and username (set) are present.
    private const string MavenInfoExample = """
        {
          "status" : "success",
          "trace_id" : "143002-1701176094147-90",
          "result" : [ {
            "status" : "active",
            "domainId" : "5a775fdcb14f4431b6c0015618140bc3",
            "region" : "cn-north-7",
            "createdTime" : "2023-11-24 17:13:52",
            "modifiedTime" : "2023-11-24 17:13:52",
            "createdUserId" : "e9253deb37654775bb3c411aca89153a",
            "createdUserName" : "devcloud_devcloud_y00226182_01",
            "modifiedUserId" : null,
            "modifiedUserName" : null,
            "name" : "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_5_120",
            "disable" : false,
            "format" : "maven2",
            "type" : "virtual",
            "policy" : "release",
            "tabId" : "5a775fdcb14f4431b6c0015618140bc3_tab_maven2_120",
            "repositoryName" : "adasasfsafdasdfasd",
            "displayName" : "adasasfsafdasdfasd",
            "description" : "",
            "snapshot" : null,
            "release" : null,
            "npm" : null,
            "snapshotStatus" : null,
            "releaseStatus" : null,
            "projectId" : "e2ee90487d6349dd944a5767225f6f55",
            "includesPattern" : "**/*",
            "repositoryIds" : null,
            "uri" : null,
            "deploymentPolicy" : null,
            "repositories" : null,
            "parentRepoName" : null,
            "userName" : null,
            "password" : "6qY_h]3H9=",
            "remoteUrl" : null,
            "defaultDeployRepository" : null,
            "remoteType" : null,
            "proxy" : null,
            "allowAnonymous" : null,
            "autoCleanSnapshot" : null,
            "snapshotAliveDays" : null,
            "maxUniqueSnapshots" : null,
            "shareRight" : "PROJECT",
            "nexuRepo" : false,
            "username" : "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a",
            "url" : "https://devrepo.devcloud.cn-north-7.ulangqab.huawei.com/artgalaxy/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_5_120/",
            "packageType" : "maven"
          } ]
        }
        """;

    public sealed class TheGetMavenInfoAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Query()
        {
            // Given
            var handler = new RecordingHandler().Respond(MavenInfoExample);
            using var client = TestClients.Create(handler);

            // When
            await client.GetMavenInfoAsync(new MavenInfoQuery { ProjectId = TestClients.ProjectId, Policy = "release", Access = "r", Default = false });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal("/cloudartifact/v5/maven/info", request.Path);
            Assert.Equal(TestClients.Pairs(("project_id", TestClients.ProjectId), ("policy", "release"), ("access", "r"), ("default", "false")), request.Query);
        }

        [Fact]
        public async Task Should_Map_Documented_Example_With_Username_From_The_Set_Spelling()
        {
            var handler = new RecordingHandler().Respond(MavenInfoExample);
            using var client = TestClients.Create(handler);

            var repositories = await client.GetMavenInfoAsync(new MavenInfoQuery());

            var repository = Assert.Single(repositories);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_5_120", repository.Id);
            Assert.Equal("adasasfsafdasdfasd", repository.RepositoryName);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a", repository.UserName);
            Assert.Equal(new Secret("6qY_h]3H9="), repository.Password);
            Assert.Equal("***", repository.Password!.ToString());
            Assert.Equal("release", repository.Policy);
            Assert.Equal("maven2", repository.Format);
            Assert.Equal("virtual", repository.Type);
            Assert.Equal("5a775fdcb14f4431b6c0015618140bc3_tab_maven2_120", repository.TabId);
            Assert.EndsWith("_maven_5_120/", repository.Url, StringComparison.Ordinal);
            Assert.False(repository.Disabled);
        }

        [Fact]
        public async Task Should_Send_Release_And_Joined_Ids_If_Asked_For_Releases()
        {
            var ids = new[] { "cn-north-7_a_maven_1_1", "cn-north-7_a_maven_2_1" };
            var handler = new RecordingHandler().Respond(TestClients.Envelope("""[{"name":"cn-north-7_a_maven_1_1","policy":"releases","userName":"u"}]"""));
            using var client = TestClients.Create(handler, o => o.ProjectId = null);

            var repositories = await client.GetMavenInfoAsync(new MavenInfoQuery { Policy = "releases", Access = "rw", Default = true, Ids = ids });

            Assert.Equal(TestClients.Pairs(("policy", "release"), ("access", "rw"), ("default", "true"), ("ids", string.Join(',', ids))), handler.Single.Query);
            Assert.Equal("release", repositories[0].Policy);
            Assert.Equal("u", repositories[0].UserName);
            Assert.Null(repositories[0].Password);
        }

        [Fact]
        public async Task Should_Fall_Back_To_Client_Project()
        {
            var handler = new RecordingHandler().Respond(TestClients.Envelope("[]"));
            using var client = TestClients.Create(handler);

            var repositories = await client.GetMavenInfoAsync(new MavenInfoQuery());

            Assert.Empty(repositories);
            Assert.Equal(TestClients.ProjectId, handler.Single.QueryValue("project_id"));
        }

        [Fact]
        public async Task Should_Reject_Unknown_Policy_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.Policy", () => client.GetMavenInfoAsync(new MavenInfoQuery { Policy = "nightly" }));
        }

        [Fact]
        public async Task Should_Reject_Unknown_Access_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.Access", () => client.GetMavenInfoAsync(new MavenInfoQuery { Access = "w" }));
        }

        [Fact]
        public async Task Should_Reject_Ids_Longer_Than_512_Joined_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            var ids = Enumerable.Range(0, 10).Select(i => $"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_{i}").ToArray();
            var exception = await TestClients.AssertRejectedAsync(handler, "query.Ids", () => client.GetMavenInfoAsync(new MavenInfoQuery { Ids = ids }));
            Assert.Contains("512", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Reject_Project_Id_Before_Any_Request_If_Not_32_Characters()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.ProjectId", () => client.GetMavenInfoAsync(new MavenInfoQuery { ProjectId = "abc" }));
        }
    }
}
