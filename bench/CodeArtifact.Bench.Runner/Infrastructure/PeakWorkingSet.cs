using System.Diagnostics;
using System.Globalization;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>
/// The peak-memory protocol of cases 7 and 9b: the runner starts itself as a child with a switch
/// and a mode, the child does its work (or stays idle) and prints its peak working set (VmHWM on
/// Linux) as one line, which the parent reads.
/// </summary>
internal static class PeakWorkingSet
{
    private const string Prefix = "PEAK_WORKING_SET_BYTES=";

    /// <summary>Runs this runner as a child with <paramref name="arguments"/> and returns its peak working set in MiB.</summary>
    public static async Task<double> OfChildAsync(string mode, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (host, prefix) = ChildProcess.Self();
        var outcome = await ChildProcess.RunAsync(host, [.. prefix, .. arguments], timeout: TimeSpan.FromMinutes(10), cancellationToken: cancellationToken).ConfigureAwait(false);
        var line = outcome.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (outcome.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {mode} child failed, {outcome.Describe()}");
        }

        return long.Parse(line[Prefix.Length..].Trim(), CultureInfo.InvariantCulture) / Units.Mebi;
    }

    /// <summary>In the child: prints this process's peak working set for the parent.</summary>
    public static void Report()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(Prefix + self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
    }
}
