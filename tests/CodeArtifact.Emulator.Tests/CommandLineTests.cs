namespace CodeArtifact.Emulator.Tests;

public sealed class CommandLineTests
{
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
        Assert.Equal(0.2, options.Faults.Rate5xx);
        Assert.Equal(9, options.Faults.RandomSeed);
        Assert.Equal(["/v2/", "/cloudartifact/"], options.Faults.PathPrefixes!);
        Assert.Equal(5, options.AccessKeyLockoutThreshold);
        Assert.True(options.LogRequestsToConsole);
    }

    [Theory]
    [InlineData("--port", "99999")]
    [InlineData("--rate-429", "2")]
    [InlineData("--seed", "/no/such/seed.json")]
    [InlineData("--bogus")]
    [InlineData("--port")]
    public void Should_Refuse_A_Bad_Option_With_A_Message(params string[] args)
    {
        Assert.False(CommandLine.TryParse(args, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Should_Default_To_Port_10150_And_A_Data_Folder()
    {
        Assert.True(CommandLine.TryParse([], out var options, out _));
        Assert.Equal(CommandLine.DefaultPort, options!.Port);
        Assert.EndsWith(CommandLine.DefaultDataDirectory, options.DataDirectory);
    }
}
