using System.Globalization;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// Once per collection of consumer-build tests: a temporary folder whose consumers restore the
/// real CodeArtifact.Build package (<see cref="PackedBuildPackage"/>, packed once per test run),
/// and an in-memory emulator of their own on a free loopback port, so that the collections can
/// run side by side without seeing each other's requests.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new("cab-it");

    public string Version => PackedBuildPackage.Version;

    public string Feed => PackedBuildPackage.Feed;

    /// <summary>The NuGet global packages folder of the consumers: fresh for this collection.</summary>
    public string Packages => _root.Combine("packages");

    public string Root => _root.Path;

    public string PackagePath => PackedBuildPackage.PackagePath;

    public EmulatorServer Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await PackedBuildPackage.EnsurePackedAsync();

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

/// <summary>
/// The consumer-build tests come in two collections of about the same length, each with its own
/// folder and emulator: one chain of some 80 `dotnet build`s was the longest path of the test run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed CodeArtifact.Build";
}

/// <inheritdoc cref="PackageCollection"/>
[CollectionDefinition(Name)]
public sealed class SecondPackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed CodeArtifact.Build, second emulator";
}

/// <summary>The real CodeArtifact.Build package, packed once per test run into a temporary feed.</summary>
/// <remarks>
/// Packed from this build's output with a unique pre-release version, so no NuGet cache can serve a
/// stale copy. The feed is deleted when the test process exits.
/// </remarks>
internal static class PackedBuildPackage
{
    private static readonly TempDirectory Root = new("cab-feed");
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _packed;

    static PackedBuildPackage() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Root.Dispose();

    public static string Version { get; } = "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    public static string Feed => Root.Path;

    public static string PackagePath => Path.Combine(Feed, $"CodeArtifact.Build.{Version}.nupkg");

    public static async Task EnsurePackedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_packed)
            {
                return;
            }

            var pack = await DotnetProcess.RunAsync(
                SourcePaths.BuildProjectDirectory,
                ["pack", SourcePaths.BuildProject, "-c", SourcePaths.Configuration, "--no-build", "-nodeReuse:false", $"-p:PackageVersion={Version}", "-o", Feed]);
            if (!pack.Succeeded || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"Packing CodeArtifact.Build failed:{Environment.NewLine}{pack}");
            }

            _packed = true;
        }
        finally
        {
            Once.Release();
        }
    }
}
