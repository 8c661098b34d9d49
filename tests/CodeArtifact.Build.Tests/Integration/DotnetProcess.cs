using System.Diagnostics;
using System.Text;

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
    private static readonly string[] InheritedPrefixesToDrop = ["HUAWEICLOUD_", "CODEARTIFACT_", "MSBUILD", "MSBuild"];

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

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (InheritedPrefixesToDrop.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

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
