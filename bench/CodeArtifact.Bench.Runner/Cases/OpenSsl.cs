using CodeArtifact.Bench.Runner.Infrastructure;

namespace CodeArtifact.Bench.Runner.Cases;

/// <summary><c>openssl dgst -sha256</c> as a child process: the baseline of the hashing cases.</summary>
internal static class OpenSsl
{
    /// <summary>The openssl executable, or null when it is not installed.</summary>
    public static string? Path { get; } = ChildProcess.FindOnPath("openssl");

    /// <summary>
    /// Hashes <paramref name="files"/> one after another in one openssl process; returns its wall
    /// time (start to exit) and each file's hash, checked against <paramref name="expected"/>.
    /// </summary>
    public static async Task<double> HashAsync(IReadOnlyList<string> files, IReadOnlyDictionary<string, string> expected, CancellationToken cancellationToken)
    {
        // -r prints "<hex> *<file>" per line, as sha256sum does.
        var outcome = await ChildProcess.RunAsync(Path!, ["dgst", "-sha256", "-r", .. files], timeout: TimeSpan.FromMinutes(10), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException("openssl dgst failed: " + outcome.Describe());
        }

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != files.Count)
        {
            throw new InvalidOperationException($"openssl dgst printed {lines.Length} digests for {files.Count} files.");
        }

        for (var i = 0; i < files.Count; i++)
        {
            var hex = lines[i].Split(' ', 2)[0].ToLowerInvariant();
            if (hex != expected[files[i]])
            {
                throw new InvalidOperationException($"openssl's SHA-256 of {files[i]} differs from the one written ({hex}).");
            }
        }

        return outcome.Elapsed.TotalSeconds;
    }
}
