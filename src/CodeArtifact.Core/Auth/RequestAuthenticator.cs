using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// Puts the client's credentials on one attempt of a request. Called again for every attempt,
/// so each retry carries a fresh <c>X-Sdk-Date</c> and signature (or the current IAM token).
/// AK/SK: <c>SDK-HMAC-SHA256</c> over host, <c>X-Sdk-Date</c>, <c>X-Project-Id</c> (or
/// <c>X-Domain-Id</c>) and <c>X-Security-Token</c> for temporary keys. Tokens: <c>X-Auth-Token</c>.
/// </summary>
internal sealed class RequestAuthenticator
{
    /// <summary>The payload hash the gateway accepts for a body that is streamed unsigned.</summary>
    public const string UnsignedPayload = SdkHmacSigner.UnsignedPayload;

    public const string ContentSha256Header = SdkHmacSigner.ContentSha256Header;
    public const string SecurityTokenHeader = "X-Security-Token";
    public const string AuthTokenHeader = "X-Auth-Token";
    public const string ProjectIdHeader = "X-Project-Id";
    public const string DomainIdHeader = "X-Domain-Id";

    private static readonly string[] OwnHeaders =
    [
        "Authorization", SdkHmacSigner.DateHeader, SecurityTokenHeader, AuthTokenHeader, ProjectIdHeader, DomainIdHeader, ContentSha256Header,
    ];

    private readonly CodeArtifactClientOptions _options;
    private readonly IamTokenProvider? _tokens;

    public RequestAuthenticator(CodeArtifactClientOptions options, IamTokenProvider? tokens)
    {
        _options = options;
        _tokens = tokens;
    }

    /// <summary>
    /// Authenticates one attempt. Returns the IAM token it used when the credentials are an IAM
    /// user's (so that the caller can drop it if the gateway says it must be renewed), else null.
    /// </summary>
    public async ValueTask<Secret?> ApplyAsync(HttpRequestMessage request, RequestState state, CancellationToken cancellationToken)
    {
        foreach (var header in OwnHeaders)
        {
            request.Headers.Remove(header);
        }

        switch (state.Auth)
        {
            case RequestAuth.None:
                return null;
            case RequestAuth.Basic:
                request.Headers.Authorization = state.Basic;
                return null;
        }

        switch (_options.Credentials)
        {
            case AccessKeyCredentials ak:
                await SignAsync(request, state, ak, cancellationToken).ConfigureAwait(false);
                return null;
            case TokenCredentials token:
                request.Headers.TryAddWithoutValidation(AuthTokenHeader, token.Token.Reveal());
                return null;
            case IamPasswordCredentials when _tokens is not null:
                var issued = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.TryAddWithoutValidation(AuthTokenHeader, issued.Reveal());
                return issued;
            default:
                throw new CodeArtifactException(ErrorCodes.NoCredentials, $"{state.Operation}: no credentials to authenticate with. {CredentialChain.Routes}")
                {
                    Operation = state.Operation,
                };
        }
    }

    /// <summary>Forgets an IAM token the gateway refused as expired (APIGW.0307).</summary>
    public void Invalidate(Secret token) => _tokens?.Invalidate(token);

    private async Task SignAsync(HttpRequestMessage request, RequestState state, AccessKeyCredentials ak, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        var headers = new List<KeyValuePair<string, string>>(6)
        {
            new("Host", host),
            new(SdkHmacSigner.DateHeader, SdkHmacSigner.FormatDate(_options.TimeProvider.GetUtcNow())),
        };
        if (!string.IsNullOrEmpty(_options.ProjectId))
        {
            headers.Add(new(ProjectIdHeader, _options.ProjectId));
        }
        else if (!string.IsNullOrEmpty(_options.DomainId))
        {
            headers.Add(new(DomainIdHeader, _options.DomainId));
        }

        if (ak.SecurityToken is not null)
        {
            headers.Add(new(SecurityTokenHeader, ak.SecurityToken.Reveal()));
        }

        var payloadHash = await PayloadHashAsync(request.Content, state, cancellationToken).ConfigureAwait(false);
        if (payloadHash == UnsignedPayload)
        {
            headers.Add(new(ContentSha256Header, UnsignedPayload));
        }

        var signable = SdkHmacSigner.SignableHeaders(headers);
        var canonical = SdkHmacSigner.CanonicalRequest(
            request.Method.Method, uri.AbsolutePath, SdkHmacSigner.ParseQuery(uri.Query), signable, payloadHash);
        var stringToSign = SdkHmacSigner.StringToSign(signable.First(h => h.Key == "x-sdk-date").Value, canonical);
        var secretKey = Encoding.UTF8.GetBytes(ak.SecretKey.Reveal());
        string signature;
        try
        {
            signature = SdkHmacSigner.Signature(secretKey, stringToSign);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretKey);
        }

        request.Headers.Host = host;
        foreach (var header in headers.Where(h => h.Key != "Host"))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Headers.TryAddWithoutValidation(
            "Authorization", SdkHmacSigner.AuthorizationHeader(ak.AccessKey, SdkHmacSigner.SignedHeaderNames(signable), signature));
    }

    /// <summary>
    /// The hex SHA-256 of the body: from the buffered JSON, from in-memory content, or by streaming
    /// a seekable upload once; a body that cannot be read twice is sent as <c>UNSIGNED-PAYLOAD</c>.
    /// </summary>
    private static async ValueTask<string> PayloadHashAsync(HttpContent? content, RequestState state, CancellationToken cancellationToken)
    {
        if (state.Body is { } body)
        {
            return SdkHmacSigner.HexSha256(body);
        }

        switch (content)
        {
            case null:
                return SdkHmacSigner.EmptyPayloadHash;
            case ByteArrayContent or ReadOnlyMemoryContent:
                return SdkHmacSigner.HexSha256(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            case UploadContent upload:
                return await upload.ComputeSha256Async(cancellationToken).ConfigureAwait(false) ?? UnsignedPayload;
            default:
                return UnsignedPayload;
        }
    }
}
