using System.Runtime.InteropServices;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>What the numbers were measured on, for the table's header.</summary>
internal static class MachineInfo
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            $"CPU: {Environment.ProcessorCount} logical processors (nproc){CpuModel()}{(CpuFlags().Contains("sha_ni") ? ", SHA extensions (sha_ni)" : string.Empty)}",
            $"Memory: {MemTotal()}",
            $"OS: {OsName()}{Kernel()}, {RuntimeInformation.OSArchitecture}",
            $".NET: {RuntimeInformation.FrameworkDescription}, SDK {await ToolVersionAsync(ChildProcess.Dotnet(), ["--version"], cancellationToken).ConfigureAwait(false)}",
            $"OpenSSL: {(ChildProcess.FindOnPath("openssl") is { } openssl ? await ToolVersionAsync(openssl, ["version"], cancellationToken).ConfigureAwait(false) : "not installed")}",
            $"MSBuild (GetFileHash baseline): {MSBuildSdk.Description ?? "not found"}",
        };
        return lines;
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or null.</summary>
    public static string? LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} / {fields[1]} / {fields[2]}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The 1-minute figure of a <see cref="LoadAverage"/> text, or 0.</summary>
    public static double OneMinute(string? loadAverage) =>
        loadAverage is not null && double.TryParse(loadAverage.Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string CpuModel()
    {
        var model = ProcCpuInfo().FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? string.Empty : ", " + model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string[] CpuFlags() =>
        ProcCpuInfo().FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string[] ProcCpuInfo() => ReadLines("/proc/cpuinfo");

    private static string MemTotal()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib)
            ? $"{kib / 1024.0 / 1024.0:0.0} GiB"
            : "unknown";
    }

    private static string OsName()
    {
        var pretty = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return pretty is null ? RuntimeInformation.OSDescription : pretty["PRETTY_NAME=".Length..].Trim('"');
    }

    private static string Kernel()
    {
        var release = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault();
        return release is null ? string.Empty : $", Linux {release.Trim()}";
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static async Task<string> ToolVersionAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ChildProcess.RunAsync(tool, arguments, timeout: TimeSpan.FromSeconds(60), cancellationToken: cancellationToken).ConfigureAwait(false);
            return outcome.ExitCode == 0 ? outcome.StandardOutput.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
