using System.Diagnostics;

namespace CodeArtifact.TestUtilities;

/// <summary>The outcome of one child process run to its end.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output and error, interleaved.</param>
public sealed record ChildProcessResult(string Command, int ExitCode, string Output);

/// <summary>
/// Runs a command to its end in an environment the test controls (<see cref="ChildEnvironment"/>),
/// capturing everything it prints; past the time limit the whole process tree is killed. It waits for
/// the exit, not for the end of the output (see below).
/// </summary>
public static class ChildProcess
{
    public static async Task<ChildProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IEnumerable<KeyValuePair<string, string?>>? environment,
        TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, environment);
        var command = $"{fileName} {string.Join(' ', arguments)}";
        var output = new OutputBuffer();
        using var process = new Process { StartInfo = start };
        output.Capture(process);

        // Process.WaitForExitAsync would also wait for the end of the output: see below.
        if (!await Task.Run(() => process.WaitForExit(timeout)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {timeout}:{Environment.NewLine}{output}");
        }

        // The readers may still hold the last lines. Only for a while: a compiler server or build
        // node the command started inherits the pipes and can hold them open for minutes.
        await Task.WhenAny(output.Ended, Task.Delay(TimeSpan.FromSeconds(5)));
        return new ChildProcessResult(command, process.ExitCode, output.ToString());
    }
}
