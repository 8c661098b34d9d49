namespace CodeArtifact.Emulator.Errors;

/// <summary>
/// One method per error the emulator can answer with, so that handlers never build an error
/// body by hand. Codes the documentation names (CR.4102, CR.5000, APIGW.*) use its messages;
/// the few the documentation leaves open (a bad parameter, a missing file) are marked
/// "emulator" in the README.
/// </summary>
internal static class EmulatorErrors
{
    // Documented service errors (CodeArts Artifact "Error Codes" page).
    public static ApiError NoProjectPermission(ErrorShape shape = ErrorShape.ServiceV5) =>
        new(403, "CR.4102", "You do not have permissions on the project.", shape);

    public static ApiError UnknownServiceError(ErrorShape shape = ErrorShape.ServiceV5) =>
        new(500, "CR.5000", "Unknown service error.", shape);

    // Service errors the documentation does not name: same envelope, emulator codes.
    public static ApiError BadParameter(string parameter, string allowed, ErrorShape shape = ErrorShape.ServiceV5) =>
        new(400, "CR.4000", $"Invalid parameter '{parameter}': {allowed}", shape);

    public static ApiError BadBody(string detail) =>
        new(400, "CR.4000", $"Invalid request body: {detail}", ErrorShape.ServiceV5);

    public static ApiError RepositoryNotFound(string repositoryId) =>
        new(404, "CR.4004", $"Repository '{repositoryId}' does not exist.", ErrorShape.ServiceV5);

    public static ApiError FileNotFound(string repositoryId, string path) =>
        new(404, "CR.4004", $"File '{path}' does not exist in repository '{repositoryId}'.", ErrorShape.ServiceV5);

    public static ApiError MavenFileDeletion(string repositoryId) =>
        new(400, "CR.4000", $"Repository '{repositoryId}' is a Maven repository: this API deletes non-Maven files only.", ErrorShape.ServiceV5);

    // API gateway (APIGW) errors.
    public static ApiError ApiNotFound() =>
        new(404, "APIGW.0101", "The API does not exist or has not been published in the environment.", ErrorShape.Gateway);

    public static ApiError BadSignature(string reason) =>
        new(401, "APIGW.0301", "Incorrect IAM authentication information: " + reason, ErrorShape.Gateway);

    public static ApiError AccessKeyLocked() =>
        new(401, "APIGW.0301", "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden", ErrorShape.Gateway);

    public static ApiError MissingCredentials() =>
        new(401, "APIGW.0301", "Incorrect IAM authentication information: x-auth-token not found", ErrorShape.Gateway);

    public static ApiError BadToken() =>
        new(401, "APIGW.0301", "Incorrect IAM authentication information: decrypt token fail", ErrorShape.Gateway);

    public static ApiError TokenExpired() =>
        new(401, "APIGW.0307", "The token must be updated.", ErrorShape.Gateway);

    public static ApiError Throttled(int retryAfterSeconds) =>
        new(429, "APIGW.0308", "The throttling threshold has been reached.", ErrorShape.Gateway)
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

    public static ApiError BackendUnavailable() =>
        new(503, "APIGW.0203", "Backend unavailable.", ErrorShape.Gateway);

    /// <summary>The answer a <see cref="Faults.ForcedAnswer"/> forces (one of <see cref="Faults.ForcedAnswer.Supported"/>).</summary>
    public static ApiError Forced(int status) => status switch
    {
        // The v5 envelope's own failure: a 200 whose body says status "error" (the official SDK would not notice).
        200 => new(200, "CR.5000", "Unknown service error.", ErrorShape.ServiceV5),
        403 => NoProjectPermission(),
        500 => UnknownServiceError(),
        503 => BackendUnavailable(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an answer the emulator can force."),
    };

    public static ApiError BodyTooLarge() =>
        new(413, "APIGW.0201", "Request entity too large (AK/SK-signed bodies are limited to 12 MB).", ErrorShape.Gateway);

    // IAM (token issuing).
    public static ApiError IamWrongPassword() =>
        new(401, "IAM.0011", "The username or password is wrong.", ErrorShape.Iam);

    public static ApiError IamBadRequest(string detail) =>
        new(400, "IAM.0007", "Request parameter validation failed: " + detail, ErrorShape.Iam);

    // Repository server (uploads and downloads).
    public static ApiError RepositoryUnauthorized() =>
        new(401, "401", "Bad credentials: basic authentication with the repository username and password is required.", ErrorShape.Repository)
        {
            Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"artgalaxy\"" },
        };

    public static ApiError RepositoryForbidden() =>
        new(403, "403", "Not enough permissions to access this repository.", ErrorShape.Repository);

    public static ApiError RepositoryItemNotFound() =>
        new(404, "404", "File not found.", ErrorShape.Repository);
}
