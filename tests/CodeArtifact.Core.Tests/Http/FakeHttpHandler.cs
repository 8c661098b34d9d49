using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CodeArtifact.Core.Tests.Http;

/// <summary>What the fake transport saw of one attempt.</summary>
internal sealed record CapturedRequest(
    int Index,
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset Time)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A lambda-driven transport: records every attempt (headers, body, the fake clock's time) and
/// answers with whatever the test's function returns or throws.
/// </summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private int _count;

    public FakeHttpHandler(TimeProvider time, Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _time = time;
        _respond = respond;
    }

    public FakeHttpHandler(TimeProvider time, Func<CapturedRequest, HttpResponseMessage> respond)
        : this(time, (request, _) => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<CapturedRequest> Requests => _requests.OrderBy(r => r.Index).ToList();

    public int Count => Volatile.Read(ref _count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Headers.Host is { } host)
        {
            headers["Host"] = host;
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        var captured = new CapturedRequest(Interlocked.Increment(ref _count), request.Method, request.RequestUri!, headers, body, _time.GetUtcNow());
        _requests.Enqueue(captured);
        var response = await _respond(captured, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Ok(string resultJson = "{\"name\":\"ok\"}") =>
        Json(HttpStatusCode.OK, $"{{\"status\":\"success\",\"trace_id\":\"1-2-3\",\"result\":{resultJson}}}");

    public static HttpResponseMessage Html(HttpStatusCode status, string html) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

    public static HttpResponseMessage Status(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Json(status, "{}", headers);
}
