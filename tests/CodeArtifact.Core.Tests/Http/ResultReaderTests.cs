using System.Net;
using System.Text;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core.Tests.Http;

public sealed class ResultReaderTests
{
    [Theory]
    [InlineData("{\"status\":\"success\",\"trace_id\":\"1\",\"result\":{\"name\":\"a\"}}")]
    [InlineData("{\"result\":{\"name\":\"a\",\"extra\":[1,{\"x\":2}]},\"status\":\"success\"}")]
    [InlineData("\uFEFF{\"trace_id\":\"1\",\"result\":{\"name\":\"a\"}}")]
    [InlineData("{\"status\":\"SUCCESS\",\"other\":{\"nested\":true},\"result\":{\"name\":\"a\"}}")]
    public async Task Should_Unwrap_Result_Whatever_The_Field_Order(string body)
    {
        using var client = new TestClient(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        });

        var result = await client.SendAsync();

        Assert.Equal("a", result.Name);
    }

    [Fact]
    public async Task Should_Read_Whole_Body_If_No_Envelope()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Json(HttpStatusCode.OK, "{\"name\":\"bare\"}"));

        var result = await client.SendAsync(TestClient.Request(envelope: ApiEnvelope.None));

        Assert.Equal("bare", result.Name);
    }

    [Fact]
    public async Task Should_Return_Raw_Answer_With_Body_Buffered()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.NotFound));

        using var response = await client.Connection.SendRawAsync(TestClient.Request(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.Connection.ThrowIfFailedAsync(response, "ShowFileTree", CancellationToken.None));
        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }
}
