using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>
/// Once per run: the addin packed into a local feed, a script folder whose <c>nuget.config</c> names
/// only that feed and whose tool manifest is the repository's (so <c>dotnet cake</c> is the pinned
/// Cake.Tool), and an emulator on a free loopback port. Scripts run in one folder, so the addin is
/// installed into its <c>tools/Addins</c> once.
/// </summary>
public sealed class CakeScriptFixture : IAsyncLifetime
{
    private string? _root;
    private PackedAddinFeed? _feed;
    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    internal PackedAddinFeed Feed => _feed ?? throw new InvalidOperationException("The fixture has not started.");

    public string ScriptDirectory => Path.Combine(_root ?? throw new InvalidOperationException("The fixture has not started."), "scripts");

    /// <summary>The one plain directive that loads the packed addin, as a user's script would.</summary>
    public string AddinDirective => $"#addin nuget:?package=Cake.CodeArtifact&version={Feed.Version}";

    /// <summary>Every secret the scripts' environment holds.</summary>
    public IEnumerable<string> Secrets => [Server.Identity.SecretKey, Server.Identity.Password, Server.RepositoryPassword()];

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("cake-codeartifact-e2e-").FullName;
        _feed = await PackedAddinFeed.CreateAsync(_root);
        await PrepareScriptFolderAsync(ScriptDirectory);

        // Cake's script cache: a script run again unchanged (the same file name and text, its values
        // given as arguments) runs the assembly compiled by its first run instead of compiling again.
        await File.WriteAllTextAsync(Path.Combine(ScriptDirectory, "cake.config"), "[Settings]\nEnableScriptCache=true\n");

        // The repository's restore brings Cake.Tool into the global packages folder; the script
        // folder's own restore then only records the manifest there (nothing is downloaded).
        await RunOrThrowAsync(["tool", "restore"], RepositoryLayout.Root);
        await RunOrThrowAsync(["tool", "restore"], ScriptDirectory);
        _server = await EmulatorServer.StartAsync(new EmulatorOptions());
    }

    /// <summary>
    /// Makes a script folder as a user would: the repository's tool manifest (the pinned Cake.Tool)
    /// and a <c>nuget.config</c> that names only the packed addin's feed.
    /// </summary>
    internal async Task PrepareScriptFolderAsync(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        File.Copy(RepositoryLayout.ToolManifest, Path.Combine(folder, ".config", "dotnet-tools.json"), overwrite: true);
        await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- Only the packed addin and its dependencies: a script run never leaves this machine. -->
                <clear />
                <add key="codeartifact-test-feed" value="{Feed.Directory}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>A new, empty folder beside the fixture's script folder.</summary>
    internal string NewFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(_root ?? throw new InvalidOperationException("The fixture has not started."), name)).FullName;

    /// <summary>Runs <c>dotnet</c> in a folder with the scripts' environment (the emulator's dev AK/SK).</summary>
    internal Task<ProcessResult> RunDotnetAsync(IReadOnlyList<string> arguments, string folder) =>
        ExternalProcess.RunAsync("dotnet", arguments, folder, ScriptEnvironment());

    /// <summary>Writes the script and runs it with <c>dotnet cake</c> (diagnostic verbosity unless told), the emulator's dev AK/SK in the environment.</summary>
    internal Task<ProcessResult> RunScriptAsync(string name, string body, string verbosity = "diagnostic")
    {
        var script = Path.Combine(ScriptDirectory, name);
        File.WriteAllText(script, AddinDirective + Environment.NewLine + body);
        return ExternalProcess.RunAsync("dotnet", ["cake", name, "--verbosity=" + verbosity], ScriptDirectory, ScriptEnvironment());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_root is not null)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding a file must not turn a finished run into a failure.
            }
        }
    }

    /// <summary>
    /// The connection as a CI system would give it: endpoint, tenant and project in variables,
    /// the AK/SK as secrets. Anything of the same names from the machine running the tests is removed.
    /// </summary>
    private Dictionary<string, string?> ScriptEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(n => n.StartsWith("HUAWEICLOUD_", StringComparison.Ordinal) || n.StartsWith("CODEARTIFACT_", StringComparison.Ordinal)))
        {
            environment[name] = null;
        }

        environment[CodeArtifactEnvironment.Endpoint] = Server.Endpoint.ToString();
        environment[CodeArtifactEnvironment.TenantId] = Server.Identity.TenantId;
        environment[CodeArtifactEnvironment.ProjectId] = Server.Identity.ProjectId;
        environment[CodeArtifactEnvironment.AccessKey] = Server.Identity.AccessKey;
        environment[CodeArtifactEnvironment.SecretKey] = Server.Identity.SecretKey;
        return environment;
    }

    private static async Task RunOrThrowAsync(IReadOnlyList<string> arguments, string workingDirectory)
    {
        var result = await ExternalProcess.RunAsync("dotnet", arguments, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }
}

/// <summary>The script runs share one packed addin and one emulator, one script at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CakeScriptCollection : ICollectionFixture<CakeScriptFixture>
{
    public const string Name = "Cake scripts";
}
