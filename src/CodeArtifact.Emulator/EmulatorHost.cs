using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;

namespace CodeArtifact.Emulator;

/// <summary>The emulator as a console program: start, print the banner, run until a signal, stop cleanly.</summary>
internal static class EmulatorHost
{
    public static async Task<int> RunAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        // Ctrl+C, SIGTERM and SIGQUIT stop the server cleanly instead of killing the process mid-write.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal);
        using var cancelled = cancellationToken.Register(() => stop.TrySetResult());

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            // An expected failure of the command line, not of the emulator: one line, no stack trace.
            await Console.Error.WriteLineAsync(
                $"codeartifact-emulator: port {options.Port} on 127.0.0.1 is already in use (another emulator?). Use --port 0 for a free port, or stop the other process.")
                .ConfigureAwait(false);
            return CommandLine.UsageExitCode;
        }

        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine(Banner.Text(server, options));
            await stop.Task.ConfigureAwait(false);
            Console.WriteLine("codeartifact-emulator: stopping.");
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }
}
