using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeArtifact.Build.Tests.Integration;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Build.Tests.Reliability;

/// <summary>
/// The packed package in a real `dotnet build`: every job under 30 % faults, and a cleanup stopped
/// with Ctrl+C half-way, then run again and undone.
/// </summary>
[Collection(SecondPackageCollection.Name)]
public sealed class BuildUnderFaultsTests(PackageFixture package) : IDisposable
{
    public void Dispose() => package.Emulator.Faults = FaultOptions.None;

    [Fact]
    public async Task Every_Job_Of_A_Build_Completes_Correctly_Under_Faults()
    {
        // Given a Maven repository, five release versions, two published files and six obsolete builds
        var emulator = package.Emulator;
        var (maven, _) = emulator.Seed.CreateMavenRepository($"bf{Guid.NewGuid():N}"[..14]);
        var repository = emulator.Seed.CreateRepository("generic").Id;
        emulator.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("app bytes"));
        emulator.Seed.PutFile(repository, "/app/1.0/lib.zip", Encoding.UTF8.GetBytes("published lib"));
        var old = DateTimeOffset.UtcNow.AddDays(-60);
        var obsolete = Enumerable.Range(1, 6).Select(i => $"/nightly/n{i}.zip").ToArray();
        emulator.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), old)));
        var release = $"bf{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.0.0", "1.2.0", "1.10.0", "1.9.0", "2.0.0-rc.1" })
        {
            emulator.Seed.AddReleaseFile(release, version);
        }

        var consumer = new ConsumerProject(package, "faults", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactMavenRepositoryIds>{maven.Id}</CodeArtifactMavenRepositoryIds>
                <CodeArtifactMavenSettingsFile>m2/settings.xml</CodeArtifactMavenSettingsFile>
                <CodeArtifactReleaseFileName>{release}</CodeArtifactReleaseFileName>
                <CodeArtifactCleanupRootPath>/nightly</CodeArtifactCleanupRootPath>
                <CodeArtifactFailOnMismatch>false</CodeArtifactFailOnMismatch>
                <CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory>
              </PropertyGroup>
              <ItemGroup>
                <CodeArtifactVerifyFile Include="dist/app.zip" RemotePath="/app/1.0/app.zip" />
                <CodeArtifactVerifyFile Include="dist/lib.zip" RemotePath="/app/1.0/lib.zip" />
              </ItemGroup>
              <Target Name="PrintAll" AfterTargets="CodeArtifactDeleteObsoleteFiles">
                <Message Importance="high" Text="MAVEN=[@(CodeArtifactMavenRepository)] VERSIONS=[@(CodeArtifactReleaseVersion)] LATEST=[$(CodeArtifactLatestVersion)] VERIFIED=[@(CodeArtifactVerifiedFile)] MISMATCHED=[@(CodeArtifactMismatchedFile)] DELETED=[@(CodeArtifactDeletedFile)]" />
              </Target>
            """);
        Directory.CreateDirectory(consumer.PathOf("dist"));
        File.WriteAllText(consumer.PathOf("dist/app.zip"), "app bytes");
        File.WriteAllText(consumer.PathOf("dist/lib.zip"), "lib as built here");
        var restore = await DotnetProcess.RunAsync(consumer.Directory, ["restore", consumer.ProjectFile, "-nodeReuse:false"], consumer.Environment);
        Assert.True(restore.Succeeded, restore.ToString());

        // When every job runs under faults
        emulator.Faults = FaultProfiles.ThirtyPercent(seed: 21);
        var mark = emulator.RequestLog.Count;
        var build = await consumer.BuildAsync(
            "--no-restore", $"-p:CodeArtifactMaxRetries={Faults.MaxRetries}",
            "-t:CodeArtifactResolveMavenCredentials;CodeArtifactGetReleaseFileVersions;CodeArtifactVerifyChecksums;CodeArtifactDeleteObsoleteFiles");
        emulator.Faults = FaultOptions.None;
        var requests = emulator.RequestLog.Snapshot().Skip(mark).ToList();

        // Then each job's outputs are right, the faults were retried, and each file was deleted once
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains(requests, r => r.Fault is not null);
        Assert.Contains("CART0111", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning CART0111", build.Output, StringComparison.Ordinal);
        Assert.Equal(maven.Id, ConsumerProject.Printed(build, "MAVEN"));
        Assert.Equal("1.0.0;1.2.0;1.9.0;1.10.0;2.0.0-rc.1", ConsumerProject.Printed(build, "VERSIONS"));
        Assert.Equal("1.10.0", ConsumerProject.Printed(build, "LATEST"));
        Assert.Equal("dist/app.zip", ConsumerProject.Printed(build, "VERIFIED"));
        Assert.Equal("dist/lib.zip", ConsumerProject.Printed(build, "MISMATCHED"));
        Assert.Equal(string.Join(';', obsolete), ConsumerProject.Printed(build, "DELETED"));
        var deletes = requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(obsolete.Length, deletes.Count(r => FaultNames.WasHandled(r.Fault) && r.Status == 200));
        // A retry after a lost answer finds the file gone (404): the run counts it as deleted, once.
        Assert.DoesNotContain(deletes, r => FaultNames.WasHandled(r.Fault) && r.Status is not (200 or 404));
        Assert.All(obsolete, p => Assert.Null(emulator.Seed.FindFile(repository, p)));
        Assert.Contains(emulator.RepositoryPassword(), File.ReadAllText(consumer.PathOf("m2/settings.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_Stops_A_Cleanup_Within_A_Second_Its_Report_Lists_What_Was_Deleted_And_Rerun_And_Restore_Finish()
    {
        // Given 60 obsolete files, a service that takes 100 ms per request, and a cleanup two deletes at a time
        var emulator = package.Emulator;
        var repository = emulator.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-60);
        var obsolete = Enumerable.Range(0, 60).Select(i => $"/ci/b{i:D2}.zip").ToArray();
        emulator.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), old)));
        var consumer = new ConsumerProject(package, "ctrlc", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactCleanupRootPath>/ci</CodeArtifactCleanupRootPath>
                <CodeArtifactMaxConcurrency>2</CodeArtifactMaxConcurrency>
                <CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory>
              </PropertyGroup>
              <Target Name="PrintRestore" AfterTargets="CodeArtifactRestoreFiles">
                <Message Importance="high" Text="RESTORED=[@(CodeArtifactRestoredFile)]" />
              </Target>
            """);
        var restore = await DotnetProcess.RunAsync(consumer.Directory, ["restore", consumer.ProjectFile, "-nodeReuse:false"], consumer.Environment);
        Assert.True(restore.Succeeded, restore.ToString());
        emulator.Faults = new FaultOptions { LatencyMs = 100 };
        var mark = emulator.RequestLog.Count;

        // When Ctrl+C reaches the build, at its default verbosity, once ten files are deleted
        await using var build = InterruptibleDotnet.Start(consumer.Directory, ["build", consumer.ProjectFile, "--no-restore", "-nodeReuse:false", "-tl:off", "-t:CodeArtifactDeleteObsoleteFiles"], ChildEnvironment.Nullable(consumer.Environment));
        await WaitForAsync(() => DeletesSince(mark) >= 10, build, TimeSpan.FromSeconds(90));
        var interruptedAt = DateTimeOffset.UtcNow;
        build.Interrupt();
        var exitCode = await build.WaitForExitAsync(TimeSpan.FromSeconds(30));
        emulator.Faults = FaultOptions.None;

        // Then the build failed, no delete arrived more than a second after Ctrl+C, and none crashed
        Assert.NotEqual(0, exitCode);
        Expected.NoCrash(build.Output);
        var lastDelete = emulator.RequestLog.Snapshot().Skip(mark).Last(r => r.Method == "DELETE").Time;
        Assert.True(lastDelete - interruptedAt < TimeSpan.FromSeconds(1), $"A delete arrived {lastDelete - interruptedAt} after Ctrl+C.\n{build.Output}");

        // And the report lists exactly the files that are gone (those in flight as interrupted)
        var report = ReadReport(consumer.PathOf("reports/cleanup.json"));
        Assert.Equal("cancelled", report.Outcome);
        var gone = obsolete.Where(p => emulator.Seed.FindFile(repository, p) is null).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(report.Deleted.Count, 10, obsolete.Length - 1);
        Assert.Subset(gone, report.Deleted.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(report.Deleted.Concat(report.Interrupted).ToHashSet(StringComparer.Ordinal), gone);

        // And the build said so at its default verbosity: CART0506 with what was deleted and where the list is
        var cancelled = Regex.Match(build.Output, @"error CART0506: (?<text>.*)");
        Assert.True(cancelled.Success, "No CART0506 error was printed:\n" + build.Output);
        Assert.Contains($"{report.Deleted.Count} of 60 files deleted", cancelled.Groups["text"].Value, StringComparison.Ordinal);
        Assert.Contains($"{report.Interrupted.Count} interrupted", cancelled.Groups["text"].Value, StringComparison.Ordinal);
        Assert.Contains(consumer.PathOf("reports/cleanup.json"), cancelled.Groups["text"].Value, StringComparison.Ordinal);

        // When the cleanup runs again, then it deletes the rest
        var rerun = await consumer.BuildAsync("--no-restore", "-t:CodeArtifactDeleteObsoleteFiles", "-p:CodeArtifactReportDirectory=reports-rerun");
        Assert.True(rerun.Succeeded, rerun.ToString());
        Assert.All(obsolete, p => Assert.Null(emulator.Seed.FindFile(repository, p)));
        var second = ReadReport(consumer.PathOf("reports-rerun/cleanup.json"));
        InterruptedCleanup.AssertRerunDeletedTheRest(obsolete, report.Deleted, report.Interrupted, second.Deleted);

        // When everything the two reports list is restored, then all 60 files are back
        var paths = report.Deleted.Concat(report.Interrupted).Concat(second.Deleted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(obsolete, paths);
        var restored = await consumer.BuildAsync("--no-restore", "-t:CodeArtifactRestoreFiles", $"-p:CodeArtifactRestorePaths=\"{string.Join(';', paths)}\"");
        Assert.True(restored.Succeeded, restored.ToString());
        Assert.All(obsolete, p => Assert.NotNull(emulator.Seed.FindFile(repository, p)));
    }

    [Fact]
    public async Task A_503_That_A_Retry_Handles_Passes_Under_WarnAsError_With_The_Summary_Shown()
    {
        // Given one release version, and a release API whose first answer is a 503
        var emulator = package.Emulator;
        var release = $"wa{Guid.NewGuid():N}"[..12];
        emulator.Seed.AddReleaseFile(release, "1.0.0");
        var consumer = new ConsumerProject(package, "warnaserror", $"""
              <PropertyGroup>
                <CodeArtifactReleaseFileName>{release}</CodeArtifactReleaseFileName>
              </PropertyGroup>
            """);
        var restore = await DotnetProcess.RunAsync(consumer.Directory, ["restore", consumer.ProjectFile, "-nodeReuse:false"], consumer.Environment);
        Assert.True(restore.Succeeded, restore.ToString());
        emulator.Faults = new FaultOptions { Rate5xx = 0.5, RandomSeed = FirstFailsThenSucceeds(0.5), PathPrefixes = ["/v2/"] };
        var mark = emulator.RequestLog.Count;

        // When the build treats warnings as errors, at its default verbosity
        var build = await consumer.BuildAtDefaultVerbosityAsync("--no-restore", "-warnaserror", "-p:CodeArtifactMaxRetries=2", "-t:CodeArtifactGetReleaseFileVersions");
        emulator.Faults = FaultOptions.None;

        // Then the 503 was retried, the build passed without a warning, and the summary is the line it shows
        var lookups = emulator.RequestLog.Snapshot().Skip(mark).Where(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal)).ToList();
        Assert.Equal([503, 200], lookups.Select(r => r.Status));
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotMatch(@"warning [A-Z]+\d{4}", build.Output);
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.Contains($"Release versions of {release}.zip: 1 version, latest 1.0.0.", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CART0111", build.Output, StringComparison.Ordinal);
    }

    /// <summary>A seed whose first draw is a fault and whose second is not, at <paramref name="rate"/>.</summary>
    private static int FirstFailsThenSucceeds(double rate)
    {
        for (var seed = 1; ; seed++)
        {
            var random = new Random(seed);
            if (random.NextDouble() < rate && random.NextDouble() >= rate)
            {
                return seed;
            }
        }
    }

    private int DeletesSince(int mark) => package.Emulator.RequestLog.Snapshot().Skip(mark).Count(r => r.Method == "DELETE" && r.Status == 200);

    private static async Task WaitForAsync(Func<bool> condition, InterruptibleDotnet process, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "The build ended before the condition held:\n" + process.Output);
            Assert.True(clock.Elapsed < limit, "The condition did not hold in time:\n" + process.Output);
            await Task.Delay(20);
        }
    }

    private static (string Outcome, IReadOnlyList<string> Deleted, IReadOnlyList<string> Interrupted) ReadReport(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var results = json.RootElement.GetProperty("results");
        static string[] Paths(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToArray();
        return (json.RootElement.GetProperty("outcome").GetString()!, Paths(results.GetProperty("deleted")), Paths(results.GetProperty("interrupted")));
    }
}
