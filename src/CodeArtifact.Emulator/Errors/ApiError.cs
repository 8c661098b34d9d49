namespace CodeArtifact.Emulator.Errors;

/// <summary>Which body an error is rendered with: each layer of the real service has its own.</summary>
internal enum ErrorShape
{
    /// <summary>The CodeArts v5 service: <c>{error_code, error_msg, status:"error", trace_id}</c>.</summary>
    ServiceV5,

    /// <summary>The v2 release API and the documented error pages: <c>{error_code, error_msg}</c>.</summary>
    Service,

    /// <summary>The API gateway in front of every API: <c>{error_code, error_msg, request_id}</c>.</summary>
    Gateway,

    /// <summary>IAM (<c>/v3/auth/tokens</c>): <c>{error:{code, title, message}, error_code, error_msg}</c>.</summary>
    Iam,

    /// <summary>The repository (upload/download) server: <c>{errors:[{status, message}]}</c>.</summary>
    Repository,
}

/// <summary>
/// An error answer as data: HTTP status, error code, message and the body shape. Handlers throw
/// one built by <see cref="EmulatorErrors"/>; the error middleware renders it.
/// </summary>
internal sealed class ApiError(int status, string code, string message, ErrorShape shape) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public ErrorShape Shape { get; } = shape;

    /// <summary>Extra response headers (for example <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
