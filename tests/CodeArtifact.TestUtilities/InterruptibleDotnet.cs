using System.Diagnostics;

namespace CodeArtifact.TestUtilities;

/// <summary>
/// A <c>dotnet</c> child process (<c>dotnet build</c>, <c>dotnet cake</c>) that a test can interrupt as
/// a terminal's Ctrl+C does: SIGINT to its whole process group (the terminal signals every process of
/// the foreground job, and <c>dotnet cake</c> is two processes), given a group of its own with
/// <c>setsid</c> so that the test host is never signalled. Nothing of the caller's CodeArts or MSBuild
/// settings is inherited; a null value in the environment given removes that variable.
/// </summary>
public sealed class InterruptibleDotnet : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputBuffer _output = new();

    private InterruptibleDotnet(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public string Output => _output.ToString();

    public static InterruptibleDotnet Start(string workingDirectory, IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Ctrl+C is sent as SIGINT, which Windows does not have.");
        }

        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // setsid runs dotnet in place (no fork, as the child is no group leader): its pid is the group id.
        start.ArgumentList.Add("dotnet");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, environment);

        var process = new Process { StartInfo = start };
        var running = new InterruptibleDotnet(process);
        running._output.Capture(process);
        return running;
    }

    /// <summary>Sends SIGINT to every process of the run, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", "--", "-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -INT exited with {kill.ExitCode}: the process group {_process.Id} was not signalled.");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The process did not exit within {limit} of Ctrl+C:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
