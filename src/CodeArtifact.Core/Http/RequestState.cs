using System.Net.Http.Headers;

namespace CodeArtifact.Core.Http;

/// <summary>How a request is authenticated on each attempt.</summary>
internal enum RequestAuth
{
    /// <summary>Nothing added (the IAM token request, which carries the password in its body).</summary>
    None,

    /// <summary>The client's credentials: AK/SK signature, IAM token or pre-issued token.</summary>
    Configured,

    /// <summary>HTTP basic (repository uploads and downloads with the repository user).</summary>
    Basic,
}

/// <summary>
/// What the pipeline's handlers need to know about one request, and what they learn while
/// sending it. It travels in <see cref="HttpRequestMessage.Options"/>, so every handler reads the
/// same object and the error translator can say how many attempts were made.
/// </summary>
internal sealed class RequestState
{
    private static readonly HttpRequestOptionsKey<RequestState> Key = new("CodeArtifact.RequestState");

    public RequestState(string operation, RequestAuth auth)
    {
        Operation = operation;
        Auth = auth;
    }

    /// <summary>The operation's name (<c>ShowFileTree</c>), for messages and log events.</summary>
    public string Operation { get; }

    public RequestAuth Auth { get; }

    /// <summary>The basic credentials when <see cref="Auth"/> is <see cref="RequestAuth.Basic"/>.</summary>
    public AuthenticationHeaderValue? Basic { get; init; }

    /// <summary>The body's bytes when it is a buffered JSON body (signed without reading the content again).</summary>
    public byte[]? Body { get; init; }

    /// <summary>True when the answer's body is read inside the attempt, so a dropped body is retried.</summary>
    public bool BufferResponse { get; init; }

    /// <summary>Attempts started so far (1 for the first).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Attempts that ended without an answer (a dropped connection, an attempt's time limit) and
    /// were retried: the service may have applied them, which a job needs to know to read a later
    /// "not found" right.
    /// </summary>
    public int UnansweredAttempts { get; set; }

    /// <summary>Why a transient failure was not retried, when it was not (for the final message).</summary>
    public string? NotRetriedBecause { get; set; }

    public static RequestState Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var state)
            ? state
            : throw new InvalidOperationException("The request was not created by ApiConnection.");

    public static bool TryGet(HttpRequestMessage? request, out RequestState state)
    {
        state = null!;
        return request is not null && request.Options.TryGetValue(Key, out state!);
    }

    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);
}
