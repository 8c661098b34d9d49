using System.Net;
using System.Text;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>
/// A small sample of the differential requests over real HTTP: signed as the client signs (from
/// the <see cref="Uri"/> that <see cref="HttpClient"/> sends), to routes of a running emulator.
/// The answer may be any error of the API, but never the gateway's 401; a copy sent with a
/// changed signed header always is.
/// </summary>
public sealed class SignatureRoundTripTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    [Fact]
    public async Task Should_Accept_Random_Requests_Over_Http_And_Refuse_Them_Changed()
    {
        var random = new RandomRequestGenerator(16_0005);
        var server = _client.Server;
        var id = server.Identity;
        for (var i = 0; i < 24; i++)
        {
            // Given
            var (method, segments) = (i % 4) switch
            {
                0 => ("GET", new[] { "cloudartifact", "v5", id.TenantId, id.ProjectId, random.Text(12, allowSlash: false) is { Length: > 0 } repo ? repo : "r", "file-tree" }),
                1 => ("DELETE", new[] { "cloudartifact", "v5", "file" }),
                2 => ("PUT", new[] { "cloudartifact", "v5", "trashes" }),
                _ => ("POST", new[] { "cloudartifact", "v5", "tree", "repos", "artifacts" }),
            };
            var request = random.Next(method, segments, DateTimeOffset.UtcNow, server.Endpoint.Authority);
            var uri = new Uri(server.Endpoint, request.Target);
            var signed = SdkHmacSigner.Sign(
                request.Method, uri.AbsolutePath, SdkHmacSigner.ParseQuery(uri.Query), request.Headers, request.Body,
                id.AccessKey, Encoding.UTF8.GetBytes(id.SecretKey));

            // When
            using var accepted = await _client.Http.SendAsync(Message(request, uri, signed.Authorization));
            var entry = server.RequestLog.Snapshot().Last();
            var changed = request.Headers.First(h => h.Key == "Host").Value == server.Endpoint.Authority
                ? new KeyValuePair<string, string>(SdkHmacSigner.DateHeader, SdkHmacSigner.FormatDate(DateTimeOffset.UtcNow.AddMinutes(-1)))
                : throw new InvalidOperationException("The request must be signed for the emulator's host.");
            using var refused = await _client.Http.SendAsync(Message(request, uri, signed.Authorization, changed));
            var refusal = await refused.Content.ReadAsStringAsync();

            // Then
            Assert.True(accepted.StatusCode != HttpStatusCode.Unauthorized, $"#{i} {method} {uri.PathAndQuery}: {await accepted.Content.ReadAsStringAsync()}");
            Assert.Equal("aksk", entry.AuthKind);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("APIGW.0301", refusal);
        }
    }

    private static HttpRequestMessage Message(RandomRequest request, Uri uri, string authorization, KeyValuePair<string, string>? replace = null)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.Body.Length > 0)
        {
            // Sent exactly as signed (a parsed media type would be re-written with a space).
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.Headers.First(h => h.Key == "Content-Type").Value);
        }

        foreach (var header in request.Headers.Where(h => h.Key is not ("Host" or "Content-Type")))
        {
            var value = replace is { } r && r.Key == header.Key ? r.Value : header.Value;
            message.Headers.TryAddWithoutValidation(header.Key, value);
        }

        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        return message;
    }
}
