using System.Net.Http.Headers;
using System.Text;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator.Tests.Support;

/// <summary>
/// Builds raw HTTP requests against an emulator, signed with <see cref="SdkHmacSigner"/> as the
/// official SDKs sign them, with hooks to tamper with any part after signing.
/// </summary>
public sealed class SignedClient(EmulatorServer server, HttpClient http)
{
    public EmulatorServer Server { get; } = server;

    public HttpClient Http { get; } = http;

    public static SignedClient For(EmulatorServer server) =>
        new(server, new HttpClient { BaseAddress = server.Endpoint, Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>A signed request; <paramref name="pathAndQuery"/> is sent exactly as given.</summary>
    public HttpRequestMessage Signed(
        HttpMethod method, string pathAndQuery, string? jsonBody = null, string? accessKey = null, string? secretKey = null,
        DateTimeOffset? at = null, string? securityToken = null, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        accessKey ??= Server.Identity.AccessKey;
        secretKey ??= Server.Identity.SecretKey;
        var body = jsonBody is null ? [] : Encoding.UTF8.GetBytes(jsonBody);
        var uri = new Uri(Server.Endpoint, pathAndQuery);
        var date = SdkHmacSigner.FormatDate(at ?? DateTimeOffset.UtcNow);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", uri.Authority),
            new(SdkHmacSigner.DateHeader, date),
        };
        if (jsonBody is not null)
        {
            headers.Add(new("Content-Type", "application/json"));
        }

        if (securityToken is not null)
        {
            headers.Add(new("X-Security-Token", securityToken));
        }

        headers.AddRange(extraHeaders ?? []);
        var rawPath = pathAndQuery.Split('?')[0];
        var rawQuery = pathAndQuery.Contains('?') ? pathAndQuery[(pathAndQuery.IndexOf('?') + 1)..] : string.Empty;
        var signed = SdkHmacSigner.Sign(
            method.Method, rawPath, SdkHmacSigner.ParseQuery(rawQuery), headers, body, accessKey, Encoding.UTF8.GetBytes(secretKey));

        var request = new HttpRequestMessage(method, uri);
        foreach (var header in headers)
        {
            if (header.Key is "Host" or "Content-Type")
            {
                continue;
            }

            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null) =>
        await Http.SendAsync(Signed(method, pathAndQuery, jsonBody));

    /// <summary>Sends a signed request and parses the JSON answer.</summary>
    public async Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> JsonAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null)
    {
        using var response = await SendSignedAsync(method, pathAndQuery, jsonBody);
        return (((int)response.StatusCode), await ReadJsonAsync(response));
    }

    public static async Task<System.Text.Json.Nodes.JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(text);
    }

    /// <summary>The v5 path prefix of the dev identity: <c>/cloudartifact/v5/{tenant}/{project}</c>.</summary>
    public string V5Prefix(EmulatorIdentity? identity = null)
    {
        var id = identity ?? Server.Identity;
        return $"/cloudartifact/v5/{id.TenantId}/{id.ProjectId}";
    }

    /// <summary>Basic auth header value with the repository user of the dev identity.</summary>
    public AuthenticationHeaderValue RepositoryBasic(EmulatorIdentity? identity = null) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes((identity ?? Server.Identity).RepositoryUserName + ":" + Server.RepositoryPassword(identity))));
}
