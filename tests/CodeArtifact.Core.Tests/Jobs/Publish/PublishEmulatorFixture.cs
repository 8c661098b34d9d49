using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Logging;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>
/// One in-memory emulator for the publish tests, with a Maven repository in the dev project (so
/// that Maven info hands out the repository user, as on a real account). Tests of a class run one
/// at a time, so a test may count the emulator's requests and set its faults for its own run.
/// </summary>
public sealed class PublishEmulatorFixture : EmulatorFixtureBase
{
    public const string UploadOperation = "UploadFile";

    /// <summary>A client signing with the dev user's AK/SK, as a build would use it.</summary>
    public CodeArtifactClient CreateClient(int? maxConcurrency = null, Action<CodeArtifactLogEvent>? log = null, RepositoryAccount? account = null)
    {
        var options = new CodeArtifactClientOptions
        {
            Endpoint = Server.Endpoint,
            TenantId = Server.Identity.TenantId,
            ProjectId = Server.Identity.ProjectId,
            Credentials = new AccessKeyCredentials(Server.Identity.AccessKey, new Secret(Server.Identity.SecretKey)),
            RepositoryAccount = account,
            Log = log,
        };
        if (maxConcurrency is { } bound)
        {
            options.MaxConcurrency = bound;
        }

        return new CodeArtifactClient(options);
    }

    /// <summary>The emulator's log from <paramref name="mark"/> (a count taken before) on.</summary>
    public IReadOnlyList<RequestLogEntry> RequestsSince(int mark) => Server.RequestLog.Snapshot().Skip(mark).ToList();

    protected override Task OnStartedAsync(EmulatorServer server)
    {
        server.Seed.CreateMavenRepository("publish-maven");
        return Task.CompletedTask;
    }
}
