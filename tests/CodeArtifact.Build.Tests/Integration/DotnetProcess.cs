using System.Diagnostics;
using System.Text;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>The outcome of one `dotnet` run.</summary>
internal sealed record DotnetResult(int ExitCode, string Output, string CommandLine)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"> {CommandLine}{Environment.NewLine}exit {ExitCode}{Environment.NewLine}{Output}";
}

/// <summary>
/// Runs the `dotnet` CLI as a child process with an environment the test controls: nothing of the
/// caller's CodeArts variables, no MSBuild settings left by MSBuildLocator, no node reuse.
/// </summary>
internal static class DotnetProcess
{
    public static async Task<DotnetResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
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

        ChildEnvironment.Apply(start, ChildEnvironment.Nullable(environment));

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in time:{Environment.NewLine}{Text(output)}");
        }

        return new DotnetResult(process.ExitCode, Text(output), "dotnet " + string.Join(' ', arguments));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
