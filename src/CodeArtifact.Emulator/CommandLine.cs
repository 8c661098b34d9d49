using System.Globalization;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Emulator;

/// <summary>The command-line options of <c>codeartifact-emulator</c>.</summary>
internal static class CommandLine
{
    public const int DefaultPort = 10150;
    public const string DefaultDataDirectory = ".codeartifact-emulator";

    public const string Usage = """
        codeartifact-emulator: a local CodeArts Artifact server for tests, samples and offline pipelines.

        Options:
          --port <n>              loopback port (default 10150; 0 picks a free port)
          --data <dir>            data folder kept across restarts (default ./.codeartifact-emulator)
          --in-memory             keep everything in memory instead
          --seed <file.json>      seed file, applied when the data folder is new (see README)
          --region <name>         region in repository ids (default cn-north-4)
          --token-lifetime <min>  IAM token lifetime in minutes (default 1440)
          --latency <ms>          fault: added latency per request
          --rate-429 <0..1>       fault: share of requests answered 429 with Retry-After
          --rate-5xx <0..1>       fault: share of requests answered 503
          --rate-drop <0..1>      fault: share of connections dropped
          --rate-lost-answer <0..1> fault: share of requests applied, then dropped unanswered
          --retry-after <s>       fault: Retry-After seconds of injected 429s (default 1)
          --fault-seed <n>        fault: seed, so the same requests get the same faults
          --fault-paths <p1,p2>   fault: only paths starting with these prefixes
          --lockout <n>           lock an AK for 5 minutes after n consecutive signature failures
          --log-requests          one console line per request
          --help                  this text
        """;

    /// <summary>Parses the arguments; options is null when only help was asked for.</summary>
    public static bool TryParse(string[] args, out EmulatorOptions? options, out string? error)
    {
        var result = new EmulatorOptions { Port = DefaultPort, DataDirectory = FromShell(DefaultDataDirectory), LogErrorsToConsole = true };
        var faults = FaultOptions.None;
        options = null;
        error = null;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--help" or "-h" or "-?":
                        return true;
                    case "--port": result.Port = Int(Next(), "--port", 0, 65535); break;
                    case "--data": result.DataDirectory = FromShell(Next()); break;
                    case "--in-memory": result.DataDirectory = null; break;
                    case "--seed": result.SeedFile = ExistingFile(Next()); break;
                    case "--region": result.Region = Next(); break;
                    case "--token-lifetime": result.TokenLifetime = TimeSpan.FromMinutes(Int(Next(), "--token-lifetime", 1, 10_000_000)); break;
                    case "--latency": faults = faults with { LatencyMs = Int(Next(), "--latency", 0, 600_000) }; break;
                    case "--rate-429": faults = faults with { Rate429 = Rate(Next(), "--rate-429") }; break;
                    case "--rate-5xx": faults = faults with { Rate5xx = Rate(Next(), "--rate-5xx") }; break;
                    case "--rate-drop": faults = faults with { RateDrop = Rate(Next(), "--rate-drop") }; break;
                    case "--rate-lost-answer": faults = faults with { RateLostAnswer = Rate(Next(), "--rate-lost-answer") }; break;
                    case "--retry-after": faults = faults with { RetryAfterSeconds = Int(Next(), "--retry-after", 0, 3600) }; break;
                    case "--fault-seed": faults = faults with { RandomSeed = Int(Next(), "--fault-seed", int.MinValue, int.MaxValue) }; break;
                    case "--fault-paths": faults = faults with { PathPrefixes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }; break;
                    case "--lockout": result.AccessKeyLockoutThreshold = Int(Next(), "--lockout", 1, 1000); break;
                    case "--log-requests": result.LogRequestsToConsole = true; break;
                    default: throw new FormatException($"Unknown option '{args[i]}'.");
                }
            }

            faults.Validate();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            error = exception.Message;
            return false;
        }

        result.Faults = faults;
        options = result;
        return true;
    }

    private static int Int(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} takes an integer from {min} to {max}, got '{text}'.");

    private static double Rate(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"{name} takes a number from 0 to 1, got '{text}'.");

    private static string ExistingFile(string path)
    {
        // `dotnet run` starts in the project folder, so also look where the command was typed
        // (PWD) and beside the program (the demo seed is copied there).
        var candidates = new[] { FromShell(path), Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) };
        return candidates.FirstOrDefault(File.Exists) ?? throw new FormatException($"Seed file '{path}' does not exist.");
    }

    /// <summary>A path relative to the folder the command was typed in.</summary>
    private static string FromShell(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(shell, path));
}
