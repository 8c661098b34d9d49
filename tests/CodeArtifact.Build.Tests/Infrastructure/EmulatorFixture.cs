using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// One in-memory emulator on a free loopback port for a test class, with the well-known dev user
/// and a second user of the dev project whose repository password holds every character that
/// XML, MSBuild and shells treat specially.
/// </summary>
public sealed class EmulatorFixture : EmulatorFixtureBase
{
    /// <summary>The repository password of <see cref="SpecialAccessKey"/>'s user.</summary>
    public const string SpecialRepositoryPassword = "p<&>\"'w%3B;$(x)@(y)!";

    public const string SpecialAccessKey = "CAEMUSPECIALKEY00009";

    public const string SpecialSecretKey = "CAEmuSpecialSecretKey0000000000000000009";

    /// <summary>The user id of the special user (a member of the dev project).</summary>
    public const string SpecialUserId = "c0dea7f1ac7e4e55c00000000000u009";

    public EmulatorIdentity Dev => Server.Identity;

    /// <summary>The environment a CI system would give: the dev user's AK/SK.</summary>
    public IReadOnlyDictionary<string, string?> DevEnvironment => new Dictionary<string, string?>
    {
        ["HUAWEICLOUD_SDK_AK"] = Dev.AccessKey,
        ["HUAWEICLOUD_SDK_SK"] = Dev.SecretKey,
    };

    public IReadOnlyDictionary<string, string?> SpecialEnvironment => new Dictionary<string, string?>
    {
        ["HUAWEICLOUD_SDK_AK"] = SpecialAccessKey,
        ["HUAWEICLOUD_SDK_SK"] = SpecialSecretKey,
    };

    protected override Task OnStartedAsync(EmulatorServer server)
    {
        SeedSpecialUser(server);
        return Task.CompletedTask;
    }

    /// <summary>Adds the special user to <paramref name="server"/>.</summary>
    public static void SeedSpecialUser(EmulatorServer server)
    {
        var specialPassword = System.Text.Json.JsonSerializer.Serialize(SpecialRepositoryPassword);
        server.Seed.ApplySeedJson($$"""
            {
              "users": [{
                "userId": "{{SpecialUserId}}",
                "name": "special-user",
                "password": "Special-Passw0rd!",
                "accessKey": "{{SpecialAccessKey}}",
                "secretKey": "{{SpecialSecretKey}}",
                "repositoryPassword": {{specialPassword}},
                "projects": ["{{WellKnownIdentities.Dev.ProjectId}}"]
              }]
            }
            """);
    }

    /// <summary>Requests the emulator answered since <paramref name="mark"/> (a count taken earlier).</summary>
    public IReadOnlyList<CodeArtifact.Emulator.Logging.RequestLogEntry> RequestsSince(int mark) =>
        Server.RequestLog.Snapshot().Skip(mark).ToList();
}

/// <summary>
/// Connects tasks to the fixture's emulator. Kept off the public fixture type: xunit reflects over
/// public types before MSBuildLocator is registered, and a signature naming a task type would
/// load Microsoft.Build too early.
/// </summary>
internal static class EmulatorConnections
{
    /// <summary>Sets the connection of a task to the emulator as the dev user (or with <paramref name="environment"/>).</summary>
    internal static T Connect<T>(this EmulatorFixture emulator, T task, MockEngine engine, IReadOnlyDictionary<string, string?>? environment = null)
        where T : CodeArtifactTask
    {
        task.BuildEngine = engine;
        task.Endpoint = emulator.Server.Endpoint.ToString();
        task.TenantId = emulator.Dev.TenantId;
        task.ProjectId = emulator.Dev.ProjectId;
        task.MaxRetries = "0";
        task.EnvironmentOverride = environment ?? emulator.DevEnvironment;
        return task;
    }
}
