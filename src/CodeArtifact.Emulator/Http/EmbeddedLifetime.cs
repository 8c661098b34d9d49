namespace CodeArtifact.Emulator.Http;

/// <summary>
/// A host lifetime that leaves signals alone: the emulator runs inside test processes, where
/// the default console lifetime would take over Ctrl+C and SIGTERM. The command-line entry
/// point handles signals itself and stops the server.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
