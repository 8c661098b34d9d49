using System.Net;
using CodeArtifact.Emulator.Auth;
using CodeArtifact.Emulator.Endpoints;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Json;

namespace CodeArtifact.Emulator;

/// <summary>Builds the web application: services, the request pipeline (in a fixed order) and every API.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorContext emulator, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Loopback only: the emulator's dev credentials must never be reachable from another machine.
            kestrel.Listen(IPAddress.Loopback, emulator.Options.Port);
            kestrel.AddServerHeader = false;

            // Uploads may be large; the 12 MB limit of AK/SK-signed bodies is enforced by the authenticator.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(emulator);
        builder.Services.AddSingleton(new Views(emulator));
        builder.Services.AddSingleton(new AccessKeyLockout(emulator.Options.AccessKeyLockoutThreshold, emulator.Clock));

        // The authentication chain, tried in this order.
        builder.Services.AddSingleton<IAuthenticator, AkSkAuthenticator>();
        builder.Services.AddSingleton<IAuthenticator, TokenAuthenticator>();
        builder.Services.AddSingleton<IAuthenticator, BasicAuthenticator>();

        var app = builder.Build();

        // The pipeline, outermost first:
        // 1. request log: trace id in, one log entry out (whatever happens below);
        app.UseMiddleware<RequestLogMiddleware>();

        // 2. errors: every failure below becomes the documented body, never a stack trace;
        app.UseMiddleware<ErrorMiddleware>();

        // 3. faults: latency, dropped connections, 429 and 503, before the gateway looks at anything;
        app.UseMiddleware<FaultMiddleware>();

        // 4. routing: which documented operation (none: APIGW.0101 in the next step);
        app.UseRouting();

        // 5. authentication: AK/SK signature, IAM token, or basic auth on repository URLs;
        app.UseMiddleware<AuthenticationMiddleware>();

        // 6. permissions: the tenant and project named in the path must be the caller's (CR.4102);
        app.UseMiddleware<ProjectPermissionMiddleware>();

        // 7. the operations.
        app.MapIamEndpoints();
        app.MapRecycleBinEndpoints();
        app.MapRepositoryManagementEndpoints();
        app.MapAssociationEndpoints();
        app.MapCapacityEndpoints();
        app.MapSearchEndpoints();
        app.MapUserEndpoints();
        app.MapRepositoryDetailEndpoints();
        app.MapAuditEndpoints();
        app.MapFollowingEndpoints();
        app.MapFileEndpoints();
        app.MapReleaseEndpoints();
        app.MapRepositoryServerEndpoints();
        return app;
    }
}
