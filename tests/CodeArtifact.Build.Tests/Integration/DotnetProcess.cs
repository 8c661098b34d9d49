using CodeArtifact.TestUtilities;

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
    public static async Task<DotnetResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var result = await ChildProcess.RunAsync("dotnet", arguments, workingDirectory, ChildEnvironment.Nullable(environment), timeout ?? TimeSpan.FromMinutes(5));
        return new DotnetResult(result.ExitCode, result.Output, result.Command);
    }
}
