using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator;

/// <summary>
/// The command line of <c>codeartifact-emulator</c>, on System.CommandLine: <c>--help</c> and
/// <c>--version</c> come with it; every other option is one line of <see cref="Bindings"/>,
/// which says how its value sets <see cref="EmulatorOptions"/>.
/// </summary>
internal static class CommandLine
{
    public const int DefaultPort = 10150;
    public const string DefaultDataDirectory = ".codeartifact-emulator";

    /// <summary>Exit code of a command line that cannot run: a bad option or value, or a port in use.</summary>
    public const int UsageExitCode = 2;

    public const string Description = "codeartifact-emulator: a local CodeArts Artifact server for tests, samples and offline pipelines.";

    /// <summary>Every option in help order, and what it sets. An option without a default sets nothing unless given.</summary>
    private static readonly IReadOnlyList<OptionBinding> Bindings =
    [
        OptionBinding.Int("--port", "n", "Loopback port; 0 picks a free port.", DefaultPort, 0, 65535, (o, v) => o.Port = v),
        OptionBinding.Text("--data", "dir", "Data folder kept across restarts.", "./" + DefaultDataDirectory, (o, v) => o.DataDirectory = FromShell(v)),
        OptionBinding.Flag("--in-memory", "Keep everything in memory instead of a data folder.", o => o.DataDirectory = null),
        OptionBinding.Text("--seed", "file.json", "Seed file, applied when the data folder is new (see README).", null, (o, v) => o.SeedFile = ExistingFile(v)),
        OptionBinding.Text("--region", "name", "Region in repository ids.", WellKnownIdentities.DefaultRegion, (o, v) => o.Region = v),
        OptionBinding.Int("--token-lifetime", "min", "IAM token lifetime in minutes.", 1440, 1, 10_000_000, (o, v) => o.TokenLifetime = TimeSpan.FromMinutes(v)),
        OptionBinding.Int("--latency", "ms", "Fault: added latency per request.", 0, 0, 600_000, (o, v) => o.Faults = o.Faults with { LatencyMs = v }),
        OptionBinding.Rate("--rate-429", "Fault: share of requests answered 429 with Retry-After.", (o, v) => o.Faults = o.Faults with { Rate429 = v }),
        OptionBinding.Rate("--rate-5xx", "Fault: share of requests answered 503.", (o, v) => o.Faults = o.Faults with { Rate5xx = v }),
        OptionBinding.Rate("--rate-drop", "Fault: share of connections dropped.", (o, v) => o.Faults = o.Faults with { RateDrop = v }),
        OptionBinding.Rate("--rate-lost-answer", "Fault: share of requests applied, then dropped unanswered.", (o, v) => o.Faults = o.Faults with { RateLostAnswer = v }),
        OptionBinding.Int("--retry-after", "s", "Fault: Retry-After seconds of injected 429s.", 1, 0, 3600, (o, v) => o.Faults = o.Faults with { RetryAfterSeconds = v }),
        OptionBinding.Int("--fault-seed", "n", "Fault: seed, so that the same requests get the same faults.", null, int.MinValue, int.MaxValue, (o, v) => o.Faults = o.Faults with { RandomSeed = v }),
        OptionBinding.Text("--fault-paths", "p1,p2", "Fault: only paths starting with these prefixes.", null, (o, v) => o.Faults = o.Faults with { PathPrefixes = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }),
        OptionBinding.Int("--lockout", "n", "Lock an AK for 5 minutes after n consecutive signature failures.", null, 1, 1000, (o, v) => o.AccessKeyLockoutThreshold = v),
        OptionBinding.Flag("--log-requests", "One console line per request.", o => o.LogRequestsToConsole = true),
    ];

    /// <summary>The command with every option; <paramref name="run"/> starts the emulator with the options given.</summary>
    public static Command Create(Func<EmulatorOptions, CancellationToken, Task<int>> run)
    {
        // Named as the tool is installed (a RootCommand would take the assembly's file name).
        var root = new Command("codeartifact-emulator", Description) { new HelpOption(), new VersionOption() };
        foreach (var binding in Bindings)
        {
            root.Options.Add(binding.Option);
        }

        root.SetAction(async (parsed, cancellationToken) =>
        {
            if (!TryBind(parsed, out var options, out var error))
            {
                return Refuse(parsed.InvocationConfiguration.Error, [error]);
            }

            return await run(options, cancellationToken).ConfigureAwait(false);
        });
        return root;
    }

    /// <summary>
    /// Parses and runs: <c>--help</c> and <c>--version</c> print and return 0; a bad option or value
    /// prints one line per problem and a pointer to <c>--help</c>, and returns <see cref="UsageExitCode"/>.
    /// </summary>
    public static Task<int> InvokeAsync(
        string[] args, Func<EmulatorOptions, CancellationToken, Task<int>> run, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parsed = Create(run).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return Task.FromResult(Refuse(error, parsed.Errors.Select(e => e.Message)));
        }

        // The emulator stops on the signals itself (Program), after it has closed its data cleanly.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return parsed.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Parses without running: false with the problems when the command line is bad.</summary>
    public static bool TryParse(string[] args, out EmulatorOptions? options, out string? error)
    {
        var parsed = Create((_, _) => Task.FromResult(0)).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            options = null;
            error = string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message));
            return false;
        }

        var ok = TryBind(parsed, out var bound, out var bindError);
        options = ok ? bound : null;
        error = ok ? null : bindError;
        return ok;
    }

    private static bool TryBind(ParseResult parsed, out EmulatorOptions options, out string error)
    {
        options = new EmulatorOptions { LogErrorsToConsole = true };
        error = string.Empty;
        try
        {
            foreach (var binding in Bindings)
            {
                binding.ApplyTo(parsed, options);
            }

            options.Faults.Validate();
            return true;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return false;
        }
        catch (ArgumentException exception)
        {
            // FaultOptions.Validate names its properties; the user wrote --rate-… options.
            error = "fault options: " + exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
            return false;
        }
    }

    private static int Refuse(TextWriter error, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine($"codeartifact-emulator: {problem}");
        }

        error.WriteLine("Run 'codeartifact-emulator --help' for the options.");
        return UsageExitCode;
    }

    private static string ExistingFile(string path)
    {
        // `dotnet run` starts in the project folder, so also look where the command was typed
        // (PWD) and beside the program (the demo seed is copied there).
        var candidates = new[] { FromShell(path), Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) };
        return candidates.FirstOrDefault(File.Exists) ?? throw new FormatException($"--seed: the file '{path}' does not exist.");
    }

    /// <summary>A path relative to the folder the command was typed in.</summary>
    private static string FromShell(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(shell, path));
}
