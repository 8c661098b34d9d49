using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeArtifact.Build.Tests.Demo;

/// <summary>
/// The newcomer's first command, end to end, so that CI proves the main job: a copy of the
/// repository as a fresh clone has it (no bin/obj/artifacts), then <c>dotnet tool restore</c> and
/// <c>dotnet cake</c>, whose default target builds, packs, starts the emulator, runs both samples
/// and prints the summary. The copy keeps the packages, builds and demo folders of this run away
/// from the checkout and from the other test projects running at the same time.
/// </summary>
public sealed class DemoPipelineTests
{
    private static readonly TimeSpan DemoTimeLimit = TimeSpan.FromMinutes(10);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Default_cake_target_runs_every_job_against_the_emulator_and_exits_zero()
    {
        var work = Path.Combine(Path.GetTempPath(), "cab-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clone = Path.Combine(work, "repo");
            FreshClone.CopyRepository(FreshClone.FindRepositoryRoot(), clone);

            var restore = await ChildProcess.RunAsync(["tool", "restore"], clone, TimeSpan.FromMinutes(3));
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var demo = await ChildProcess.RunAsync(["cake"], clone, DemoTimeLimit);
            Assert.True(demo.ExitCode == 0, demo.ToString());

            // Every job's result, in the summary table (job, front end, result).
            var table = SummaryTable(demo.Output);
            Assert.Matches(@"Publish dist/\s+build\.cake \(HTTP PUT\)\s+4 files uploaded", table);
            Assert.Matches(@"Maven credentials\s+MSBuild\s+2 repositories -> settings\.xml", table);
            Assert.Matches(@"Verify checksums\s+MSBuild\s+3 verified, 1 mismatch \(sample-app-3\.0\.0\.zip tampered\), 0 missing", table);
            Assert.Matches(@"Release versions\s+MSBuild\s+latest 1\.10\.0 of 5 versions", table);
            Assert.Matches(@"Release versions\s+Cake\s+latest 1\.10\.0 of 5 versions", table);
            Assert.Matches(@"Cleanup \(dry run\)\s+Cake\s+3 candidates, 0 deleted, 60\.3 KiB to free", table);
            Assert.Matches(@"Cleanup\s+Cake\s+3 candidates, 3 deleted, 60\.3 KiB freed", table);
            Assert.Matches(@"Restore\s+Cake\s+1 restored \(/app/1\.2\.0/app-1\.2\.0\.zip\)", table);

            // The Markdown summary beside the JSON reports, and every report it was built from.
            var reports = Path.Combine(clone, "artifacts", "demo", "reports");
            var summary = await File.ReadAllTextAsync(Path.Combine(reports, "summary.md"));
            Assert.Contains("| Verify checksums | MSBuild | 3 verified, 1 mismatch", summary, StringComparison.Ordinal);
            foreach (var report in new[] { "msbuild/maven-credentials", "msbuild/verify-checksums", "msbuild/release-versions", "cake/release-versions", "cake/maven-credentials", "cake/cleanup-dry-run", "cake/cleanup", "cake/restore" })
            {
                Assert.True(File.Exists(Path.Combine(reports, report + ".json")), $"{report}.json is missing");
                Assert.True(File.Exists(Path.Combine(reports, report + ".md")), $"{report}.md is missing");
            }

            // The MSBuild sample merged its team settings; the Cake sample applied the plan its dry run
            // wrote, and deleted its Maven settings file (with the passwords) at the end.
            Assert.Contains("(merged from ", demo.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(reports, "cake", "cleanup-plan.json")), "cake/cleanup-plan.json is missing");
            Assert.Contains("Applying the plan ", demo.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(clone, "artifacts", "demo", "cake", "maven", "settings.xml")), "The Cake sample left its Maven settings file behind.");
            Assert.Contains("Deleted the Maven settings file ", demo.Output, StringComparison.Ordinal);

