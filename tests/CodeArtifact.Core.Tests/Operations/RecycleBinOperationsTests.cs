using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class RecycleBinOperationsTests
{
    private const string GoRepo = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_go_4";
    private const string MavenRepo = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_2_23";

    // The documented examples (reference 4.1.1/4.1.2): result is the string "success".
    private const string StringSuccess = """{"status":"success","trace_id":"143002-1701173929284-59","result":"success"}""";

    private static readonly RecycleBinItem[] DocumentedItems =
    [
        new(GoRepo, "go", GoRepo + "/", "active"),
        new(MavenRepo, "maven2", MavenRepo + "/", "active"),
    ];

    public sealed class TheRestoreFromRecycleBinAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Bare_Array_With_Put()
        {
            // Given
            var handler = new RecordingHandler().Respond(StringSuccess);
            using var client = TestClients.Create(handler);

            // When
            await client.RestoreFromRecycleBinAsync(DocumentedItems);

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Put, request.Method);
            Assert.Equal("/cloudartifact/v5/trashes", request.Path);
            Assert.Equal(
                $$"""[{"id":"{{GoRepo}}","format":"go","uri":"{{GoRepo}}/","status":"active"},{"id":"{{MavenRepo}}","format":"maven2","uri":"{{MavenRepo}}/","status":"active"}]""",
                request.Body);
        }

        [Fact]
        public async Task Should_Count_Every_Item_As_Restored_If_Result_Is_The_String_Success()
        {
            var handler = new RecordingHandler().Respond(StringSuccess);
            using var client = TestClients.Create(handler);

            var result = await client.RestoreFromRecycleBinAsync(DocumentedItems);

            Assert.Equal(2, result.SuccessNum);
            Assert.Equal(0, result.FailedNum);
            Assert.True(result.Succeeded);
        }

        [Fact]
        public async Task Should_Report_Failures_If_Result_Is_The_Counted_Object()
        {
            var handler = new RecordingHandler().Respond(TestClients.Envelope("""{"successNum":1,"failedNum":1,"failedMessages":["go_4/ not in recycle bin"]}"""));
            using var client = TestClients.Create(handler);

            var result = await client.RestoreFromRecycleBinAsync(DocumentedItems);

            Assert.Equal(1, result.SuccessNum);
            Assert.Equal(1, result.FailedNum);
            Assert.Equal(["go_4/ not in recycle bin"], result.FailedMessages);
            Assert.False(result.Succeeded);
        }

        [Fact]
        public async Task Should_Build_File_Uri_Without_Leading_Slash_If_Item_Made_From_Path()
        {
            var handler = new RecordingHandler().Respond(StringSuccess);
            using var client = TestClients.Create(handler);

            await client.RestoreFromRecycleBinAsync([RecycleBinItem.ForPath(GoRepo, "go", "/app/1.0/app.zip")]);

            var item = TestClients.BodyOf(handler.Single)[0];
            Assert.Equal(GoRepo + "/app/1.0/app.zip", item.GetProperty("uri").GetString());
            Assert.Equal("active", item.GetProperty("status").GetString());
        }

        [Fact]
        public async Task Should_Reject_Empty_List_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "items", () => client.RestoreFromRecycleBinAsync([]));
        }

        [Fact]
        public async Task Should_Reject_Uri_Of_Another_Repository_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "items[0].Uri", () => client.RestoreFromRecycleBinAsync([new(GoRepo, "go", "/" + GoRepo + "/a")]));
        }

        [Fact]
        public async Task Should_Reject_Unknown_Status_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "items[1].Status", () => client.RestoreFromRecycleBinAsync([DocumentedItems[0], DocumentedItems[1] with { Status = "gone" }]));
        }

        [Fact]
        public async Task Should_Reject_Unknown_Format_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "items[0].Format", () => client.RestoreFromRecycleBinAsync([DocumentedItems[0] with { Format = "tarball" }]));
        }
    }

    public sealed class TheDeleteFromRecycleBinAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Bare_Array_With_Delete_And_Format_Spelled_Format()
        {
            // Given
            var debian = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_debian_43";
            var handler = new RecordingHandler().Respond(StringSuccess);
            using var client = TestClients.Create(handler);

            // When
            var result = await client.DeleteFromRecycleBinAsync([RecycleBinItem.ForRepository(debian, "debian"), RecycleBinItem.ForRepository(GoRepo, "go")]);

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Delete, request.Method);
            Assert.Equal("/cloudartifact/v5/trashes", request.Path);
            var body = TestClients.BodyOf(request);
            Assert.Equal(2, body.GetArrayLength());
            Assert.Equal(debian + "/", body[0].GetProperty("uri").GetString());
            Assert.Equal("debian", body[0].GetProperty("format").GetString());
            Assert.False(body[0].TryGetProperty("fomat", out _));
            Assert.Equal(2, result.SuccessNum);
        }
    }
}
