using System.Net;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

/// <summary>A 200 answer with <c>status: "error"</c> is a failure; the official SDK would not notice it.</summary>
public sealed class ErrorStatusTests
{
    private const string ErrorUnder200 = """{"status":"error","trace_id":"143002-1701223356546-450","error_code":"CR.5000","error_msg":"Unknown service error.","result":null}""";

    [Fact]
    public async Task Should_Throw_Error_Status_If_File_Tree_Answers_Error_Under_200()
    {
        var handler = new RecordingHandler().Respond(ErrorUnder200);
        using var client = TestClients.Create(handler);

        var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.GetFileTreeAsync("cn-north-7_a_go_1", "/"));

        Assert.Equal(ErrorCodes.ErrorStatus, exception.Code);
        Assert.Equal(200, exception.HttpStatus);
        Assert.Equal("CR.5000", exception.ServiceErrorCode);
        Assert.Equal("143002-1701223356546-450", exception.TraceId);
        Assert.Equal("ShowFileTree", exception.Operation);
    }

    [Fact]
    public async Task Should_Throw_Error_Status_If_Delete_Answers_Error_Under_200()
    {
        var handler = new RecordingHandler().Respond(ErrorUnder200);
        using var client = TestClients.Create(handler);

        var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.DeleteFileAsync("cn-north-7_a_go_1", "/a.zip"));

        Assert.Equal(ErrorCodes.ErrorStatus, exception.Code);
        Assert.Equal("DeleteArtifactFile", exception.Operation);
    }

    [Fact]
    public async Task Should_Throw_Error_Status_If_Recycle_Bin_Answers_Error_Under_200()
    {
        var handler = new RecordingHandler().Respond(ErrorUnder200);
        using var client = TestClients.Create(handler);

        var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.RestoreFromRecycleBinAsync([RecycleBinItem.ForRepository("cn-north-7_a_go_1", "go")]));

        Assert.Equal(ErrorCodes.ErrorStatus, exception.Code);
        Assert.Equal("BatchRestoreRepo", exception.Operation);
    }

    [Fact]
    public async Task Should_Throw_Permission_Error_If_Service_Answers_CR_4102()
    {
        var handler = new RecordingHandler().Respond("""{"error_code":"CR.4102","error_msg":"You do not have permissions on the project.","status":"error","trace_id":"t"}""", HttpStatusCode.Forbidden);
        using var client = TestClients.Create(handler);

        var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.GetMavenInfoAsync(new MavenInfoQuery()));

        Assert.Equal(ErrorCodes.PermissionDenied, exception.Code);
        Assert.Equal("CR.4102", exception.ServiceErrorCode);
    }

    [Fact]
    public async Task Should_Throw_Invalid_Response_If_Result_Has_Wrong_Shape()
    {
        var handler = new RecordingHandler().Respond(TestClients.Envelope("""{"children":[{"name":"a","folder":"maybe"}]}"""));
        using var client = TestClients.Create(handler);

        var exception = await Assert.ThrowsAsync<CodeArtifactException>(() => client.GetFileTreeAsync("cn-north-7_a_go_1", "/"));

        Assert.Equal(ErrorCodes.InvalidResponse, exception.Code);
    }
}
