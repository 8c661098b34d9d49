using System.Net;

namespace CodeArtifact.Core.Tests.Http;

/// <summary>
/// The failure of a retried operation says how many attempts it took and how many of them got no
/// answer, so that a job can tell "not found because my lost attempt did it" from "not found".
/// </summary>
public sealed class AttemptInfoTests
{
    private static HttpResponseMessage NotFound() => FakeHttpHandler.Json(
        HttpStatusCode.NotFound,
        """{"error_code":"CR.4040","error_msg":"file not found","status":"error","trace_id":"t-1"}""");

    private static readonly HttpRequestException Dropped =
        new(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("Connection reset by peer"));

    [Fact]
    public async Task Should_Count_An_Unanswered_Attempt_Before_A_Not_Found()
    {
        // Given a first attempt that loses its connection, then a 404
        using var client = new TestClient((r, _) => r.Index == 1 ? throw Dropped : Task.FromResult(NotFound()));

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync(TestClient.Request("DeleteArtifactFile", HttpMethod.Delete, "{}"u8.ToArray())));

        // Then
        Assert.Equal(404, error.HttpStatus);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(1, error.UnansweredAttempts);
    }

    [Fact]
    public async Task Should_Not_Count_An_Answered_Retry_As_Unanswered()
    {
        // Given a first attempt answered 503 (the service did nothing), then a 404
        using var client = new TestClient(r => r.Index == 1 ? FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable) : NotFound());

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync(TestClient.Request("DeleteArtifactFile", HttpMethod.Delete, "{}"u8.ToArray())));

        Assert.Equal(2, error.Attempts);
        Assert.Equal(0, error.UnansweredAttempts);
    }

    [Fact]
    public async Task Should_Say_One_Attempt_If_The_First_Answer_Fails()
    {
        using var client = new TestClient(_ => NotFound());

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(1, error.Attempts);
        Assert.Equal(0, error.UnansweredAttempts);
    }

    [Fact]
    public async Task Should_Carry_The_Attempts_On_A_Status_Error_Answer()
    {
        // Given a dropped attempt, then HTTP 200 with status "error"
        using var client = new TestClient((r, _) => r.Index == 1
            ? throw Dropped
            : Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.OK, """{"status":"error","error_code":"CR.5000","error_msg":"x","trace_id":"t"}""")));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.ErrorStatus, error.Code);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(1, error.UnansweredAttempts);
    }
}
