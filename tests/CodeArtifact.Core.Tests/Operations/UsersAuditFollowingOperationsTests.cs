using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class UsersAuditFollowingOperationsTests
{
    public sealed class TheResetUserPasswordAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Post_Without_Body_And_Map_Example()
        {
            // Given: the reference 4.6.1 example (numeric status and id).
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143002-1701244804975-630","result":{"status":0,"domainId":"5a775fdcb14f4431b6c0015618140bc3",
                  "region":"cn-north-7","createdTime":"2021-05-19 19:50:30","modifiedTime":"2023-11-28 21:00:56","id":3000110176,
                  "userId":"e9253deb37654775bb3c411aca89153a","userName":"devcloud_devcloud_y00226182_01","userType":"personal",
                  "repoUserName":"5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a","repoNumber":58,
                  "innerRepoUserName":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a"}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var user = await client.ResetUserPasswordAsync();

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/maven/users/me", request.Path);
            Assert.Null(request.Body);
            Assert.Equal("3000110176", user.Id);
            Assert.Equal("0", user.Status);
            Assert.Equal("devcloud_devcloud_y00226182_01", user.UserName);
            Assert.Equal(58, user.RepositoryCount);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a", user.InnerRepositoryUserName);
            Assert.Equal(new DateTimeOffset(2023, 11, 28, 21, 0, 56, TimeSpan.FromHours(8)), user.Modified);
        }
    }

    public sealed class TheGetAuditLogAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Request_And_Map_Slash_Dated_Example()
        {
            // Given: the reference 4.8.1 example.
            var repo = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108";
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143002-1701222589443-431","result":{"auditInfoList":[{"id":"2271182","module":"file","operation":"upload",
                  "time":"2023/10/27 15:46:19","info":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108","data":"1/1/1-1-1.jar","reason":null,
                  "userAgent":"Apache-HttpClient/4.5.13 (Java/1.8.0_232)","operator":"devcloud_devcloud_y00226182_01","ipSource":"10.172.180.79"}],"total":1}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var page = await client.GetAuditLogAsync(new AuditLogQuery { Module = "file", Repository = repo, PageNumber = 1, PageSize = 5 });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/cloudartifact/v5/{TestClients.TenantId}/{TestClients.ProjectId}/file/{repo}/audit", request.Path);
            Assert.Equal(TestClients.Pairs(("page_num", "1"), ("page_size", "5")), request.Query);
            Assert.Equal(1, page.Total);
            var entry = Assert.Single(page.Entries);
            Assert.Equal("upload", entry.Operation);
            Assert.Equal("1/1/1-1-1.jar", entry.Data);
            Assert.Equal(new DateTimeOffset(2023, 10, 27, 15, 46, 19, TimeSpan.FromHours(8)), entry.Time);
            Assert.Equal("10.172.180.79", entry.IpSource);
        }

        [Fact]
        public async Task Should_Reject_Module_With_Slash_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.Module", () => client.GetAuditLogAsync(new AuditLogQuery { Module = "file/x", Repository = "cn-north-7_a_go_1" }));
        }
    }

    public sealed class TheFollowAsyncMethod
    {
        private const string Id = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108/1/1/1-1-1.jar";

        [Fact]
        public async Task Should_Send_Attention_One()
        {
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143002-1701222737501-435","result":null}""");
            using var client = TestClients.Create(handler);

            await client.FollowAsync([Id], "maven2");

            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/attention", request.Path);
            Assert.Equal($$"""{"attention":"1","ids":["{{Id}}"],"format":"maven2"}""", request.Body);
        }

        [Fact]
        public async Task Should_Send_Attention_Zero_To_Unfollow()
        {
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143002-1701222737501-435","result":null}""");
            using var client = TestClients.Create(handler);

            await client.UnfollowAsync([Id], "npm");

            Assert.Equal($$"""{"attention":"0","ids":["{{Id}}"],"format":"npm"}""", handler.Single.Body);
        }

        [Fact]
        public async Task Should_Reject_Id_With_Dot_Dot_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "ids[0]", () => client.FollowAsync(["repo/../other"]));
        }
    }

    public sealed class TheListFollowedArtifactsAsyncMethod
    {
        [Fact]
        public async Task Should_Send_To_Cloudartifact_Not_The_Typo_Path_And_Map_Example()
        {
            // Given: the reference 4.9.2 example.
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143006-1701222864960-289","result":{"data":[{"id":"43e78ea4903d468db517e069ab91ce1c",
                  "domainId":"5a775fdcb14f4431b6c0015618140bc3","repositoryId":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108",
                  "repositoryName":"maven1","format":"maven2","policy":"release",
                  "artifactId":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108/1/1/1-1-1.jar",
                  "path":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108/1/1/1-1-1.jar","modifiedUserName":"devcloud_devcloud_y00226182_01",
                  "modifiedUserId":"e9253deb37654775bb3c411aca89153a","userId":null,"modifiedTime":"2023-11-29 09:54:22","region":"cn-north-7"}],
                  "totalRecords":1,"totalPages":1}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var page = await client.ListFollowedArtifactsAsync(pageNumber: 1, pageSize: 10, projectId: "035a1e9da3074adfb57acd1da494d736");

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal("/cloudartifact/v5/attention/artifacts", request.Path);
            Assert.Equal(TestClients.Pairs(("page_size", "10"), ("page_no", "1"), ("project_id", "035a1e9da3074adfb57acd1da494d736")), request.Query);
            Assert.Equal(1, page.TotalRecords);
            Assert.Equal(1, page.TotalPages);
            var artifact = Assert.Single(page.Data);
            Assert.Equal("maven1", artifact.RepositoryName);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108/1/1/1-1-1.jar", artifact.Path);
            Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 54, 22, TimeSpan.FromHours(8)), artifact.Modified);
        }

        [Fact]
        public async Task Should_Reject_Page_Number_Zero_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "pageNumber", () => client.ListFollowedArtifactsAsync(pageNumber: 0));
        }
    }
}
