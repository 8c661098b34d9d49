namespace CodeArtifact.Emulator.Tests.Support;

/// <summary>
/// One in-memory emulator on a free 127.0.0.1 port per test class (xUnit class fixture):
/// started before the first test, stopped after the last. Tests use unique repository names.
/// </summary>
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
