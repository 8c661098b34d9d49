using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator.Auth;

internal enum AuthResult
{
    /// <summary>The request carries no credentials of this scheme.</summary>
    NotMine,
    Accepted,
    Rejected,
}

internal readonly record struct AuthOutcome(AuthResult Result, Caller? Caller = null, ApiError? Error = null)
{
    public static AuthOutcome NotMine => new(AuthResult.NotMine);

    public static AuthOutcome Accept(Caller caller) => new(AuthResult.Accepted, caller);

    public static AuthOutcome Reject(ApiError error) => new(AuthResult.Rejected, Error: error);
}

/// <summary>One authentication scheme: accepts, rejects, or says the request is not of its scheme.</summary>
internal interface IAuthenticator
{
    ValueTask<AuthOutcome> AuthenticateAsync(HttpContext context, ApiOperation operation);
}
