using System.Reflection;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Emulator.Tests;

/// <summary>The emulator program itself, run as a child process as a user runs it.</summary>
public sealed class EmulatorProgramTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "CodeArtifact.Emulator.dll");

    [Fact]
    public async Task Should_Print_One_Line_And_Exit_2_If_The_Port_Is_In_Use()
    {
        // Given: an emulator already listening
        await using var first = await EmulatorServer.StartAsync();
        var port = first.Endpoint.Port;

        // When: a second one starts on its port
        var second = await RunAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--in-memory");

        // Then
        Assert.Equal(2, second.ExitCode);
        var line = Assert.Single(second.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port}", line);
        Assert.Contains("already in use", line);
        Assert.Contains("--port 0", line);
        Assert.DoesNotContain("Exception", second.Output);
    }

    [Fact]
    public async Task Should_Print_The_Version()
    {
        var expected = typeof(EmulatorServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var result = await RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output.Trim());
        Assert.StartsWith(typeof(EmulatorServer).Assembly.GetName().Version!.ToString(3), expected);
    }

    private static Task<ChildProcessResult> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", [Program, .. arguments], AppContext.BaseDirectory, null, TimeSpan.FromSeconds(60));
}
