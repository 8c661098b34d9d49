using CodeArtifact.TestUtilities;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>Runs a command to its end with a given environment, capturing everything it prints.</summary>
internal static class ExternalProcess
{
    /// <summary>Generous: the first run of a script compiles it and installs the addin.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var result = await ChildProcess.RunAsync(fileName, arguments, workingDirectory, environment, timeout ?? DefaultTimeout);
        return new ProcessResult(result.Command, result.ExitCode, result.Output);
    }
}
