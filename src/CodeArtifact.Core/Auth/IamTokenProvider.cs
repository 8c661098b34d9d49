using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// Obtains and caches the project-scoped IAM token of an IAM user
/// (<c>POST {iam}/v3/auth/tokens</c>, token in <c>X-Subject-Token</c>). The token is reused
/// until <see cref="RefreshMargin"/> before its expiry; when many requests need a token at once,
/// one request is sent and all of them wait for it (single flight).
/// </summary>
internal sealed class IamTokenProvider : IDisposable
{
    /// <summary>The operation's name in IAM's reference, for messages.</summary>
    public const string Operation = "KeystoneCreateUserTokenByPassword";

    /// <summary>A token is renewed this long before it expires, so no request goes out with a token about to lapse.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(10);

    /// <summary>IAM tokens last 24 hours; used when the answer does not say.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public delegate Task<HttpResponseMessage> Sender(HttpRequestMessage request, RequestState state, CancellationToken cancellationToken);

    private readonly IamPasswordCredentials _credentials;
    private readonly Uri _tokenUri;
    private readonly string? _projectId;
    private readonly string? _projectName;
    private readonly TimeProvider _timeProvider;
    private readonly Sender _send;
    private readonly ErrorTranslator _errors;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _gate = new();
    private (Secret Token, DateTimeOffset RenewAt)? _cached;
    private Task<Secret>? _inFlight;

    public IamTokenProvider(
        IamPasswordCredentials credentials,
        Uri iamEndpoint,
        string? projectId,
        string? projectName,
        TimeProvider timeProvider,
        Sender send,
        ErrorTranslator errors)
    {
        _credentials = credentials;
        _tokenUri = new Uri(iamEndpoint.GetLeftPart(UriPartial.Authority) + iamEndpoint.AbsolutePath.TrimEnd('/') + "/v3/auth/tokens");
        _projectId = projectId;
        _projectName = projectName;
        _timeProvider = timeProvider;
        _send = send;
        _errors = errors;
    }

    /// <summary>A valid token: the cached one, or a new one shared with every concurrent caller.</summary>
    public async Task<Secret> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<Secret> pending;
        lock (_gate)
        {
            if (_cached is { } cached && _timeProvider.GetUtcNow() < cached.RenewAt)
            {
                return cached.Token;
            }

            // The request is not tied to the first caller's token: others may still be waiting for it.
            pending = _inFlight ??= FetchAndCacheAsync();
        }

        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops <paramref name="token"/> from the cache (the gateway said it must be renewed); a newer token stays.</summary>
    public void Invalidate(Secret token)
    {
        lock (_gate)
        {
            if (_cached is { } cached && cached.Token.Equals(token))
            {
                _cached = null;
            }
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task<Secret> FetchAndCacheAsync()
    {
        // Called under the lock: yield first, so that the cleanup below can never run before
        // the caller has stored this task as the one in flight.
        await Task.Yield();
        try
        {
            var (token, lifetime) = await FetchAsync(_disposed.Token).ConfigureAwait(false);
            lock (_gate)
            {
                _cached = (token, _timeProvider.GetUtcNow() + lifetime - RefreshMargin);
            }

            return token;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
            }
        }
    }

    private async Task<(Secret Token, TimeSpan Lifetime)> FetchAsync(CancellationToken cancellationToken)
    {
        var body = RequestBody();
        try
        {
            var state = new RequestState(Operation, RequestAuth.None) { Body = body, BufferResponse = true };
            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            state.AttachTo(request);
            using var response = await _send(request, state, cancellationToken).ConfigureAwait(false);
            var answer = await BufferedContent.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.OK)
            {
                throw _errors.FromResponse(state, response, answer);
            }

            var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw _errors.InvalidAnswer(state, response, answer, "it has no X-Subject-Token header; check IamEndpoint");
            }

            var secret = new Secret(token);
            _errors.Sanitizer.Add(secret);
            return (secret, Lifetime(answer));
        }
        finally
        {
            // The body holds the password in clear text.
            CryptographicOperations.ZeroMemory(body);
        }
    }

    /// <summary>
    /// How long the token lasts: <c>expires_at − issued_at</c> from the answer, so that a skewed
    /// local clock does not matter; else <c>expires_at</c> against the local clock; else 24 hours.
    /// </summary>
    private TimeSpan Lifetime(ReadOnlySpan<byte> answer)
    {
        DateTimeOffset? expiresAt = null, issuedAt = null;
        try
        {
            var reader = new Utf8JsonReader(ServiceErrorBody.SkipBom(answer));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
                {
                    var isExpiry = reader.ValueTextEquals("expires_at"u8);
                    var isIssue = reader.ValueTextEquals("issued_at"u8);
                    reader.Read();
                    if ((isExpiry || isIssue) && reader.TokenType == JsonTokenType.String
                        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                    {
                        if (isExpiry)
                        {
                            expiresAt = instant;
                        }
                        else
                        {
                            issuedAt = instant;
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The token itself came in the header; an unreadable body only costs the exact expiry.
        }

        var lifetime = expiresAt is null ? DefaultLifetime
            : issuedAt is not null ? expiresAt.Value - issuedAt.Value
            : expiresAt.Value - _timeProvider.GetUtcNow();
        return lifetime > TimeSpan.Zero && lifetime <= DefaultLifetime * 2 ? lifetime : DefaultLifetime;
    }

    private byte[] RequestBody()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("auth");
            json.WriteStartObject("identity");
            json.WriteStartArray("methods");
            json.WriteStringValue("password");
            json.WriteEndArray();
            json.WriteStartObject("password");
            json.WriteStartObject("user");
            json.WriteString("name", _credentials.UserName);
            json.WriteString("password", _credentials.Password.Reveal());
            json.WriteStartObject("domain");
            json.WriteString("name", _credentials.DomainName);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("scope");
            if (_projectId is not null || _projectName is not null)
            {
                json.WriteStartObject("project");
                if (_projectId is not null)
                {
                    json.WriteString("id", _projectId);
                }
                else
                {
                    json.WriteString("name", _projectName);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteStartObject("domain");
                json.WriteString("name", _credentials.DomainName);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        // MemoryStream.ToArray copies; wipe the stream's own buffer too.
        var bytes = buffer.ToArray();
        CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        return bytes;
    }
}
