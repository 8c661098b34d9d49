using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class RepositoriesOperationsTests
{
    private const string MavenRelease = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201";
    private const string MavenSnapshot = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_2_201";
    private const string PairResult = """{"status":"success","trace_id":"143002-1701175135227-77","result":{"release":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201","snapshot":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_2_201"}}""";

    public sealed class TheCreateMavenRepositoryAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Body_And_Map_Pair()
        {
            // Given
            var handler = new RecordingHandler().Respond(PairResult);
            using var client = TestClients.Create(handler);

            // When
            var pair = await client.CreateMavenRepositoryAsync(new MavenRepositoryCreateRequest
            {
                RepositoryName = "testmaven",
                Description = "",
                Release = "testmaven",
                Snapshot = "testmaven",
                IncludesPattern = "**/*",
                ShareRight = "PROJECT",
                ProjectId = "e2ee90487d6349dd944a5767225f6f55",
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/maven/repositories", request.Path);
            Assert.Equal(
                """{"repository_name":"testmaven","format":"maven2","description":"","release":"testmaven","snapshot":"testmaven","includes_pattern":"**/*","share_right":"PROJECT","project_id":"e2ee90487d6349dd944a5767225f6f55","type":"hosted"}""",
                request.Body);
            Assert.Equal(new MavenRepositoryPair(MavenRelease, MavenSnapshot), pair);
        }

        [Fact]
        public async Task Should_Reject_Missing_Name_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "request.RepositoryName", () => client.CreateMavenRepositoryAsync(new MavenRepositoryCreateRequest()));
        }
    }

    public sealed class TheUpdateMavenRepositoryAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Put_To_Cloudartifact_Not_The_Typo_Path()
        {
            // Given
            var tabId = "5a775fdcb14f4431b6c0015618140bc3_tab_maven2_201";
            var handler = new RecordingHandler().Respond(PairResult);
            using var client = TestClients.Create(handler);

            // When
            var pair = await client.UpdateMavenRepositoryAsync(tabId, new MavenRepositoryUpdateRequest
            {
                RepositoryName = "testmaven",
                Description = "12",
                IncludesPattern = "**/*",
                Release = "testmaven",
                Snapshot = "testmaven",
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Put, request.Method);
            Assert.Equal($"/cloudartifact/v5/repositories/tab/{tabId}", request.Path);
            Assert.Equal("""{"repo_name":"testmaven","includes_pattern":"**/*","description":"12","snapshot":"testmaven","release":"testmaven"}""", request.Body);
            Assert.Equal(MavenRelease, pair.Release);
        }

        [Fact]
        public async Task Should_Reject_Tab_Id_With_Slash_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "tabId", () => client.UpdateMavenRepositoryAsync("a/b", new MavenRepositoryUpdateRequest()));
        }
    }

    public sealed class TheGetRepositoryAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Get_And_Map_Documented_Example()
        {
            // Given: the reference 4.2.3 example (its closing braces repaired).
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143002-1701175561381-82","result":{
                  "status":null,"domainId":null,"region":null,"createdTime":null,"modifiedTime":null,"createdUserId":null,"createdUserName":null,
                  "modifiedUserId":null,"modifiedUserName":null,"name":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201","disable":false,
                  "format":"maven2","type":"hosted","policy":null,"tabId":"5a775fdcb14f4431b6c0015618140bc3_tab_maven2_201","repositoryName":"testmaven",
                  "displayName":null,"description":"12","snapshot":"testmaven","release":"testmaven","npm":null,"snapshotStatus":"active","releaseStatus":"active",
                  "projectId":"e2ee90487d6349dd944a5767225f6f55","includesPattern":"**/*","repositoryIds":null,"uri":null,"deploymentPolicy":"allowRedeploy",
                  "repositories":null,"parentRepoName":null,"userName":null,"password":null,"remoteUrl":null,"defaultDeployRepository":null,"remoteType":null,
                  "proxy":null,"allowAnonymous":false,"autoCleanSnapshot":null,"snapshotAliveDays":null,"maxUniqueSnapshots":"10","shareRight":"PROJECT",
                  "nexuRepo":false,"url":"https://devrepo.devcloud.cn-north-7.ulangqab.huawei.com/artgalaxy/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201/",
                  "packageType":"maven"}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var repository = await client.GetRepositoryAsync(MavenRelease);

            // Then
            Assert.Equal(HttpMethod.Get, handler.Single.Method);
            Assert.Equal($"/cloudartifact/v5/repositories/{MavenRelease}", handler.Single.Path);
            Assert.Equal(MavenRelease, repository.Id);
            Assert.Equal("testmaven", repository.RepositoryName);
            Assert.Equal("5a775fdcb14f4431b6c0015618140bc3_tab_maven2_201", repository.TabId);
            Assert.Equal("allowRedeploy", repository.DeploymentPolicy);
            Assert.Equal("10", repository.MaxUniqueSnapshots);
            Assert.Equal("active", repository.ReleaseStatus);
            Assert.False(repository.AllowAnonymous);
            Assert.Null(repository.Password);
            Assert.Null(repository.Created);
            Assert.Empty(repository.RepositoryIds);
        }
    }

    public sealed class TheCreateDockerRepositoryAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Body()
        {
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143002-1701175561381-82","result":"success"}""");
            using var client = TestClients.Create(handler);

            await client.CreateDockerRepositoryAsync(new DockerRepositoryCreateRequest { DisplayName = "string", Description = "string", Type = "Hosted" });

            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/repositories", request.Path);
            Assert.Equal("""{"format":"docker","display_name":"string","description":"string","type":"hosted"}""", request.Body);
        }

        [Fact]
        public async Task Should_Reject_Non_Docker_Format_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "request.Format", () => client.CreateDockerRepositoryAsync(new DockerRepositoryCreateRequest { DisplayName = "d", Format = "npm" }));
        }
    }

    public sealed class TheMoveRepositoriesToRecycleBinAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Delete_With_Id_Array_And_Accept_Null_Result()
        {
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143002-1701175914578-88","result":null}""");
            using var client = TestClients.Create(handler);

            await client.MoveRepositoriesToRecycleBinAsync("maven2", [MavenSnapshot]);

            var request = handler.Single;
            Assert.Equal(HttpMethod.Delete, request.Method);
            Assert.Equal("/cloudartifact/v5/repositories", request.Path);
            Assert.Equal($$"""{"format":"maven2","repository_ids":["{{MavenSnapshot}}"]}""", request.Body);
        }

        [Fact]
        public async Task Should_Reject_Empty_Id_List_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "repositoryIds", () => client.MoveRepositoriesToRecycleBinAsync("maven2", []));
        }
    }

    public sealed class TheCreateRepositoryAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Body_With_Trailing_Slash_And_Map_Artifactory()
        {
            // Given: the reference 4.2.7 example (its split object repaired).
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143003-1701176455154-4616","result":{"artifactory":{
                  "status":null,"domainId":"5a775fdcb14f4431b6c0015618140bc3","region":"cn-north-7","createdTime":null,"modifiedTime":null,
                  "createdUserId":"e9253deb37654775bb3c411aca89153a","createdUserName":"devcloud_devcloud_y00226182_01",
                  "modifiedUserId":"e9253deb37654775bb3c411aca89153a","modifiedUserName":"devcloud_devcloud_y00226182_01",
                  "name":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_41","disable":false,"format":"pypi","type":"hosted","policy":null,
                  "tabId":null,"repositoryName":"test-pypi","displayName":null,"displayOrder":null,"description":"","snapshot":null,"release":null,
                  "npm":null,"snapshotStatus":null,"releaseStatus":null,"projectId":"e2ee90487d6349dd944a5767225f6f55","includesPattern":"**/*",
                  "repositoryIds":null,"uri":null,"deploymentPolicy":null,"repositories":null,"parentRepoName":null,"userName":null,"password":null,
                  "remoteUrl":null,"defaultDeployRepository":null,"remoteType":null,"proxy":null,"allowAnonymous":null,"autoCleanSnapshot":null,
                  "snapshotAliveDays":null,"maxUniqueSnapshots":null,"shareRight":"PROJECT","nexuRepo":false,
                  "url":"https://devrepo.devcloud.cn-north-7.ulangab.huawei.com/artgalaxy/api/pypi/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_41/",
                  "packageType":"pypi"}}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var repository = await client.CreateRepositoryAsync(new RepositoryCreateRequest
            {
                RepositoryName = "test-pypi",
                Type = "hosted",
                Format = "pypi",
                Description = "",
                IncludesPattern = "**/*",
                ShareRight = "PROJECT",
                ProjectId = "e2ee90487d6349dd944a5767225f6f55",
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/artifact/", request.Path);
            Assert.Equal(
                """{"format":"pypi","type":"hosted","repository_name":"test-pypi","description":"","includes_pattern":"**/*","project_id":"e2ee90487d6349dd944a5767225f6f55","share_right":"PROJECT"}""",
                request.Body);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_41", repository.Id);
            Assert.Equal("devcloud_devcloud_y00226182_01", repository.ModifiedBy);
            Assert.Equal("pypi", repository.PackageType);
        }

        [Fact]
        public async Task Should_Refuse_Maven_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            var exception = await TestClients.AssertRejectedAsync(handler, "request.Format", () => client.CreateRepositoryAsync(new RepositoryCreateRequest { RepositoryName = "m", Format = "maven2" }));
            Assert.Contains("CreateMavenRepositoryAsync", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheUpdateRepositoryAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Body()
        {
            var pypi = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_41";
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143002-1701176758146-94","result":null}""");
            using var client = TestClients.Create(handler);

            await client.UpdateRepositoryAsync(new RepositoryUpdateRequest
            {
                RepositoryIds = [pypi],
                RepositoryName = "test-pypi",
                Format = "pypi",
                Description = "11",
                IncludesPattern = "11/**/*,22/**/*",
                DeploymentPolicy = "allowRedeploy",
            });

            var request = handler.Single;
            Assert.Equal(HttpMethod.Put, request.Method);
            Assert.Equal("/cloudartifact/v5/artifact/", request.Path);
            Assert.Equal(
                $$"""{"repo_name":"test-pypi","format":"pypi","description":"11","repository_ids":["{{pypi}}"],"includes_pattern":"11/**/*,22/**/*","deployment_policy":"allowRedeploy"}""",
                request.Body);
        }

        [Fact]
        public async Task Should_Reject_Non_Numeric_Snapshot_Days_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "request.SnapshotAliveDays", () => client.UpdateRepositoryAsync(new RepositoryUpdateRequest
            {
                RepositoryIds = ["cn-north-7_a_pypi_41"],
                RepositoryName = "p",
                Format = "pypi",
                SnapshotAliveDays = "ten",
            }));
        }
    }

    public sealed class TheListRepositoriesAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Query_And_Map_Page()
        {
            // Given: the reference 4.7.1 example, first repository.
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143006-1701221592150-283","result":{"total":183,"repositories":[{
                  "id":null,"name":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_conan_5","description":"1.0","createdTime":"2022-08-22 17:14:55",
                  "createdUserId":"e9253deb37654775bb3c411aca89153a","createdUserName":"devcloud_devcloud_y00226182_01","modifiedTime":"2023-10-16 20:05:59",
                  "modifiedUserId":"e9253deb37654775bb3c411aca89153a","modifiedUserName":"devcloud_devcloud_y00226182_01","format":"conan","repoType":"hosted",
                  "includesPattern":"**/*","url":"https://devrepo.devcloud.cn-north-7.ulangqab.huawei.com/artgalaxy/api/conan/cn-north-7_5a775fdcb14f4431b6c0015618140bc3_conan_5/",
                  "storageSummaryInfo":null,"projectId":null,"shareRight":null,"deploymentPolicy":null,"repositoryName":"5465653","displayName":null,
                  "policy":null,"tabId":null,"status":"active","domainId":"5a775fdcb14f4431b6c0015618140bc3","region":"cn-north-7","uri":null,
                  "disable":false,"packageType":"conan"}]}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var page = await client.ListRepositoriesAsync(new RepositoryListQuery
            {
                InProject = true,
                PageNumber = 1,
                PageSize = 2,
                Formats = ["maven2", "npm", "go", "pypi", "rpm", "debian", "conan", "nuget", "docker"],
                Paging = true,
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/cloudartifact/v5/{TestClients.TenantId}/{TestClients.ProjectId}/repositories", request.Path);
            Assert.Equal(
                TestClients.Pairs(("page_no", "1"), ("page_size", "2"), ("format_list", "maven2,npm,go,pypi,rpm,debian,conan,nuget,docker"), ("is_need_paging", "true"), ("in_project", "true")),
                request.Query);
            Assert.Equal(183, page.Total);
            var repository = Assert.Single(page.Repositories);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_conan_5", repository.Id);
            Assert.Equal("hosted", repository.Type);
            Assert.Equal(new DateTimeOffset(2022, 8, 22, 17, 14, 55, TimeSpan.FromHours(8)), repository.Created);
            Assert.Null(repository.Storage);
        }

        [Fact]
        public async Task Should_Reject_Page_Size_Before_Any_Request_If_Over_100()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.PageSize", () => client.ListRepositoriesAsync(new RepositoryListQuery { PageSize = 500 }));
        }
    }

    public sealed class TheGetRepositoryDetailsAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Region_And_Map_Storage_Counts()
        {
            // Given: the reference 4.7.2 example.
            var conan = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_conan_8";
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143002-1701221877267-423","result":{"id":null,"name":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_conan_8",
                  "description":"","createdTime":"2023-10-27 15:48:54","createdUserId":"e9253deb37654775bb3c411aca89153a",
                  "createdUserName":"devcloud_devcloud_y00226182_01","modifiedTime":"2023-11-02 20:08:14","modifiedUserId":"e9253deb37654775bb3c411aca89153a",
                  "modifiedUserName":"devcloud_devcloud_y00226182_01","format":"conan","repoType":"hosted","includesPattern":"**/*","url":null,
                  "storageSummaryInfo":{"filesCount":0,"usedSpace":"0 MB"},"projectId":"035a1e9da3074adfb57acd1da494d736","shareRight":"PROJECT",
                  "deploymentPolicy":null,"repositoryName":"conan7","displayName":null,"policy":null,"tabId":null,"status":"active",
                  "domainId":"5a775fdcb14f4431b6c0015618140bc3","region":"cn-north-7","uri":null,"disable":false,"packageType":"conan"}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var repository = await client.GetRepositoryDetailsAsync(conan, "cn-north-7");

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/cloudartifact/v5/{TestClients.TenantId}/{TestClients.ProjectId}/{conan}/repositories", request.Path);
            Assert.Equal(TestClients.Pairs(("region", "cn-north-7")), request.Query);
            Assert.Equal(new RepositoryStorage(0, "0 MB"), repository.Storage);
            Assert.Equal("conan7", repository.RepositoryName);
            Assert.Equal("035a1e9da3074adfb57acd1da494d736", repository.ProjectId);
        }

        [Fact]
        public async Task Should_Require_Region_Before_Any_Request_If_Neither_Given_Nor_Configured()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler, o => o.Region = null);
            await TestClients.AssertRejectedAsync(handler, "region", () => client.GetRepositoryDetailsAsync("cn-north-7_a_conan_8"));
        }
    }
}
