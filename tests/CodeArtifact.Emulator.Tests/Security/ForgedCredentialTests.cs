using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeArtifact.Emulator.Tests.Security;

/// <summary>
/// Requests an attacker could make without the right secret, or with one that is no longer valid:
/// each is refused by the gateway layer (401, <c>{error_code, error_msg, request_id}</c>) before it
/// reaches the service, and the repositories are exactly as they were.
/// </summary>
public sealed partial class ForgedCredentialTests(SecurityEmulator emulator) : IClassFixture<SecurityEmulator>
{
    private string DevFilePath => emulator.DevRepository.Id + SecurityEmulator.DevFile;

    [Theory]
    [InlineData("flipped signature")]
    [InlineData("signed with another secret key")]
    [InlineData("signature of another request")]
    [InlineData("body swapped after signing")]
    [InlineData("date left out of the signed headers")]
    [InlineData("another algorithm")]
    [InlineData("no date header")]
    [InlineData("empty signature")]
    public async Task A_Forged_Signature_Is_Refused_And_Changes_Nothing(string forgery)
    {
        // Given the state, and a delete of the dev tenant's file forged one way
        var before = await emulator.StateAsync();
        var request = Forge(forgery);

        // When
        var (status, body, response) = await emulator.SendAsync(request);
        response.Dispose();

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        ErrorShapes.Gateway(body, "APIGW.0301");
        Assert.Equal("rejected", emulator.Server.RequestLog.Snapshot().Last().AuthKind);
        Assert.Equal(before, await emulator.StateAsync());
    }

    [Fact]
    public async Task A_Replay_Outside_The_Skew_Window_Is_Refused_And_Changes_Nothing()
    {
        // Given a delete that was sent once, and the file put back since
        var sent = emulator.SignedDelete(DevFilePath);
        var captured = await CaptureAsync(sent);
        var (first, _, firstResponse) = await emulator.SendAsync(sent);
        firstResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, first);
        emulator.Server.Seed.PutFile(emulator.DevRepository.Id, SecurityEmulator.DevFile, emulator.DevBytes);
        var before = await emulator.StateAsync();