            // The demo never prints the secret key it hands to the samples.
            Assert.DoesNotContain("CAEmuDevSecretKey0000000000000000000001", demo.Output, StringComparison.Ordinal);

            // The emulator is gone: its port no longer answers.
            var port = int.Parse(Regex.Match(demo.Output, @"listening on http://127\.0\.0\.1:(\d+)/").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("Emulator stopped", demo.Output, StringComparison.Ordinal);
            using var probe = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(System.Net.IPAddress.Loopback, port));
        }
        finally
        {
            FreshClone.DeleteQuietly(work);
        }
    }

    /// <summary>The lines after the summary heading, with the console's colours taken out.</summary>
    private static string SummaryTable(string output)
    {
        var plain = Regex.Replace(output, @"\x1B\[[0-9;]*m", string.Empty);
        var start = plain.IndexOf("==> Summary", StringComparison.Ordinal);
        Assert.True(start >= 0, "The demo printed no summary:" + Environment.NewLine + plain);
        return plain[start..];
    }

    /// <summary>What a fresh clone holds: the working tree without build output, caches and git data.</summary>
    private static class FreshClone
    {
        private static readonly HashSet<string> SkippedAnywhere = new(StringComparer.Ordinal) { ".git", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", ".vs" };

        private static readonly HashSet<string> SkippedPaths = new(StringComparer.Ordinal)
        {
            "artifacts", "tools", ".codeartifact-emulator", "samples/msbuild/dist", "samples/cake/tools", "samples/cake/reports",
        };

        public static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CodeArtifact.Build.sln")) && File.Exists(Path.Combine(directory.FullName, "build.cake")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No repository (CodeArtifact.Build.sln and build.cake) above {AppContext.BaseDirectory}.");
        }

        public static void CopyRepository(string source, string target)
        {
            Copy(source, target, string.Empty);

            // The local feed folder that a clone has (artifacts/packages/.gitkeep).
            Directory.CreateDirectory(Path.Combine(target, "artifacts", "packages"));
        }

        public static void DeleteQuietly(string directory)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
                // A build server started by the demo may still hold a file; the temp folder is cleaned anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static void Copy(string source, string target, string relative)
        {
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.EnumerateDirectories(source))
            {
                var name = Path.GetFileName(directory);
                var path = relative.Length == 0 ? name : relative + "/" + name;
                if (!SkippedAnywhere.Contains(name) && !SkippedPaths.Contains(path))
                {
                    Copy(directory, Path.Combine(target, name), path);
                }
            }
        }
    }

    /// <summary>Runs <c>dotnet</c> to its end and keeps everything it printed.</summary>
    private static class ChildProcess
    {
        public static async Task<Result> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan limit)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NO_COLOR"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            // No MSBuild node or server outlives the run holding this test's output pipe open.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

            // Microsoft.Build.Locator points this test process at the SDK's MSBuild; the child's own
            // dotnet must choose for itself, as on a developer's machine.
            foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath" })
            {
                start.Environment.Remove(name);
            }

            var output = new StringBuilder();
            var endOfOutput = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(e.Data, endOfOutput);
            process.ErrorDataReceived += (_, e) => Append(e.Data, null);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            // Wait for the exit only: a compiler server the run started keeps the pipe open for minutes.
            if (!await Task.Run(() => process.WaitForExit(limit)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` did not finish within {limit}:{Environment.NewLine}{Text()}");
            }

            await Task.WhenAny(endOfOutput.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            return new Result($"dotnet {string.Join(' ', arguments)}", process.ExitCode, Text());

            void Append(string? line, TaskCompletionSource? end)
            {
                if (line is null)
                {
                    end?.TrySetResult();
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }
            }

            string Text()
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }
    }

    private sealed record Result(string Command, int ExitCode, string Output)
    {
        public override string ToString() => $"`{Command}` exited with {ExitCode}:{Environment.NewLine}{Output}";
    }
}
