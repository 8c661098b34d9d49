using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class AssociationOperationsTests
{
    public sealed class TheListProjectRepositoriesAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Project_And_Map_Documented_Example()
        {
            // Given: the reference 4.3.1 example.
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143002-1701219898408-370","result":[{"id":null,
                  "name":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_11","description":null,"createdTime":"2022-01-20 18:23:17",
                  "createdUserId":"e9253deb37654775bb3c411aca89153a","createdUserName":"devcloud_devcloud_y00226182_01","modifiedTime":"2023-11-28 11:25:22",
                  "modifiedUserId":"e9253deb37654775bb3c411aca89153a","modifiedUserName":"devcloud_devcloud_y00226182_01","format":"maven2","repoType":"hosted",
                  "includesPattern":"**/*","url":"https://devrepo.devcloud.cn-north-7.ulangab.huawei.com/artgalaxy/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_11/",
                  "storageSummaryInfo":null,"projectId":null,"shareRight":null,"deploymentPolicy":null,"repositoryName":"maven-test-20220120",
                  "displayName":"maven-test-20220120","policy":"release","tabId":"5a775fdcb14f4431b6c0015618140bc3_tab_maven2_11","status":"active",
                  "domainId":"5a775fdcb14f4431b6c0015618140bc3","region":"cn-north-7","uri":null,"disable":false,"packageType":"maven"}]}
                """);
            using var client = TestClients.Create(handler);

            // When
            var repositories = await client.ListProjectRepositoriesAsync("e2ee90487d6349dd944a5767225f6f55");

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal("/cloudartifact/v5/maven/repository/list", request.Path);
            Assert.Equal(TestClients.Pairs(("project_id", "e2ee90487d6349dd944a5767225f6f55")), request.Query);
            var repository = Assert.Single(repositories);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_11", repository.Id);
            Assert.Equal("release", repository.Policy);
            Assert.Equal("5a775fdcb14f4431b6c0015618140bc3_tab_maven2_11", repository.TabId);
            Assert.Equal(new DateTimeOffset(2023, 11, 28, 11, 25, 22, TimeSpan.FromHours(8)), repository.Modified);
        }

        [Fact]
        public async Task Should_Reject_Project_Before_Any_Request_If_Not_Letters_And_Digits()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "projectId", () => client.ListProjectRepositoriesAsync("e2ee90487d6349dd944a5767225f6f5-"));
        }
    }

    public sealed class TheAssociateRepositoriesWithProjectAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Body()
        {
            var ids = new[] { "5a775fdcb14f4431b6c0015618140bc3_tab_maven2_23", "5a775fdcb14f4431b6c0015618140bc3_tab_maven2_120" };
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143006-1701220262276-256","result":null}""");
            using var client = TestClients.Create(handler);

            await client.AssociateRepositoriesWithProjectAsync(null, ids);

            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/maven/project/repository", request.Path);
            Assert.Equal($$"""{"project_id":"{{TestClients.ProjectId}}","ids":["{{ids[0]}}","{{ids[1]}}"]}""", request.Body);
        }

        [Fact]
        public async Task Should_Reject_Empty_Tab_Ids_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "tabIds", () => client.AssociateRepositoriesWithProjectAsync(null, []));
        }
    }
}