        // When the captured bytes are replayed 16 minutes later, and a request is dated 16 minutes ahead
        emulator.Clock.Advance(TimeSpan.FromMinutes(16));
        var (replayed, replayBody, replayResponse) = await emulator.SendAsync(Rebuild(captured));
        replayResponse.Dispose();
        var ahead = emulator.Client.Signed(
            HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{DevFilePath}}"}""", at: emulator.Clock.GetUtcNow().AddMinutes(16));
        var (fromTheFuture, futureBody, futureResponse) = await emulator.SendAsync(ahead);
        futureResponse.Dispose();

        // Then both are refused, and nothing changed
        Assert.Equal(HttpStatusCode.Unauthorized, replayed);
        ErrorShapes.Gateway(replayBody, "APIGW.0301");
        Assert.Equal(HttpStatusCode.Unauthorized, fromTheFuture);
        ErrorShapes.Gateway(futureBody, "APIGW.0301");
        Assert.Equal(before, await emulator.StateAsync());
    }

    [Theory]
    [InlineData("unknown access key")]
    [InlineData("other tenant's access key, dev secret key")]
    [InlineData("dev access key, other tenant's secret key")]
    [InlineData("access key in another case")]
    public async Task A_Wrong_Access_Key_Is_Refused_And_Changes_Nothing(string which)
    {
        // Given
        var dev = emulator.Server.Identity;
        var other = emulator.Server.OtherIdentity;
        var (ak, sk) = which switch
        {
            "unknown access key" => ("CAEMUNOSUCHKEY000000", dev.SecretKey),
            "other tenant's access key, dev secret key" => (other.AccessKey, dev.SecretKey),
            "dev access key, other tenant's secret key" => (dev.AccessKey, other.SecretKey),
            _ => (dev.AccessKey.ToLowerInvariant(), dev.SecretKey),
        };
        var before = await emulator.StateAsync();

        // When
        var request = emulator.Signed(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{DevFilePath}}"}""", accessKey: ak, secretKey: sk);
        var (status, body, response) = await emulator.SendAsync(request);
        response.Dispose();

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        ErrorShapes.Gateway(body, "APIGW.0301");
        Assert.Equal(before, await emulator.StateAsync());
    }

    [Fact]
    public async Task An_Expired_Token_Or_Temporary_Key_Is_Refused_And_Changes_Nothing()
    {
        // Given a token and temporary keys that work now
        var token = emulator.Server.IssueToken();
        var temporary = emulator.Server.CreateTemporaryCredentials(TimeSpan.FromMinutes(30));
        var treeUrl = $"/cloudartifact/v5/{emulator.Server.Identity.TenantId}/{emulator.Server.Identity.ProjectId}/{emulator.DevRepository.Id}/file-tree?path=/";
        var (valid, _, validResponse) = await emulator.SendAsync(WithToken(emulator.Raw(HttpMethod.Get, treeUrl), token));
        validResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, valid);

        // When the temporary keys expire, then the token
        emulator.Clock.Advance(TimeSpan.FromMinutes(31));
        var before = await emulator.StateAsync();
        var (expiredKey, keyBody, keyResponse) = await emulator.SendAsync(emulator.Signed(
            HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{DevFilePath}}"}""",
            accessKey: temporary.AccessKey, secretKey: temporary.SecretKey, securityToken: temporary.SecurityToken));
        keyResponse.Dispose();
        emulator.Clock.Advance(TimeSpan.FromHours(24));
        var delete = emulator.Raw(HttpMethod.Delete, "/cloudartifact/v5/file", body: Encoding.UTF8.GetBytes($$"""{"path":"{{DevFilePath}}"}"""));
        delete.Content!.Headers.ContentType = new("application/json");
        var (expiredToken, tokenBody, tokenResponse) = await emulator.SendAsync(WithToken(delete, token));
        tokenResponse.Dispose();

        // Then both are refused with the gateway's codes, and nothing changed
        Assert.Equal(HttpStatusCode.Unauthorized, expiredKey);
        ErrorShapes.Gateway(keyBody, "APIGW.0301");
        Assert.Equal(HttpStatusCode.Unauthorized, expiredToken);
        ErrorShapes.Gateway(tokenBody, "APIGW.0307");
        Assert.Equal(before, await emulator.StateAsync());
    }

    private HttpRequestMessage Forge(string forgery)
    {
        var other = emulator.DevRepository.Id + "/app/other.zip";
        var request = emulator.SignedDelete(DevFilePath);
        var authorization = request.Headers.GetValues("Authorization").Single();
        switch (forgery)
        {
            case "flipped signature":
                var last = authorization[^1];
                return WithAuthorization(request, authorization[..^1] + (last == '0' ? '1' : '0'));
            case "signed with another secret key":
                return emulator.Signed(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{DevFilePath}}"}""", secretKey: "CAEmuGuessedSecretKey00000000000000000001");
            case "signature of another request":
                var read = emulator.SignedDelete(other).Headers.GetValues("Authorization").Single();
                return WithAuthorization(request, read);
            case "body swapped after signing":
                var swapped = emulator.SignedDelete(other);
                swapped.Content = new StringContent($$"""{"path":"{{DevFilePath}}"}""", Encoding.UTF8, "application/json");
                return swapped;
            case "date left out of the signed headers":
                return WithAuthorization(request, SignedHeadersPattern().Replace(authorization, m => "SignedHeaders=" + string.Join(';', m.Groups[1].Value.Split(';').Where(h => h != "x-sdk-date"))));
            case "another algorithm":
                return WithAuthorization(request, authorization.Replace("SDK-HMAC-SHA256", "SDK-HMAC-SHA1", StringComparison.Ordinal));
            case "no date header":
                request.Headers.Remove("X-Sdk-Date");
                return request;
            case "empty signature":
                return WithAuthorization(request, SignaturePattern().Replace(authorization, "Signature="));
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null);
        }
    }

    private static HttpRequestMessage WithAuthorization(HttpRequestMessage request, string authorization)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        return request;
    }

    private static async Task<(HttpMethod Method, Uri Uri, List<KeyValuePair<string, IEnumerable<string>>> Headers, byte[]? Body)> CaptureAsync(HttpRequestMessage request) =>
        (request.Method, request.RequestUri!, request.Headers.ToList(), request.Content is null ? null : await request.Content.ReadAsByteArrayAsync());

    private static HttpRequestMessage Rebuild((HttpMethod Method, Uri Uri, List<KeyValuePair<string, IEnumerable<string>>> Headers, byte[]? Body) captured)
    {
        var request = new HttpRequestMessage(captured.Method, captured.Uri);
        foreach (var (name, values) in captured.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, values);
        }

        if (captured.Body is not null)
        {
            request.Content = new ByteArrayContent(captured.Body);
            request.Content.Headers.ContentType = new("application/json");
        }

        return request;
    }

    [GeneratedRegex("SignedHeaders=([^,]+)")]
    private static partial Regex SignedHeadersPattern();

    [GeneratedRegex("Signature=[0-9a-f]+")]
    private static partial Regex SignaturePattern();
}
