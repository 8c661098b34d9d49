using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Logging;
using CodeArtifact.Emulator.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CodeArtifact.Emulator;

/// <summary>
/// A running emulator on <c>127.0.0.1</c>. Tests start one with <see cref="StartAsync"/> (port 0
/// picks a free port, no data directory keeps everything in memory), talk to
/// <see cref="Endpoint"/> with <see cref="Identity"/>, read <see cref="RequestLog"/>, set
/// <see cref="Faults"/>, and dispose it.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private int _stopped;

    private EmulatorServer(WebApplication app, EmulatorContext context, Uri endpoint)
    {
        _app = app;
        _context = context;
        Endpoint = endpoint;
        Seed = new EmulatorSeeder(context);
        Identity = WithRegion(WellKnownIdentities.Dev, context.Options.Region);
        OtherIdentity = WithRegion(WellKnownIdentities.Other, context.Options.Region);
    }

    /// <summary>The base address: <c>http://127.0.0.1:{port}</c>. The v5, v2 release, IAM and repository APIs all live here.</summary>
    public Uri Endpoint { get; }

    /// <summary>The well-known dev user (tenant, project, AK/SK, IAM user and password, repository user).</summary>
    public EmulatorIdentity Identity { get; }

    /// <summary>A user of another tenant and project, for <c>CR.4102</c> tests.</summary>
    public EmulatorIdentity OtherIdentity { get; }

    /// <summary>A project of the dev tenant that the dev user does not belong to.</summary>
    public string UnjoinedProjectId => WellKnownIdentities.UnjoinedProjectId;

    /// <summary>The region in repository ids.</summary>
    public string Region => _context.Options.Region;

    /// <summary>Every request answered, for assertions.</summary>
    public RequestLog RequestLog => _context.RequestLog;

    /// <summary>The faults injected from now on (setting them restarts the seeded generator).</summary>
    public FaultOptions Faults
    {
        get => _context.Faults.Options;
        set => _context.Faults.Options = value;
    }

    /// <summary>Seeding without HTTP: repositories, files, release files.</summary>
    public EmulatorSeeder Seed { get; }

    /// <summary>Starts an emulator and returns once it listens.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be 0 (a free port) to 65535.");
        }

        var context = new EmulatorContext(options);
        WebApplication? app = null;
        try
        {
            var isNew = context.Store.IsNew;
            Bootstrap(context, isNew);
            app = EmulatorApp.Build(context, options.LogRequestsToConsole || options.LogErrorsToConsole ? ConsoleLogging(options) : null);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            var endpoint = new Uri($"http://127.0.0.1:{port}");
            context.BaseUrl = endpoint.GetLeftPart(UriPartial.Authority);
            return new EmulatorServer(app, context, endpoint) { SeedApplied = isNew && options.SeedFile is not null };
        }
        catch
        {
            // A failed start (a port in use) leaves nothing open: the caller reports the exception.
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            context.Dispose();
            throw;
        }
    }

    /// <summary>True when this start applied the seed file's data (only on new data).</summary>
    public bool SeedApplied { get; private init; }

    /// <summary>Mints temporary AK/SK with a security token for a user (the dev user by default).</summary>
    public TemporaryCredentials CreateTemporaryCredentials(TimeSpan? lifetime = null, EmulatorIdentity? identity = null) =>
        _context.Identities.CreateTemporaryCredentials((identity ?? Identity).UserId, _context.Now + (lifetime ?? TimeSpan.FromHours(1)));

    /// <summary>Issues an IAM token without HTTP (as <c>POST /v3/auth/tokens</c> would), valid for the configured lifetime.</summary>
    public string IssueToken(EmulatorIdentity? identity = null)
    {
        var user = identity ?? Identity;
        var now = _context.Now;
        return _context.Identities.IssueToken(user.UserId, user.ProjectId, now, now + _context.Options.TokenLifetime);
    }

    /// <summary>The repository password the dev user (or <paramref name="identity"/>) has now (the reset API changes it).</summary>
    public string RepositoryPassword(EmulatorIdentity? identity = null) =>
        _context.Identities.RepositoryPassword((identity ?? Identity).UserId);

    /// <summary>Removes every repository, file, release file and log entry (identities stay).</summary>
    public void Clean()
    {
        _context.Store.Clean();
        _context.Blobs.Clean();
        _context.RequestLog.Clear();
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _context.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Well-known identities always; the seed file's identities always and its data only on new data.</summary>
    private static void Bootstrap(EmulatorContext context, bool isNew)
    {
        context.Identities.AddIdentity(WithRegion(WellKnownIdentities.Dev, context.Options.Region));
        context.Identities.AddIdentity(WithRegion(WellKnownIdentities.Other, context.Options.Region));
        context.Identities.AddProject(new Project(WellKnownIdentities.UnjoinedProjectId, WellKnownIdentities.UnjoinedProjectName, WellKnownIdentities.Dev.TenantId));
        if (context.Options.SeedFile is { } seedFile)
        {
            new EmulatorSeeder(context).ApplySeedFile(seedFile, includeData: isNew);
        }
    }

    private static Action<ILoggingBuilder> ConsoleLogging(EmulatorOptions options) => logging =>
    {
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(options.LogRequestsToConsole ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning);

        // The host logs a failed start with the whole stack trace; StartAsync throws the same
        // exception, and the command line turns an expected one (a port in use) into one line.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    };

    private static EmulatorIdentity WithRegion(EmulatorIdentity identity, string region) =>
        identity with { RepositoryUserName = WellKnownIdentities.RepositoryUserName(region, identity.TenantId, identity.UserId) };
}
