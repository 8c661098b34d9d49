using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cake.CodeArtifact.Tests.EndToEnd;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.TestUtilities;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>
/// The real <c>dotnet cake</c> with the packed addin: no secret in the output at any verbosity or
/// in a report, every alias right under faults, and a cleanup interrupted by Ctrl+C.
/// </summary>
[Collection(CakeScriptCollection.Name)]
public sealed class CakeScriptReliabilityTests(CakeScriptFixture fixture) : IDisposable
{
    /// <summary>
    /// (verbosity, sign-in, succeeds): every verbosity once, and the most verbose one with every kind
    /// of secret. The first run compiles the script (the others run it from Cake's script cache), so
    /// it is the most verbose one with the most secrets in its environment.
    /// </summary>
    private static readonly (string Verbosity, string SignIn, bool Succeeds)[] Runs =
    [
        ("diagnostic", "temporary AK/SK", true),
        ("quiet", "temporary AK/SK", true),
        ("minimal", "IAM password", true),
        ("normal", "auth token", true),
        ("verbose", "AK/SK", true),
        ("diagnostic", "IAM password", true),
        ("diagnostic", "auth token", true),
        ("diagnostic", "wrong SK", false),
    ];

    public void Dispose() => fixture.Server.Faults = FaultOptions.None;

    [Fact]
    public async Task No_Secret_Reaches_The_Output_Or_A_Report_At_Any_Verbosity()
    {
        // Given a user with random secrets, and something for every alias to do
        var server = fixture.Server;
        var user = LeakCheckUser.Create(server);
        var (maven, _) = server.Seed.CreateMavenRepository($"cleak{Guid.NewGuid():N}"[..14]);
        var repository = server.Seed.CreateRepository("generic").Id;
        server.Seed.PutFile(repository, "/app/1.0/app.zip", "app bytes"u8.ToArray());
        server.Seed.PutFile(repository, "/old/build.zip", "old"u8.ToArray(), DateTimeOffset.UtcNow.AddDays(-90));
        File.WriteAllText(Path.Combine(fixture.ScriptDirectory, "leak-app.zip"), "app bytes");
        var release = $"cleak{Guid.NewGuid():N}"[..12];
        server.Seed.AddReleaseFile(release, "1.0.0");

        // One script for every run, its run's name given as an argument: Cake compiles it once and
        // the script cache serves the other runs (each still a whole `dotnet cake` of its own).
        WriteScript("leak.cake", $$"""
            var run = Argument<string>("run");
            CodeArtifactSettings Reported(CodeArtifactSettings settings, string job)
            {
                settings.MaxRetries = 0;
                settings.ReportFile = "leak/" + run + "/" + job + ".json";
                settings.MarkdownSummaryFile = "leak/" + run + "/" + job + ".md";
                return settings;
            }

            var mavenSettings = (CodeArtifactMavenCredentialsSettings)Reported(new CodeArtifactMavenCredentialsSettings { RepositoryIds = new[] { "{{maven.Id}}" } }, "maven");
            foreach (var repository in CodeArtifactResolveMavenCredentials(mavenSettings))
            {
                Information("maven {0} {1} {2} {3}", repository, repository.Id, repository.UserName, repository.Password);
            }

            CodeArtifactWriteMavenSettings("leak/" + run + "/settings.xml", mavenSettings);
            var verification = CodeArtifactVerifyChecksums(
                new Dictionary<FilePath, string> { ["leak-app.zip"] = "/app/1.0/app.zip" },
                (CodeArtifactVerifySettings)Reported(new CodeArtifactVerifySettings { Repository = "{{repository}}" }, "verify"));
            Information("verified {0}", verification.Verified);
            var versions = CodeArtifactGetReleaseFileVersions("{{release}}", (CodeArtifactReleaseVersionsSettings)Reported(new CodeArtifactReleaseVersionsSettings(), "releases"));
            Information("versions {0}", versions.Count);
            var cleanup = CodeArtifactDeleteObsoleteFiles((CodeArtifactCleanupSettings)Reported(new CodeArtifactCleanupSettings { Repository = "{{repository}}", RootPath = "/old", DryRun = true }, "cleanup"));
            Information("candidates {0}", cleanup.Candidates.Count);
            """);

        foreach (var (verbosity, signIn, succeeds) in Runs)
        {
            // When the script runs every alias
            var run = $"{verbosity}-{signIn.Replace(' ', '-').Replace('/', '-')}";
            var output = Path.Combine(fixture.ScriptDirectory, "leak", run);
            var result = await RunWrittenAsync("leak.cake", verbosity, user.Environment(signIn), "--run=" + run);

            // Then it did what it should, and no secret is in its output or its reports
            Assert.True((result.ExitCode == 0) == succeeds, $"{run}: {result}");
            Assert.Empty(user.FoundIn(result.Output));
            var reports = Directory.Exists(output) ? Directory.GetFiles(output) : [];
            // settings.xml is the one file where the Maven password belongs.
            var leaks = reports
                .SelectMany(file => user.FoundIn(File.ReadAllBytes(file)).Where(s => Path.GetFileName(file) != "settings.xml" || s != user.Identity.RepositoryPassword).Select(s => $"{file}: {s}"))
                .ToList();
            Assert.True(leaks.Count == 0, $"{run}: secrets in {string.Join(", ", leaks)}");
            if (succeeds)
            {
                Assert.Equal(9, reports.Length);
                Assert.Contains(user.Identity.RepositoryPassword, File.ReadAllText(Path.Combine(output, "settings.xml")), StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("CART0102", result.Output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Every_Alias_Of_A_Script_Completes_Correctly_Under_Faults()
    {
        // Given something for every alias, and a service failing 30 % of requests
        var server = fixture.Server;
        var (maven, _) = server.Seed.CreateMavenRepository($"cf{Guid.NewGuid():N}"[..14]);
        var repository = server.Seed.CreateRepository("generic").Id;
        server.Seed.PutFile(repository, "/app/1.0/app.zip", "faulty app"u8.ToArray());
        File.WriteAllText(Path.Combine(fixture.ScriptDirectory, "faulty-app.zip"), "faulty app");
        var obsolete = Enumerable.Range(1, 6).Select(i => $"/nightly/n{i}.zip").ToArray();
        server.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), DateTimeOffset.UtcNow.AddDays(-60))));
        var release = $"cf{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.0.0", "1.10.0", "1.9.0" })
        {
            server.Seed.AddReleaseFile(release, version);
        }

