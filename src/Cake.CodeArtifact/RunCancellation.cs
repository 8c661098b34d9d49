using System.Runtime.InteropServices;

namespace Cake.CodeArtifact;

/// <summary>
/// The cancellation of one alias run: the script's own token (<see cref="CodeArtifactSettings.Cancellation"/>),
/// Ctrl+C (SIGINT) and SIGTERM. While it lives, the first signal cancels the run instead of
/// killing the process, so that a cleanup stops sending deletes and still reports what it
/// deleted. A signal that arrives once the run is already cancelling is left to its default,
/// which ends the process at once: a second Ctrl+C still works as the user expects.
/// </summary>
internal sealed class RunCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<PosixSignalRegistration> _registrations = [];

    private RunCancellation(CancellationToken scriptToken)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(scriptToken);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal cannot send it either.
            }
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Starts listening; dispose once the run, reports included, is over.</summary>
    public static RunCancellation Start(CancellationToken scriptToken) => new(scriptToken);

    public void Dispose()
    {
        // Registrations first: a signal after this must not reach a disposed source.
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended while the signal was on its way: nothing left to stop.
        }
    }
}
