using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>
/// A <c>dotnet cake</c> run that a test can interrupt as a terminal's Ctrl+C does. The terminal
/// sends SIGINT to the whole foreground process group, and <c>dotnet cake</c> is two processes
/// (the CLI, which ignores Ctrl+C, and Cake itself): so the run gets a process group of its own
/// (<c>setsid</c>) and SIGINT goes to that group, never to the test host's.
/// </summary>
internal sealed class InterruptibleCake : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private InterruptibleCake(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static InterruptibleCake Start(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
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

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var running = new InterruptibleCake(process);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Sends SIGINT to every process of the run, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", "--", "-" + _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
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
            Assert.Fail($"dotnet cake did not exit within {limit} of Ctrl+C:\n{Output}");
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