        server.Faults = FaultProfiles.ThirtyPercent(seed: 41);
        var mark = server.RequestLog.Count;

        // When
        var result = await RunAsync("faults.cake", "normal", DevEnvironment(), $$"""
            var connection = new CodeArtifactSettings { MaxRetries = {{Faults.MaxRetries}} };
            var repositories = CodeArtifactResolveMavenCredentials(new CodeArtifactMavenCredentialsSettings(connection) { RepositoryIds = new[] { "{{maven.Id}}" } });
            Information("RESULT maven {0}", string.Join(" ", repositories.Select(r => r.Id)));
            var verification = CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { ["faulty-app.zip"] = "/app/1.0/app.zip" }, new CodeArtifactVerifySettings(connection) { Repository = "{{repository}}" });
            Information("RESULT verified {0}", verification.Verified);
            Information("RESULT versions {0}", string.Join(" ", CodeArtifactGetReleaseFileVersions("{{release}}", new CodeArtifactReleaseVersionsSettings(connection)).Select(v => v.Version)));
            var cleanup = CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(connection) { Repository = "{{repository}}", RootPath = "/nightly" });
            Information("RESULT deleted {0}", string.Join(" ", cleanup.Deleted.Select(f => f.Path)));
            """);
        server.Faults = FaultOptions.None;
        var requests = server.RequestLog.Snapshot().Skip(mark).ToList();

        // Then every result is right, faults were met, and each file was deleted by one request
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(requests, r => r.Fault is not null);
        Assert.Contains($"RESULT maven {maven.Id}", result.Output, StringComparison.Ordinal);
        Assert.Contains("RESULT verified 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("RESULT versions 1.0.0 1.9.0 1.10.0", result.Output, StringComparison.Ordinal);
        Assert.Contains("RESULT deleted " + string.Join(' ', obsolete), result.Output, StringComparison.Ordinal);
        var deletes = requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(obsolete.Length, deletes.Count(r => r.Fault is null && r.Status == 200));
        Assert.DoesNotContain(deletes, r => r.Fault is null && r.Status != 200);
    }

