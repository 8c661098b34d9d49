using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Sends requests through the client's one pipeline (<see cref="HttpPipelineBuilder"/>) and
/// turns every answer into the operation's result or one <see cref="CodeArtifactException"/>.
/// </summary>
/// <remarks>
/// Contract used by <c>Operations/</c>: <see cref="SendAsync{T}"/> returns the unwrapped
/// <c>result</c> of a v5 answer (or the whole body when <see cref="ApiEnvelope.None"/>) and throws
/// only <see cref="CodeArtifactException"/>, or <see cref="OperationCanceledException"/> when the
/// caller's own token was cancelled. No <see cref="HttpRequestException"/>, JSON or
/// <see cref="TaskCanceledException"/> ever reaches the caller.
/// </remarks>
internal sealed class ApiConnection : IDisposable
{
    private const int MaxRedirects = 5;

    private static readonly ProductInfoHeaderValue UserAgent = new(
        "CodeArtifact.Build",
        typeof(ApiConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    private static readonly UriCreationOptions ExactUri = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly CodeArtifactClientOptions _options;
    private readonly Sanitizer _sanitizer = new();
    private readonly ErrorTranslator _errors;
    private readonly ResultReader _results;
    private readonly HttpMessageHandler _transport;
    private readonly bool _ownsTransport;
    private readonly HttpMessageInvoker _api;
    private readonly HttpMessageInvoker _iam;
    private readonly IamTokenProvider? _tokens;

    /// <param name="options">The client's own copy; endpoints from the region are filled in.</param>
    public ApiConnection(CodeArtifactClientOptions options)
    {
        options.Validate();
        _options = options;
        AddSecrets(options.Credentials);
        _sanitizer.Add(options.RepositoryAccount?.Password);
        _errors = new ErrorTranslator(options, _sanitizer);
        _results = new ResultReader(_errors);
        _ownsTransport = options.Transport is null;
        _transport = options.Transport ?? HttpPipelineBuilder.CreateTransport(options);

        _iam = new HttpMessageInvoker(HttpPipelineBuilder.Build(options, _transport, slots: null, authenticator: null, Emit), disposeHandler: false);
        if (options.Credentials is IamPasswordCredentials password)
        {
            _tokens = new IamTokenProvider(password, options.IamEndpoint!, options.ProjectId, options.Region, options.TimeProvider, SendIamAsync, _errors);
        }

        var authenticator = new RequestAuthenticator(options, _tokens);
        var slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _api = new HttpMessageInvoker(HttpPipelineBuilder.Build(options, _transport, slots, authenticator, Emit), disposeHandler: false);

        if (options.Credentials is not null)
        {
            Emit(new CodeArtifactLogEvent(
                LogSeverity.Detail,
                $"Authenticating as {options.Credentials.Describe()}{(options.CredentialSource is null ? string.Empty : " from " + options.CredentialSource)}."));
        }
    }

    public CodeArtifactClientOptions Options => _options;

    /// <summary>Sends one operation and returns its result.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        var (response, state) = await SendApiAsync(request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var body = await BufferedContent.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw _errors.FromResponse(state, response, body);
            }

            return _results.Read(state, request.Envelope, response, body, resultType);
        }
    }

    /// <summary>
    /// Sends one operation and returns its answer, whatever its status, with the body already
    /// read into memory; the caller disposes it (and may call <see cref="ThrowIfFailedAsync"/>).
    /// </summary>
    public async Task<HttpResponseMessage> SendRawAsync(ApiRequest request, CancellationToken cancellationToken) =>
        (await SendApiAsync(request, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>
    /// Sends to an absolute address (a repository URL for uploads and downloads) through the same
    /// retries, time limits and concurrency bound. With <paramref name="basic"/> the request carries
    /// those credentials, else the client's own. The answer is streamed, not buffered: the caller
    /// disposes it, which also frees its concurrency slot. Redirects are followed (at most 5);
    /// credentials are dropped when one leads to another host. The body should be an
    /// <see cref="UploadContent"/> for files: streamed, and retried only when its stream can seek.
    /// </summary>
    public Task<HttpResponseMessage> SendAbsoluteAsync(HttpMethod method, Uri uri, HttpContent? content, AuthenticationHeaderValue? basic, CancellationToken cancellationToken) =>
        SendAbsoluteAsync("Transfer", method, uri, content, basic, cancellationToken);

    /// <summary>As <see cref="SendAbsoluteAsync(HttpMethod, Uri, HttpContent?, AuthenticationHeaderValue?, CancellationToken)"/>, with the operation's name for messages (such as <c>UploadFile</c>).</summary>
    public async Task<HttpResponseMessage> SendAbsoluteAsync(
        string operation, HttpMethod method, Uri uri, HttpContent? content, AuthenticationHeaderValue? basic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        EndpointPolicy.Check(uri, nameof(uri), _options.AllowInsecureHttp);
        if (basic is not null)
        {
            AddBasicSecret(basic);
        }

        var auth = basic is null ? RequestAuth.Configured : RequestAuth.Basic;
        for (var redirects = 0; ; redirects++)
        {
            var state = new RequestState(operation, auth) { Basic = basic };
            var message = new HttpRequestMessage(method, uri) { Content = content };
            var response = await SendThroughAsync(_api, message, state, cancellationToken).ConfigureAwait(false);
            var location = response.Headers.Location;
            if (!IsRedirect(response.StatusCode) || location is null || redirects == MaxRedirects
                || (content is not null && response.StatusCode is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)))
            {
                return response;
            }

            var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
            EndpointPolicy.Check(next, "redirect location", _options.AllowInsecureHttp);
            if (!string.Equals(next.Authority, uri.Authority, StringComparison.OrdinalIgnoreCase) || next.Scheme != uri.Scheme)
            {
                auth = RequestAuth.None;
                basic = null;
            }

            // The body belongs to the caller's next attempt, not to the redirected message.
            message.Content = null;
            message.Dispose();
            response.Dispose();
            if (content is not null && !RetryHandler.IsReplayable(content))
            {
                throw new CodeArtifactException(
                    ErrorCodes.InvalidResponse,
                    $"{operation}: the service redirected the upload to {next.GetLeftPart(UriPartial.Authority)}, and the body is a stream that cannot be sent again.")
                {
                    Operation = operation,
                };
            }

            uri = next;
        }
    }

    /// <summary>Throws the translated <see cref="CodeArtifactException"/> when <paramref name="response"/> is not a success.</summary>
    public async Task ThrowIfFailedAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var state = RequestState.TryGet(response.RequestMessage, out var sent) ? sent : new RequestState(operation, RequestAuth.Configured);
        byte[] body;
        try
        {
            body = await BufferedContent.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            body = [];
        }

        throw _errors.FromResponse(state, response, body);
    }

    public void Dispose()
    {
        _tokens?.Dispose();
        _api.Dispose();
        _iam.Dispose();
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    private async Task<(HttpResponseMessage Response, RequestState State)> SendApiAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUri = request.Service == ApiService.Iam
            ? _options.IamEndpoint ?? throw CodeArtifactException.Missing(nameof(CodeArtifactClientOptions.IamEndpoint), $"{request.Operation}: IamEndpoint is required: set IamEndpoint or Region.")
            : _options.Endpoint ?? throw CodeArtifactException.Missing(nameof(CodeArtifactClientOptions.Endpoint), $"{request.Operation}: Endpoint is required: set Endpoint (such as https://artifact.ap-southeast-3.myhuaweicloud.com) or Region.");
        var uri = new Uri(
            baseUri.GetLeftPart(UriPartial.Authority) + baseUri.AbsolutePath.TrimEnd('/') + request.EncodedPath() + request.EncodedQuery(),
            ExactUri);
        var state = new RequestState(request.Operation, request.Authenticate ? RequestAuth.Configured : RequestAuth.None)
        {
            Body = request.JsonBody,
            BufferResponse = true,
        };
        var message = new HttpRequestMessage(request.Method, uri);
        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        var response = await SendThroughAsync(_api, message, state, cancellationToken).ConfigureAwait(false);
        return (response, state);
    }

    /// <summary>The IAM token request: through the same retries and limits, but no slot and no authentication.</summary>
    private Task<HttpResponseMessage> SendIamAsync(HttpRequestMessage message, RequestState state, CancellationToken cancellationToken) =>
        SendThroughAsync(_iam, message, state, cancellationToken);

    private async Task<HttpResponseMessage> SendThroughAsync(HttpMessageInvoker invoker, HttpRequestMessage message, RequestState state, CancellationToken cancellationToken)
    {
        state.AttachTo(message);
        message.Headers.UserAgent.Add(UserAgent);
        var started = _options.TimeProvider.GetTimestamp();
        try
        {
            var response = await invoker.SendAsync(message, cancellationToken).ConfigureAwait(false);
            Emit(new CodeArtifactLogEvent(
                LogSeverity.Detail,
                $"{state.Operation}: {message.Method} {message.RequestUri!.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} in {TransientFailures.FormatDuration(_options.TimeProvider.GetElapsedTime(started))}{(state.Attempts > 1 ? $" after {state.Attempts} attempts" : string.Empty)}."));
            return response;
        }
        catch (CodeArtifactException)
        {
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException or IOException)
        {
            throw new OperationCanceledException($"{state.Operation} was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            throw _errors.FromFailure(state, message.RequestUri!, ex);
        }
    }

    private void Emit(CodeArtifactLogEvent logEvent)
    {
        if (_options.Log is { } log)
        {
            log(logEvent with { Message = _sanitizer.Sanitize(logEvent.Message) });
        }
    }

    private void AddSecrets(CodeArtifactCredentials? credentials)
    {
        switch (credentials)
        {
            case AccessKeyCredentials ak:
                _sanitizer.Add(ak.SecretKey);
                _sanitizer.Add(ak.SecurityToken);
                break;
            case IamPasswordCredentials password:
                _sanitizer.Add(password.Password);
                break;
            case TokenCredentials token:
                _sanitizer.Add(token.Token);
                break;
        }
    }

    private void AddBasicSecret(AuthenticationHeaderValue basic)
    {
        _sanitizer.Add(basic.Parameter);
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(basic.Parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            _sanitizer.Add(colon < 0 ? decoded : decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            // Not base64: the parameter itself is already registered.
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
