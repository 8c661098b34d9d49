using System.Net;
using System.Net.Http.Headers;

namespace CodeArtifact.Benchmarks;

/// <summary>The innermost handler of a client under benchmark: every request gets the same 200 JSON answer, from memory.</summary>
internal sealed class CannedAnswerHandler(byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
