using System.Runtime.InteropServices;
using CodeArtifact.Emulator;

// `codeartifact-emulator [options]` (or `dotnet run --project src/CodeArtifact.Emulator -- [options]`):
// starts the emulator on 127.0.0.1, prints the endpoint and the credentials to use, and runs
// until Ctrl+C or SIGTERM. The request pipeline itself is assembled, in its commented order, in
// EmulatorApp.Build.
if (!CommandLine.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

// Ctrl+C, SIGTERM and SIGQUIT stop the server cleanly instead of killing the process mid-write.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal);

await using var server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
Console.WriteLine(Banner.Text(server, options));
await stop.Task.ConfigureAwait(false);
Console.WriteLine("codeartifact-emulator: stopping.");
await server.StopAsync().ConfigureAwait(false);
return 0;

void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
