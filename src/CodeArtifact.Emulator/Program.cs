using CodeArtifact.Emulator;

// `codeartifact-emulator [options]` (or `dotnet run --project src/CodeArtifact.Emulator -- [options]`):
// starts the emulator on 127.0.0.1, prints the endpoint and the credentials to use, and runs
// until Ctrl+C or SIGTERM. The options are in CommandLine; the request pipeline is assembled, in
// its commented order, in EmulatorApp.Build.
return await CommandLine.InvokeAsync(args, EmulatorHost.RunAsync, Console.Out, Console.Error).ConfigureAwait(false);
