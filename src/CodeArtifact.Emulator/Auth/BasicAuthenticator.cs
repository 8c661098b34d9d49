using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Auth;

/// <summary>
/// Basic auth with the repository user name and password (what <c>maven/info</c> returns), as
/// Maven, Gradle and curl send it to repository URLs. Only the repository routes take it.
/// </summary>
internal sealed class BasicAuthenticator(EmulatorContext emulator) : IAuthenticator
{
    public ValueTask<AuthOutcome> AuthenticateAsync(HttpContext context, ApiOperation operation)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (operation.Auth != AuthMode.Repository || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(AuthOutcome.NotMine);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return ValueTask.FromResult(AuthOutcome.Reject(EmulatorErrors.RepositoryUnauthorized()));
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? null : emulator.Identities.FindUserByRepositoryName(decoded[..colon]);
        if (user is null)
        {
            return ValueTask.FromResult(AuthOutcome.Reject(EmulatorErrors.RepositoryUnauthorized()));
        }

        var expected = Encoding.UTF8.GetBytes(emulator.Identities.RepositoryPassword(user.UserId));
        var given = Encoding.UTF8.GetBytes(decoded[(colon + 1)..]);
        return ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(expected, given)
            ? AuthOutcome.Accept(emulator.Identities.CallerFor(user, "basic"))
            : AuthOutcome.Reject(EmulatorErrors.RepositoryUnauthorized()));
    }
}
