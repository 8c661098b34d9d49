using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class CapacityOperationsTests
{
    public sealed class TheGetStorageUsageAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Query_And_Map_Example()
        {
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143006-1701220621380-265","result":{"totalStorage":"549.62 MB","totalCount":183}}""");
            using var client = TestClients.Create(handler);

            var usage = await client.GetStorageUsageAsync(["maven2", "npm", "go", "pypi", "rpm", "debian", "conan", "nuget", "docker"], inProject: true);

            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal("/cloudartifact/v5/storage", request.Path);
            Assert.Equal(TestClients.Pairs(("format_list", "maven2,npm,go,pypi,rpm,debian,conan,nuget,docker"), ("in_project", "true")), request.Query);
            Assert.Equal(new StorageUsage("549.62 MB", 183), usage);
        }

        [Fact]
        public async Task Should_Reject_Unknown_Format_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "formats[1]", () => client.GetStorageUsageAsync(["npm", "jar"]));
        }
    }

    public sealed class TheGetStorageTrendAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Query_And_Map_Example()
        {
            // Given: the first and last days of the reference 4.7.3 example.
            var repo = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108";
            var handler = new RecordingHandler().Respond("""
                {"status":"success","trace_id":"143006-1701222420819-287","result":[
                  {"filesCount":2,"usedSpaceLength":1034390,"usedSpace":"1,010.15 KB","summaryDate":"2023-11-22","foldersCount":null,"itemsCount":null},
                  {"filesCount":0,"usedSpaceLength":0,"usedSpace":"","summaryDate":"2023-11-28","foldersCount":null,"itemsCount":null}]}
                """);
            using var client = TestClients.Create(handler);

            // When
            var trend = await client.GetStorageTrendAsync(new StorageTrendQuery
            {
                Repository = repo,
                StartDate = new DateOnly(2023, 11, 22),
                EndDate = new DateOnly(2023, 11, 28),
            });

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/cloudartifact/v5/{TestClients.TenantId}/{TestClients.ProjectId}/storageinfo/statistic", request.Path);
            Assert.Equal(TestClients.Pairs(("start_time", "2023-11-22"), ("end_time", "2023-11-28"), ("repo", repo)), request.Query);
            Assert.Equal(2, trend.Count);
            Assert.Equal(new DateOnly(2023, 11, 22), trend[0].Date);
            Assert.Equal(1034390, trend[0].UsedSpaceBytes);
            Assert.Equal("1,010.15 KB", trend[0].UsedSpace);
            Assert.Equal(2, trend[0].FilesCount);
            Assert.Null(trend[0].FoldersCount);
            Assert.Null(trend[1].UsedSpace);
        }

        [Fact]
        public async Task Should_Reject_Start_After_End_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "query.StartDate", () => client.GetStorageTrendAsync(new StorageTrendQuery { StartDate = new DateOnly(2024, 2, 1), EndDate = new DateOnly(2024, 1, 1) }));
        }
    }
}
