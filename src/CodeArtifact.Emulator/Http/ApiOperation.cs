using CodeArtifact.Emulator.Errors;

namespace CodeArtifact.Emulator.Http;

/// <summary>Which credentials an operation takes.</summary>
internal enum AuthMode
{
    /// <summary>No credentials (IAM token issuing).</summary>
    None,

    /// <summary>AK/SK signature or IAM token, as the gateway requires for every API.</summary>
    Api,

    /// <summary>The repository server: basic auth with the repository user, or AK/SK, or a token.</summary>
    Repository,
}

/// <summary>
/// Endpoint metadata naming the documented operation. Its presence is what makes a route an
/// API: a request that matches no such endpoint gets the gateway's <c>APIGW.0101</c>.
/// </summary>
internal sealed record ApiOperation(string Name, AuthMode Auth = AuthMode.Api, ErrorShape Shape = ErrorShape.ServiceV5);

internal static class ApiOperationExtensions
{
    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder builder, string name, AuthMode auth = AuthMode.Api, ErrorShape shape = ErrorShape.ServiceV5) =>
        builder.WithMetadata(new ApiOperation(name, auth, shape));
}
