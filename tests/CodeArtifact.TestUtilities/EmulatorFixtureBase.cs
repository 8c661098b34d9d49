using CodeArtifact.Emulator;
using Xunit;

namespace CodeArtifact.TestUtilities;

/// <summary>
/// One in-memory emulator on a free 127.0.0.1 port for a test class or collection (an xUnit
/// fixture): started before the first test, stopped after the last. Each test project derives
/// its own fixture to seed what its tests need.
/// </summary>
public abstract class EmulatorFixtureBase : IAsyncLifetime
{
    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(CreateOptions());
        await OnStartedAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await OnStoppingAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The emulator's options (default: in memory, free port, no faults).</summary>
    protected virtual EmulatorOptions CreateOptions() => new();

    /// <summary>Seeds the started emulator.</summary>
    protected virtual Task OnStartedAsync(EmulatorServer server) => Task.CompletedTask;

    /// <summary>Releases what the derived fixture holds, before the emulator stops.</summary>
    protected virtual Task OnStoppingAsync() => Task.CompletedTask;
}
