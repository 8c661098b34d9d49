using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeArtifact.Build.Tests.Demo;
using CodeArtifact.Emulator;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Readme;

/// <summary>
/// README's command blocks run as written, from the folder each names ("from the repository
/// root:"), in order, as one terminal session would: the MSBuild quick start, the Cake quick start
/// and the Reports snippet, with <c>bash -euo pipefail</c>, in the copy of the repository the demo
/// test has just used (<see cref="DemoCloneFixture"/>: its tools and builds are reused, and its
/// older packages are what a stale cache would hand over). The block that starts the emulator in
/// the foreground is the one block not run: this test starts the emulator itself, in process, with
/// the same demo data, on a free loopback port, and puts that port in place of 10150 in the other
/// blocks. Nothing else in a block is changed.
/// </summary>
[Collection(DemoCloneCollection.Name)]
public sealed partial class ReadmeQuickStartTests(DemoCloneFixture clone)
{
    private const string DocumentedPort = "10150";

    private static readonly TimeSpan BlocksTimeLimit = TimeSpan.FromMinutes(10);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Quick_start_and_report_blocks_run_as_written_against_the_emulator()
    {
        Assert.True(clone.ToolRestore.ExitCode == 0, clone.ToolRestore.ToString());

        // Given README's runnable blocks: the emulator (started here instead), then the MSBuild, Cake and Reports blocks
        var blocks = ReadmeDocument.CommandBlocks(File.ReadAllText(Path.Combine(clone.Clone, "README.md")));
        Assert.Equal(4, blocks.Count);
        Assert.Equal(["dotnet tool restore", "dotnet cake --target=Emulator"], blocks[0].Text.Split('\n'));
        Assert.Contains("dotnet cake --target=Pack", blocks[1].Text, StringComparison.Ordinal);
        Assert.Contains("dotnet cake build.cake", blocks[2].Text, StringComparison.Ordinal);
        Assert.Contains("CodeArtifactReportDirectory", blocks[3].Text, StringComparison.Ordinal);
        Assert.All(blocks.Skip(1), b => Assert.Contains(DocumentedPort, b.Text, StringComparison.Ordinal));

        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            SeedFile = Path.Combine(clone.Clone, "src", "CodeArtifact.Emulator", "seed.demo.json"),
        });
        var port = emulator.Endpoint.Port.ToString(CultureInfo.InvariantCulture);
        var script = Path.Combine(clone.Clone, "artifacts", "readme-blocks.sh");
        File.WriteAllText(script, Script(blocks.Skip(1), port));

        // When they run in one shell, as in one terminal
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await ChildProcess.RunAsync("bash", ["-euo", "pipefail", script], clone.Clone, TerminalEnvironment(), BlocksTimeLimit);
        var elapsed = clock.Elapsed;
        var version = File.Exists(VersionFile) ? File.ReadAllText(VersionFile).Trim() : null;
        try
        {
            // Then every block succeeded
            Assert.True(run.ExitCode == 0, $"README's blocks failed after {elapsed}:{System.Environment.NewLine}{run}");
            var output = run.Output;

            // The MSBuild quick start: a fresh version packed and used, dist/ published, verified, the latest release found
            Assert.Matches(@"Packed CodeArtifact\.Core, CodeArtifact\.Build and Cake\.CodeArtifact 0\.1\.0-dev\.\d{8}T\d{6} into artifacts/packages", output);
            Assert.NotNull(version);
            Assert.Contains($"\"CodeArtifact.Build/{version}\"", File.ReadAllText(Path.Combine(clone.Clone, "samples", "msbuild", "obj", "project.assets.json")), StringComparison.Ordinal);
            Assert.Matches(@"Published 4 files in [\d.]+ s: 4 uploaded \([^)]+\) and verified, 0 unchanged, 0 failed\.", output);
            Assert.Contains("Checksums: 4 verified, 0 mismatched, 0 missing", output, StringComparison.Ordinal);
            Assert.Matches(@"Release versions of demo-app: [^\n]*latest 1\.10\.0 at http://127\.0\.0\.1:" + port + "/", output);
            Assert.Contains("\n2.0.0-rc.1\n", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

            // The Cake quick start: the addin just packed (not an older one), the same dist/ found unchanged, the restore
            Assert.True(Directory.Exists(Path.Combine(clone.Clone, "samples", "cake", "tools", "Addins", $"Cake.CodeArtifact.{version}")), "samples/cake did not load the Cake.CodeArtifact just packed:\n" + output);
            Assert.Contains("0 uploaded (0 bytes) and verified, 4 unchanged, 0 failed.", output, StringComparison.Ordinal);
            Assert.Contains("restored /app/1.2.0/app-1.2.0.zip", output, StringComparison.Ordinal);

            // The Reports block: the reports where it says, and their Markdown on the terminal
            var reports = Path.Combine(clone.Clone, "artifacts", "codeartifact-reports");
            foreach (var report in new[] { "publish", "verify-checksums", "release-versions" })
            {
                Assert.True(File.Exists(Path.Combine(reports, report + ".json")), $"{report}.json is missing:\n{output}");
            }

            Assert.Contains("### CodeArtifact publish — succeeded", output, StringComparison.Ordinal);
            Assert.Contains("### CodeArtifact checksum verification — succeeded", output, StringComparison.Ordinal);

            // And no secret reached the terminal
            Assert.DoesNotContain("CAEmuDevSecretKey0000000000000000000001", output, StringComparison.Ordinal);
            Assert.DoesNotContain(emulator.RepositoryPassword(), output, StringComparison.Ordinal);
        }
        finally
        {
            RemoveFromNuGetCache(version);
        }
    }

    private string VersionFile => Path.Combine(clone.Clone, "artifacts", "packages", "version.txt");

    /// <summary>The blocks in order, each from its folder, with the emulator's port for 10150.</summary>
    private string Script(IEnumerable<CommandBlock> blocks, string port)
    {
        var script = new StringBuilder();
        foreach (var block in blocks)
        {
            var folder = Path.GetFullPath(Path.Combine(clone.Clone, block.Folder));
            script.Append("echo '==> README.md line ").Append(block.Line.ToString(CultureInfo.InvariantCulture)).Append(", from ").Append(block.Folder).Append("'\n");
            script.Append("cd '").Append(folder).Append("'\n");
            script.Append(block.Text.Replace(DocumentedPort, port, StringComparison.Ordinal)).Append('\n');
        }

        return script.ToString();
    }

    /// <summary>
    /// A terminal's environment, without what would change the blocks' behaviour: no CI variables
    /// (the Reports block's defaults are tested); the test process's own compiler server
    /// (<see cref="CompilerServer"/>); and Cake's script cache on, as for the demo (<see cref="DemoCloneFixture.ScriptCache"/>).
    /// </summary>
    private static Dictionary<string, string?> TerminalEnvironment() => new(DemoCloneFixture.ScriptCache)
    {
        ["RUNNER_TEMP"] = null,
        ["GITHUB_STEP_SUMMARY"] = null,
        ["TERM"] = "dumb",
    };

    /// <summary>The quick start restores into the machine's NuGet cache: the version this run made goes again.</summary>
    private static void RemoveFromNuGetCache(string? version)
    {
        if (version is null || !PackedVersion().IsMatch(version))
        {
            return;
        }

        var cache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "codeartifact.build", "codeartifact.core", "cake.codeartifact" })
        {
            FreshClone.DeleteQuietly(Path.Combine(cache, package, version.ToLowerInvariant()));
        }
    }

    [GeneratedRegex(@"^0\.1\.0-dev\.\d{8}T\d{6}$")]
    private static partial Regex PackedVersion();
}
