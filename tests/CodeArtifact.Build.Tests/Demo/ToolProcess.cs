using System.Diagnostics;
using System.Text;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Demo;

/// <summary>
/// Runs a tool (<c>dotnet</c>, <c>bash</c>) to its exit and keeps everything it printed. It waits
/// for the exit only, not for the end of the output: a compiler server the run started inherits
/// the output pipe and can hold it open for minutes.
/// </summary>
internal static class ToolProcess
{
    public static async Task<ChildProcessResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan limit, IEnumerable<KeyValuePair<string, string?>>? environment = null)
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

        // No CodeArts variables of the machine, no MSBuild settings of MSBuildLocator, no build servers.
        ChildEnvironment.Apply(start, environment);
        var command = $"{fileName} {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        var endOfOutput = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, endOfOutput);
        process.ErrorDataReceived += (_, e) => Append(e.Data, null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!await Task.Run(() => process.WaitForExit(limit)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {limit}:{Environment.NewLine}{Text()}");
        }

        await Task.WhenAny(endOfOutput.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        return new ChildProcessResult(command, process.ExitCode, Text());

        void Append(string? line, TaskCompletionSource? end)
        {
            if (line is null)
            {
                end?.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
