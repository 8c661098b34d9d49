using System.Net;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Authenticates every attempt afresh (it sits inside the retry step): a new <c>X-Sdk-Date</c>
/// and signature, or the current IAM token. When the gateway answers 401 APIGW.0307 (the IAM
/// token must be renewed), the cached token is dropped and the attempt is repeated once with a
/// new one.
/// </summary>
internal sealed class SigningHandler : DelegatingHandler
{
    private const string TokenMustBeRenewed = "APIGW.0307";

    private readonly RequestAuthenticator _authenticator;

    public SigningHandler(RequestAuthenticator authenticator) => _authenticator = authenticator;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request);
        var token = await _authenticator.ApplyAsync(request, state, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (token is null || response.StatusCode != HttpStatusCode.Unauthorized || !RetryHandler.IsReplayable(request.Content))
        {
            return response;
        }

        var body = await BufferedContent.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        if (ServiceErrorBody.Read(body, response.Content.Headers.ContentType?.MediaType).Code != TokenMustBeRenewed)
        {
            return response;
        }

        response.Dispose();
        _authenticator.Invalidate(token);
        await _authenticator.ApplyAsync(request, state, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
