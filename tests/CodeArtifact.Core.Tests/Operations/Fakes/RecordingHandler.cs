using System.Net;
using System.Text;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Operations.Fakes;

/// <summary>One request as the transport saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The query pairs, unescaped, in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => SdkHmacSigner.ParseQuery(Uri.Query);

    public string? QueryValue(string key) => Query.Where(p => p.Key == key).Select(p => p.Value).SingleOrDefault();
}

/// <summary>
/// The transport seam for operation tests: records every request and answers with queued canned
/// responses. It never touches the network.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest Single => Assert.Single(Requests);

    public RecordingHandler Respond(string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _responses.Enqueue((status, json));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.MediaType));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"The test queued no answer for request #{Requests.Count}: {request.Method} {request.RequestUri}.");
        }

        var (status, json) = _responses.Dequeue();
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
