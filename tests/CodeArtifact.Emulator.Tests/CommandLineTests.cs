namespace CodeArtifact.Emulator.Tests;

/// <summary>The options, <c>--help</c> and the exit codes of the command line, in process (the program itself: <see cref="EmulatorProgramTests"/>).</summary>
public sealed class CommandLineTests
{
    private static readonly string[] Options =
    [
        "--port", "--data", "--in-memory", "--seed", "--region", "--token-lifetime", "--latency", "--rate-429", "--rate-5xx",
        "--rate-drop", "--retry-after", "--fault-seed", "--fault-paths", "--lockout", "--log-requests", "--help", "--version",
    ];

    [Fact]
    public void Should_Read_Every_Option()
    {
        var ok = CommandLine.TryParse(
            ["--port", "0", "--in-memory", "--region", "ap-southeast-3", "--token-lifetime", "5", "--latency", "10", "--rate-429", "0.1",
             "--rate-5xx", "0.2", "--rate-drop", "0.05", "--retry-after", "3", "--fault-seed", "9", "--fault-paths", "/v2/,/cloudartifact/",
             "--lockout", "5", "--log-requests"],
            out var options, out var error);

        Assert.True(ok, error);
        Assert.NotNull(options);
        Assert.Equal(0, options.Port);
        Assert.Null(options.DataDirectory);
        Assert.Equal("ap-southeast-3", options.Region);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TokenLifetime);
        Assert.Equal(10, options.Faults.LatencyMs);
        Assert.Equal(0.1, options.Faults.Rate429);
        Assert.Equal(0.2, options.Faults.Rate5xx);
        Assert.Equal(0.05, options.Faults.RateDrop);
        Assert.Equal(3, options.Faults.RetryAfterSeconds);
        Assert.Equal(9, options.Faults.RandomSeed);
        Assert.Equal(["/v2/", "/cloudartifact/"], options.Faults.PathPrefixes!);
        Assert.Equal(5, options.AccessKeyLockoutThreshold);
        Assert.True(options.LogRequestsToConsole);
        Assert.True(options.LogErrorsToConsole);
    }

    [Fact]
    public void Should_Default_To_Port_10150_A_Data_Folder_And_No_Faults()
    {
        Assert.True(CommandLine.TryParse([], out var options, out _));

        Assert.Equal(CommandLine.DefaultPort, options!.Port);
        Assert.EndsWith(CommandLine.DefaultDataDirectory, options.DataDirectory);
        Assert.True(options.Faults.IsNone);
        Assert.Null(options.Faults.RandomSeed);
        Assert.Null(options.AccessKeyLockoutThreshold);
        Assert.Equal(TimeSpan.FromHours(24), options.TokenLifetime);
    }

    [Theory]
    [InlineData("--port 99999", "--port takes an integer from 0 to 65535, got '99999'.")]
    [InlineData("--port abc", "--port takes an integer from 0 to 65535, got 'abc'.")]
    [InlineData("--rate-429 2", "--rate-429 takes a number from 0 to 1, got '2'.")]
    [InlineData("--rate-429 0.6 --rate-5xx 0.6", "Rate429 + Rate5xx + RateDrop + RateLostAnswer must not exceed 1.")]
    [InlineData("--seed /no/such/seed.json", "--seed: the file '/no/such/seed.json' does not exist.")]
    [InlineData("--bogus", "'--bogus'")]
    [InlineData("--port", "'--port'")]
    public async Task Should_Refuse_A_Bad_Command_Line_With_Exit_Code_2_And_One_Line_Naming_It(string args, string expected)
    {
        // Given
        var output = new StringWriter();
        var error = new StringWriter();
        var started = false;
        Task<int> Start(EmulatorOptions options, CancellationToken cancellationToken)
        {
            started = true;
            return Task.FromResult(0);
        }

        // When
        var exitCode = await CommandLine.InvokeAsync(args.Split(' '), Start, output, error);

        // Then
        Assert.Equal(CommandLine.UsageExitCode, exitCode);
        Assert.Equal(2, exitCode);
        Assert.False(started);
        Assert.Empty(output.ToString());
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("codeartifact-emulator: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.Equal("Run 'codeartifact-emulator --help' for the options.", lines[1]);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Should_Print_Every_Option_With_Help_And_Not_Start(string help)
    {
        var output = new StringWriter();
        var started = false;
        Task<int> Start(EmulatorOptions options, CancellationToken cancellationToken)
        {
            started = true;
            return Task.FromResult(0);
        }

        var exitCode = await CommandLine.InvokeAsync([help], Start, output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.False(started);
        var text = output.ToString();
        Assert.Contains("Usage:", text);
        Assert.Contains("codeartifact-emulator [options]", text);
        Assert.Contains("[default: 10150]", text);
        Assert.All(Options, option => Assert.Contains(option, text));
    }

    [Fact]
    public async Task Should_Run_With_The_Options_Given_And_Return_Its_Exit_Code()
    {
        EmulatorOptions? received = null;

        var exitCode = await CommandLine.InvokeAsync(
            ["--port", "0", "--in-memory", "--rate-drop", "0.5"], (options, _) => Task.FromResult((received = options).Port + 7), TextWriter.Null, TextWriter.Null);

        Assert.Equal(7, exitCode);
        Assert.NotNull(received);
        Assert.Null(received.DataDirectory);
        Assert.Equal(0.5, received.Faults.RateDrop);
    }
}
