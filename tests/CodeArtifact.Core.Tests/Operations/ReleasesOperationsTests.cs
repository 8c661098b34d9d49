using System.Net;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class ReleasesOperationsTests
{
    private const string Page = """
        {"result":{"data":[
          {"version":"1.0.0","path":"/release/app/1.0.0/app.zip","download_url":"https://example.test/app/1.0.0/app.zip"},
          {"version":"1.10.0","path":"/release/app/1.10.0/app.zip","download_url":"https://example.test/app/1.10.0/app.zip"}
        ],"total_records":12,"total_pages":6}}
        """;

    public sealed class TheGetReleaseFilesAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Request_Without_Devreposerver_Prefix()
        {
            // Given
            var handler = new RecordingHandler().Respond(Page);
            using var client = TestClients.Create(handler);

            // When
            await client.GetReleaseFilesAsync("myFile", 10, 0);

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/v2/{TestClients.ProjectId}/release/files", request.Path);
            Assert.Equal(TestClients.Pairs(("file_name", "myFile"), ("limit", "10"), ("offset", "0")), request.Query);
        }

        [Fact]
        public async Task Should_Read_Body_Without_Envelope()
        {
            var handler = new RecordingHandler().Respond(Page);
            using var client = TestClients.Create(handler);

            var page = await client.GetReleaseFilesAsync("app", 2, 4);

            Assert.Equal(12, page.TotalRecords);
            Assert.Equal(6, page.TotalPages);
            Assert.Equal(2, page.Data.Count);
            Assert.Equal(new("1.10.0", "/release/app/1.10.0/app.zip", "https://example.test/app/1.10.0/app.zip"), page.Data[1]);
        }

        [Fact]
        public async Task Should_Use_Given_Project()
        {
            var other = "11111111111111111111111111111111";
            var handler = new RecordingHandler().Respond("""{"result":{"data":[],"total_records":0,"total_pages":0}}""");
            using var client = TestClients.Create(handler);

            var page = await client.GetReleaseFilesAsync(other, "app", 100, 200);

            Assert.Empty(page.Data);
            Assert.Equal($"/v2/{other}/release/files", handler.Single.Path);
            Assert.Equal("200", handler.Single.QueryValue("offset"));
        }

        [Fact]
        public async Task Should_Fail_With_Error_Status_If_Body_Says_Error_Under_200()
        {
            var handler = new RecordingHandler().Respond("""{"traceId":"t-1","status":"error","error":{"code":"X","message":"boom"},"result":null}""");
            using var client = TestClients.Create(handler);

            var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.GetReleaseFilesAsync("app", 10, 0));

            Assert.Equal(ErrorCodes.ErrorStatus, exception.Code);
            Assert.Equal("t-1", exception.TraceId);
            Assert.Equal("ShowProjectReleaseFiles", exception.Operation);
        }

        [Fact]
        public async Task Should_Surface_Documented_403_As_Permission_Error()
        {
            var handler = new RecordingHandler().Respond("""{"error_code":"CR.4102","error_msg":"You do not have permissions on the project."}""", HttpStatusCode.Forbidden);
            using var client = TestClients.Create(handler);

            var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.GetReleaseFilesAsync("app", 10, 0));

            Assert.Equal(403, exception.HttpStatus);
            Assert.Equal("CR.4102", exception.ServiceErrorCode);
        }

        [Theory]
        [InlineData("my file")]
        [InlineData("a/b")]
        [InlineData("")]
        public async Task Should_Reject_File_Name_Before_Any_Request(string fileName)
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "fileName", () => client.GetReleaseFilesAsync(fileName, 10, 0));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(101)]
        public async Task Should_Reject_Limit_Before_Any_Request_If_Outside_1_To_100(int limit)
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "limit", () => client.GetReleaseFilesAsync("app", limit, 0));
        }

        [Fact]
        public async Task Should_Reject_Negative_Offset_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "offset", () => client.GetReleaseFilesAsync("app", 10, -1));
        }

        [Fact]
        public async Task Should_Require_A_Project_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler, o => o.ProjectId = null);
            await TestClients.AssertRejectedAsync(handler, "projectId", () => client.GetReleaseFilesAsync("app", 10, 0));
        }
    }
}
