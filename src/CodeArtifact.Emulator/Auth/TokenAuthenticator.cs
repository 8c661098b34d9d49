using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Auth;

/// <summary>An IAM token in <c>X-Auth-Token</c>, as issued by <c>POST /v3/auth/tokens</c>; it expires.</summary>
internal sealed class TokenAuthenticator(EmulatorContext emulator) : IAuthenticator
{
    public ValueTask<AuthOutcome> AuthenticateAsync(HttpContext context, ApiOperation operation)
    {
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0)
        {
            return ValueTask.FromResult(AuthOutcome.NotMine);
        }

        var issued = emulator.Identities.FindToken(token);
        if (issued is null)
        {
            return ValueTask.FromResult(AuthOutcome.Reject(EmulatorErrors.BadToken()));
        }

        if (issued.ExpiresAt <= emulator.Now)
        {
            return ValueTask.FromResult(AuthOutcome.Reject(EmulatorErrors.TokenExpired()));
        }

        var user = emulator.Identities.FindUser(issued.UserId);
        return ValueTask.FromResult(user is null
            ? AuthOutcome.Reject(EmulatorErrors.BadToken())
            : AuthOutcome.Accept(emulator.Identities.CallerFor(user, "token")));
    }
}
