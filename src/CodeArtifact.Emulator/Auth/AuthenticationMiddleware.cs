using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Auth;

/// <summary>
/// Runs the authenticators in order; the first that accepts sets the caller, the first that
/// rejects ends the request with its error, and a request no scheme claims gets the gateway's
/// 401 (the repository server's 401 on repository routes).
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, IEnumerable<IAuthenticator> authenticators)
{
    private readonly IAuthenticator[] _authenticators = authenticators.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.Operation() ?? throw EmulatorErrors.ApiNotFound();
        if (operation.Auth == AuthMode.None)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var info = context.Info();
        foreach (var authenticator in _authenticators)
        {
            var outcome = await authenticator.AuthenticateAsync(context, operation).ConfigureAwait(false);
            if (outcome.Result == AuthResult.Accepted)
            {
                info.Caller = outcome.Caller;
                info.AuthKind = outcome.Caller!.AuthKind;
                await next(context).ConfigureAwait(false);
                return;
            }

            if (outcome.Result == AuthResult.Rejected)
            {
                info.AuthKind = "rejected";
                throw outcome.Error!;
            }
        }

        info.AuthKind = "rejected";
        throw operation.Auth == AuthMode.Repository ? EmulatorErrors.RepositoryUnauthorized() : EmulatorErrors.MissingCredentials();
    }
}
