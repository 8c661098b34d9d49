namespace CodeArtifact.Core.Http;

/// <summary>How the answer of an operation is wrapped.</summary>
internal enum ApiEnvelope
{
    /// <summary><c>{"status":"success"|"error","trace_id":…,"result":…}</c>: the result is unwrapped; <c>status: "error"</c> fails.</summary>
    V5,

    /// <summary>No envelope (the v2 release API, IAM): the whole body is the result.</summary>
    None,
}

/// <summary>Which service an operation talks to.</summary>
internal enum ApiService
{
    Artifact,
    Iam,
}

/// <summary>
/// One operation call, before it is encoded. Path segments and query values are given
/// unescaped; the connection encodes them exactly as the signer canonicalises them.
/// </summary>
internal sealed class ApiRequest
{
    /// <summary>The operation's name from the reference (<c>ShowFileTree</c>), for errors and logs.</summary>
    public required string Operation { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>Unescaped path segments, such as <c>["cloudartifact","v5","file"]</c>.</summary>
    public required IReadOnlyList<string> PathSegments { get; init; }

    /// <summary>Unescaped query pairs; a key may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The UTF-8 JSON body, or null for none.</summary>
    public byte[]? JsonBody { get; init; }

    public ApiEnvelope Envelope { get; init; } = ApiEnvelope.V5;

    public ApiService Service { get; init; } = ApiService.Artifact;

    /// <summary>False for the IAM token request itself (it carries the password instead).</summary>
    public bool Authenticate { get; init; } = true;

    /// <summary>The path as sent: each segment encoded as the signer encodes it.</summary>
    public string EncodedPath() => "/" + string.Join('/', PathSegments.Select(Auth.SdkHmacSigner.Encode));

    /// <summary>The query as sent, in the order given (the signer sorts its own copy).</summary>
    public string EncodedQuery() => Query.Count == 0
        ? string.Empty
        : "?" + string.Join('&', Query.Select(p => Auth.SdkHmacSigner.Encode(p.Key) + "=" + Auth.SdkHmacSigner.Encode(p.Value)));

    /// <inheritdoc />
    public override string ToString() => $"{Operation} {Method} {EncodedPath()}";
}
