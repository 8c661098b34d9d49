using CodeArtifact.Emulator;

namespace Cake.CodeArtifact.Tests;

/// <summary>One in-memory emulator on a free loopback port for the alias tests; every test uses its own repositories.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The alias tests share one emulator and run one at a time, so "no request was sent" can be read from its log.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}
