using Cake.Core.Diagnostics;
using Cake.Core.IO;
using CodeArtifact.TestUtilities;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>
/// Every alias, signed in every way, with the log recording every verbosity down to Diagnostic:
/// no secret (the repository password publish uploads with included) in a log line, in an
/// exception (message, inner exceptions, ToString), in a result's text, or in a JSON or Markdown report.
/// </summary>
public sealed class AliasSecretTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("temporary AK/SK")]
    [InlineData("AK/SK")]
    [InlineData("IAM password")]
    [InlineData("auth token")]
    [InlineData("wrong SK")]
    [InlineData("wrong IAM password")]
    public void No_Secret_Reaches_A_Log_Line_An_Exception_Or_A_Report(string signIn)
    {
        // Given a user with random secrets, signed in one way, and something for every alias to do
        var user = LeakCheckUser.Create(emulator.Server);
        using var test = new AliasTestContext(emulator.Server);
        test.Context.Environment.Variables.Clear();
        foreach (var (name, value) in user.Environment(signIn))
        {
            test.Context.Environment.Variables[name] = value;
        }

        test.Log.Verbosity = Verbosity.Diagnostic;
        var (maven, _) = emulator.Server.Seed.CreateMavenRepository($"asl{Guid.NewGuid():N}"[..14]);
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        emulator.Server.Seed.PutFile(repository, "/app.zip", "app"u8.ToArray());
        emulator.Server.Seed.PutFile(repository, "/old/x.zip", "x"u8.ToArray(), DateTimeOffset.UtcNow.AddDays(-90));
        test.WriteLocalFile("app.zip", "app"u8.ToArray());
        var release = $"asl{Guid.NewGuid():N}"[..12];
        emulator.Server.Seed.AddReleaseFile(release, "1.0.0");
        T Reported<T>(T settings, string job)
            where T : CodeArtifactSettings
        {
            settings.ReportFile = $"reports/{job}.json";
            settings.MarkdownSummaryFile = $"reports/{job}.md";
            return settings;
        }

        // When every alias runs (a restore of a file never deleted, to see a failure too)
        var seen = new List<string>();
        void Run(Func<object?> alias)
        {
            try
            {
                var result = alias();
                seen.Add(result is System.Collections.IEnumerable items and not string ? string.Join("\n", items.Cast<object>()) : result?.ToString() ?? string.Empty);
            }
            catch (Exception ex)
            {
                seen.Add(ex.ToString());
                for (var inner = ex; inner is not null; inner = inner.InnerException)
                {
                    seen.Add(inner.Message);
                }
            }
        }

        var mavenSettings = Reported(new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [maven.Id] }, "maven");
        Run(() => test.Context.CodeArtifactResolveMavenCredentials(mavenSettings));
        Run(() => test.Context.CodeArtifactWriteMavenSettings(new FilePath("m2/settings.xml"), mavenSettings));
        Run(() => test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { [new FilePath("app.zip")] = "/app.zip" }, Reported(new CodeArtifactVerifySettings(test.Connection) { Repository = repository }, "verify")));
        Run(() => test.Context.CodeArtifactGetReleaseFileVersions(release, Reported(new CodeArtifactReleaseVersionsSettings(test.Connection), "releases")));
        Run(() => test.Context.CodeArtifactGetLatestReleaseFileVersion(release, new CodeArtifactReleaseVersionsSettings(test.Connection)));
        Run(() => test.Context.CodeArtifactDeleteObsoleteFiles(Reported(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository, RootPath = "/old", DryRun = true }, "cleanup")));
        Run(() => test.Context.CodeArtifactRestoreFiles(["/never-deleted.zip"], Reported(new CodeArtifactRestoreSettings(test.Connection) { Repository = repository }, "restore")));
        Run(() => test.Context.CodeArtifactPublishFiles(new Dictionary<FilePath, string> { [new FilePath("app.zip")] = "/pub/app.zip" }, Reported(new CodeArtifactPublishSettings(test.Connection) { Repository = repository }, "publish")));

        // Then no secret is in anything a user or a log reader sees
        var reports = Directory.Exists(test.Context.PathOf("reports")) ? Directory.GetFiles(test.Context.PathOf("reports")) : [];
        var leaks = user.FoundIn(test.Log.AllText).Select(s => "log: " + s)
            .Concat(seen.SelectMany(text => user.FoundIn(text).Select(s => "result or exception: " + s)))
            .Concat(reports.SelectMany(file => user.FoundIn(File.ReadAllBytes(file)).Select(s => $"{System.IO.Path.GetFileName(file)}: {s}")))
            .ToList();
        Assert.True(leaks.Count == 0, $"{signIn}: {string.Join(", ", leaks)}");
        Assert.Contains(test.Log.Entries, e => e.Verbosity == Verbosity.Diagnostic || e.Verbosity == Verbosity.Verbose);
        if (signIn.StartsWith("wrong", StringComparison.Ordinal))
        {
            Assert.Contains(seen, text => text.StartsWith("CART0102: ", StringComparison.Ordinal));
        }
        else
        {
            // The one place the Maven password belongs, which also proves it was in play.
            Assert.Contains(user.Identity.RepositoryPassword, File.ReadAllText(test.Context.PathOf("m2/settings.xml")), StringComparison.Ordinal);
            Assert.Equal(12, reports.Length);

            // Publish uploaded with the repository password Maven info handed out.
            Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/pub/app.zip"));
        }
    }
}
