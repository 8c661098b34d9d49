using CodeArtifact.Core;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>The in-process emulator each remote case starts, and clients of it as the dev user.</summary>
internal static class Emulators
{
    public static Task<EmulatorServer> StartAsync(CancellationToken cancellationToken) =>
        EmulatorServer.StartAsync(
            new EmulatorOptions
            {
                // Room for the largest case (cleanup: tree walk, 9,000 details and 9,000 deletes).
                RequestLogCapacity = 250_000,
            },
            cancellationToken);

    /// <summary>A client of <paramref name="server"/> with the product's defaults, or with <paramref name="maxConcurrency"/>.</summary>
    public static CodeArtifactClient Client(EmulatorServer server, int? maxConcurrency = null)
    {
        var options = new CodeArtifactClientOptions
        {
            Endpoint = server.Endpoint,
            TenantId = server.Identity.TenantId,
            ProjectId = server.Identity.ProjectId,
            Credentials = new AccessKeyCredentials(server.Identity.AccessKey, new Secret(server.Identity.SecretKey)),
        };
        if (maxConcurrency is { } bound)
        {
            options.MaxConcurrency = bound;
        }

        return new CodeArtifactClient(options);
    }
}