    [Fact]
    public async Task Ctrl_C_Stops_A_Cleanup_Within_A_Second_And_Its_Report_Lists_What_Was_Deleted()
    {
        // Given 60 obsolete files, a service that takes 100 ms per request, and a cleanup two deletes at a time
        var server = fixture.Server;
        var repository = server.Seed.CreateRepository("generic").Id;
        var obsolete = Enumerable.Range(0, 60).Select(i => $"/ci/b{i:D2}.zip").ToArray();
        server.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), DateTimeOffset.UtcNow.AddDays(-60))));
        var report = Path.Combine(fixture.ScriptDirectory, "cancel", "cleanup.json");
        var script = Path.Combine(fixture.ScriptDirectory, "cancel.cake");
        File.WriteAllText(script, fixture.AddinDirective + Environment.NewLine + $$"""
            var cleanup = CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings { Repository = "{{repository}}", RootPath = "/ci", MaxConcurrency = 2, ReportFile = "cancel/cleanup.json" });
            Information("RESULT deleted {0}", cleanup.Deleted.Count);
            """);
        server.Faults = new FaultOptions { LatencyMs = 100 };
        var mark = server.RequestLog.Count;

        // When Ctrl+C reaches the script once ten files are deleted
        await using var cake = InterruptibleDotnet.Start(fixture.ScriptDirectory, ["cake", "cancel.cake", "--verbosity=normal"], Clean(DevEnvironment()));
        var clock = Stopwatch.StartNew();
        while (server.RequestLog.Snapshot().Skip(mark).Count(r => r.Method == "DELETE" && r.Status == 200) < 10)
        {
            Assert.False(cake.HasExited, "The script ended before ten files were deleted:\n" + cake.Output);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "Ten files were not deleted in time:\n" + cake.Output);
            await Task.Delay(20);
        }

        var interruptedAt = DateTimeOffset.UtcNow;
        cake.Interrupt();
        var exitCode = await cake.WaitForExitAsync(TimeSpan.FromSeconds(30));
        server.Faults = FaultOptions.None;

        // Then the script stopped, no delete arrived more than a second after Ctrl+C, and the
        // report lists exactly the files that are gone (those in flight as interrupted)
        Assert.True(exitCode != 0, $"dotnet cake exited with 0 after Ctrl+C:\n{cake.Output}");
        var lastDelete = server.RequestLog.Snapshot().Skip(mark).Last(r => r.Method == "DELETE").Time;
        Assert.True(lastDelete - interruptedAt < TimeSpan.FromSeconds(1), $"A delete arrived {lastDelete - interruptedAt} after Ctrl+C.\n{cake.Output}");
        var gone = obsolete.Where(p => server.Seed.FindFile(repository, p) is null).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(gone.Count, 10, obsolete.Length - 1);
        Assert.True(File.Exists(report), $"Ctrl+C left no report of the {gone.Count} files already deleted, so they cannot be restored from it.\n{cake.Output}");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("cancelled", json.RootElement.GetProperty("outcome").GetString());
        var results = json.RootElement.GetProperty("results");
        var deleted = results.GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToHashSet(StringComparer.Ordinal);
        var interrupted = results.GetProperty("interrupted").EnumerateArray().Select(d => d.GetProperty("path").GetString()!);
        Assert.Subset(gone, deleted);
        Assert.Subset(deleted.Union(interrupted).ToHashSet(StringComparer.Ordinal), gone);

        // And a rerun deletes the rest, and a restore of everything reported brings all 60 back
        using var test = new AliasTestContext(server);
        var rerun = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository, RootPath = "/ci" });
        InterruptedCleanup.AssertRerunDeletedTheRest(obsolete, deleted, interrupted, rerun.Deleted.Select(d => d.Path).ToList());
        Assert.All(obsolete, p => Assert.Null(server.Seed.FindFile(repository, p)));
        var restored = test.Context.CodeArtifactRestoreFiles(deleted.Union(interrupted).Union(rerun.Deleted.Select(d => d.Path)), new CodeArtifactRestoreSettings(test.Connection) { Repository = repository });
        Assert.Empty(restored.Failed);
        Assert.All(obsolete, p => Assert.NotNull(server.Seed.FindFile(repository, p)));
    }

    private Task<ProcessResult> RunAsync(string name, string verbosity, IReadOnlyDictionary<string, string> environment, string body)
    {
        WriteScript(name, body);
        return RunWrittenAsync(name, verbosity, environment);
    }

    private void WriteScript(string name, string body) =>
        File.WriteAllText(Path.Combine(fixture.ScriptDirectory, name), fixture.AddinDirective + Environment.NewLine + body);

    /// <summary>Runs a script already written, with <paramref name="arguments"/> after the usual ones.</summary>
    private Task<ProcessResult> RunWrittenAsync(string name, string verbosity, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ExternalProcess.RunAsync("dotnet", ["cake", name, "--verbosity=" + verbosity, .. arguments], fixture.ScriptDirectory, Clean(environment));

    private Dictionary<string, string> DevEnvironment() => new()
    {
        [CodeArtifactEnvironment.Endpoint] = fixture.Server.Endpoint.ToString(),
        [CodeArtifactEnvironment.TenantId] = fixture.Server.Identity.TenantId,
        [CodeArtifactEnvironment.ProjectId] = fixture.Server.Identity.ProjectId,
        [CodeArtifactEnvironment.AccessKey] = fixture.Server.Identity.AccessKey,
        [CodeArtifactEnvironment.SecretKey] = fixture.Server.Identity.SecretKey,
    };

    /// <summary>The given variables, and none of the machine's own CodeArts variables.</summary>
    private static Dictionary<string, string?> Clean(IReadOnlyDictionary<string, string> environment)
    {
        var clean = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(n => n.StartsWith("HUAWEICLOUD_", StringComparison.Ordinal) || n.StartsWith("CODEARTIFACT_", StringComparison.Ordinal))
            .ToDictionary(n => n, _ => (string?)null, StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            clean[name] = value;
        }

        return clean;
    }
}
