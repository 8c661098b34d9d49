using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class SearchOperationsTests
{
    public sealed class TheSearchByChecksumAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Query_And_Map_Example_With_Lower_Case_Spelling()
        {
            // Given: the reference 4.5.1 example (oldRepoid spelled lower-case).
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143006-1701220804200-277","result":[{"name":"mod.txt","relativePath":"1/1/mod.txt","createdBy":null,
                  "createdUserName":"devcloud_devcloud_y00226182_01","created":null,"modified":"2023-11-29T09:19:13.711+08:00",
                  "repo":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_40","repoName":"testpypi","displayName":null,
                  "oldRepoid":"cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_40","repoType":"pypi"}]}
                """);
            using var client = TestClients.Create(handler);

            // When
            var results = await client.SearchByChecksumAsync(new ChecksumSearchQuery
            {
                Checksum = "eb05a9df1e3403a5f54e03de073a6ce6",
                PageNumber = 1,
                PageSize = 10,
                InProject = true,
                ProjectId = TestClients.ProjectId,
                Format = "pypi",
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal("/cloudartifact/v5/search/checksum", request.Path);
            Assert.Equal(
                TestClients.Pairs(("checksum", "eb05a9df1e3403a5f54e03de073a6ce6"), ("page_no", "1"), ("page_size", "10"), ("in_project", "true"), ("project_id", TestClients.ProjectId), ("format", "pypi")),
                request.Query);
            var hit = Assert.Single(results);
            Assert.Equal("mod.txt", hit.Name);
            Assert.Equal("1/1/mod.txt", hit.RelativePath);
            Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_pypi_40", hit.OldRepositoryId);
            Assert.Equal("pypi", hit.Format);
            Assert.Null(hit.Created);
            Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 19, 13, 711, TimeSpan.FromHours(8)), hit.Modified);
        }

        [Fact]
        public async Task Should_Reject_Non_Hex_Checksum_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.Checksum", () => client.SearchByChecksumAsync(new ChecksumSearchQuery { Checksum = "not-a-digest" }));
        }

        [Fact]
        public async Task Should_Reject_Project_Without_In_Project_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.ProjectId", () => client.SearchByChecksumAsync(new ChecksumSearchQuery { Checksum = new string('a', 64), ProjectId = TestClients.ProjectId }));
        }
    }

    public sealed class TheSearchArtifactsAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Typed_Body_Of_The_Newer_Page_And_Map_Example()
        {
            // Given: the advanced-search.txt example (oldRepoId camel-case, created as epoch milliseconds).
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143002-1701221035715-403","result":{"artifacts":[{"name":"mod.txt","relativePath":"1/1/mod.txt",
                  "createdBy":"xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a","createdUserName":"devcloud_devcloud_y00226182_01",
                  "created":"1701220753711","modified":"2023-11-29T09:19:13.711+08:00","repo":"xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_pypi_40",
                  "repoName":"testpypi","displayName":null,"oldRepoId":"xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_pypi_40","repoType":"pypi"}]}}
                """);
            using var client = TestClients.Create(handler);

            // When
            var results = await client.SearchArtifactsAsync(new ArtifactSearchQuery
            {
                Name = "mod.txt",
                Format = "pypi",
                PageNumber = 1,
                PageSize = 10,
                ProjectId = TestClients.ProjectId,
                InProject = true,
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/cloudartifact/v5/tree/repos/artifacts", request.Path);
            Assert.Equal(
                $$"""{"artifact_name":"mod.txt","artifact_type":"pypi","page_no":1,"page_size":10,"project_id":"{{TestClients.ProjectId}}","in_project":true}""",
                request.Body);
            var hit = Assert.Single(results);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1701220753711), hit.Created);
            Assert.Equal("xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_pypi_40", hit.OldRepositoryId);
            Assert.Equal("testpypi", hit.RepositoryName);
            Assert.Equal("devcloud_devcloud_y00226182_01", hit.CreatedByName);
        }

        [Fact]
        public async Task Should_Reject_Name_Longer_Than_200_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.Name", () => client.SearchArtifactsAsync(new ArtifactSearchQuery { Name = new string('n', 201) }));
        }

        [Fact]
        public async Task Should_Reject_Undocumented_Type_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.Format", () => client.SearchArtifactsAsync(new ArtifactSearchQuery { Name = "a", Format = "generic" }));
        }
    }
}
