using System.Globalization;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// Once per test run: packs the real CodeArtifact.Build package (from this build's output, with a
/// unique pre-release version, so no NuGet cache can serve a stale copy) into a temporary feed,
/// and starts an in-memory emulator on a free loopback port for consumer builds to talk to.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new("cab-it");

    public string Version { get; } = "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    public string Feed => _root.Combine("feed");

    /// <summary>The NuGet global packages folder of the consumers: fresh for this run.</summary>
    public string Packages => _root.Combine("packages");

    public string Root => _root.Path;

    public string PackagePath => Path.Combine(Feed, $"CodeArtifact.Build.{Version}.nupkg");

    public EmulatorServer Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var pack = await DotnetProcess.RunAsync(
            SourcePaths.BuildProjectDirectory,
            ["pack", SourcePaths.BuildProject, "-c", SourcePaths.Configuration, "--no-build", "-nodeReuse:false", $"-p:PackageVersion={Version}", "-o", Feed]);
        if (!pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing CodeArtifact.Build failed:{Environment.NewLine}{pack}");
        }

        // Keep every consumer away from Directory.Build.* and nuget.config files of the folders above.
        _root.WriteFile("Directory.Build.props", "<Project />");
        _root.WriteFile("Directory.Build.targets", "<Project />");
        _root.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <packageSources>
                <add key="codeartifact-build-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Emulator = await EmulatorServer.StartAsync();
        EmulatorFixture.SeedSpecialUser(Emulator);
    }

    public async Task DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        _root.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed CodeArtifact.Build";
}
