namespace CodeArtifact.TestUtilities;

/// <summary>
/// One C# compiler server for every child build of this test process, stopped when the process exits.
/// </summary>
/// <remarks>
/// Without it every child <c>dotnet build</c> that compiles starts a cold compiler of its own: about
/// 1.3 s of CPU more per build on this project's 2-core CI, where the tests are bound by CPU. The
/// server has a pipe name of this process's own (<c>SharedCompilationId</c>), so no other build on
/// the machine shares it and no other test process stops it under us; and it ends with this process
/// rather than lingering for the server's idle timeout. A machine that disables shared compilation
/// for its own builds (UseSharedCompilation=false in the environment) still gets it for the
/// children: what they test is our targets, not the compiler.
/// </remarks>
public static class CompilerServer
{
    private static readonly Lazy<string> Pipe = new(Start);

    /// <summary>The variables that send a child build's compilations to this process's server.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment
    {
        get
        {
            yield return KeyValuePair.Create("UseSharedCompilation", "true");
            yield return KeyValuePair.Create("SharedCompilationId", Pipe.Value);
        }
    }

    private static string Start()
    {
        var pipe = "cab-tests-" + System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServers(pipe);
        return pipe;
    }

    /// <summary>Ends the servers started for <paramref name="pipe"/>: every child that used them has exited.</summary>
    private static void StopServers(string pipe)
    {
        if (!Directory.Exists("/proc"))
        {
            return; // Not Linux: the server ends itself after its idle timeout.
        }

        var argument = "-pipename:" + pipe;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (commandLine.Contains(argument, StringComparer.Ordinal))
                {
                    using var server = System.Diagnostics.Process.GetProcessById(pid);
                    server.Kill();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // The process ended meanwhile, or is not ours to read.
            }
        }
    }
}
