using System.Diagnostics;
using System.Text;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>What a child process did.</summary>
internal sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Describe() => $"exit code {ExitCode}: {Tail(StandardError.Length > 0 ? StandardError : StandardOutput)}";

    private static string Tail(string text) => text.Length <= 1500 ? text.Trim() : "…" + text[^1500..].Trim();
}

/// <summary>Runs child processes (baselines, builds, the memory probe) and times them from start to exit.</summary>
internal static class ChildProcess
{
    public static async Task<ProcessOutcome> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Only the child this call started (and its own children) is ended.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout ?? TimeSpan.FromMinutes(10)} (or the run was cancelled).");
        }

        var elapsed = clock.Elapsed;

        // The exit wait above returns once the process ends; the redirected streams may still be draining.
        process.WaitForExit();
        return new ProcessOutcome(process.ExitCode, output.ToString(), error.ToString(), elapsed);
    }

    /// <summary>The full path of <paramref name="name"/> on PATH, or null when it is not installed.</summary>
    public static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }

    /// <summary>How to start this runner again as a child: the apphost, or <c>dotnet</c> with the runner's dll.</summary>
    public static (string FileName, string[] Prefix) Self()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(ChildProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (host, ["exec", assembly])
            : (host, []);
    }

    /// <summary>The <c>dotnet</c> executable that runs this process (so child builds use the same SDK).</summary>
    public static string Dotnet()
    {
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return host;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var fromRoot = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return fromRoot is not null && File.Exists(fromRoot) ? fromRoot : FindOnPath("dotnet") ?? "dotnet";
    }
}
