namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>What a finished process printed (stdout and stderr interleaved as they came) and how it ended.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"`{Command}` exited with {ExitCode}:{Environment.NewLine}{Output}";
}
