using System.Text.RegularExpressions;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>
/// The real <c>dotnet cake</c> (the repository's pinned Cake.Tool) on scripts that load the packed
/// addin from a local feed, against the emulator: what the script printed, what the emulator was
/// asked, and that no secret reached the output even at diagnostic verbosity.
/// </summary>
[Collection(CakeScriptCollection.Name)]
public sealed class CakeScriptTests(CakeScriptFixture fixture)
{
    [Fact]
    public async Task Should_Run_Every_Alias_From_A_Script()
    {
        // Given
        var seed = fixture.Server.Seed;
        var (maven, _) = seed.CreateMavenRepository("maven-" + Unique());
        var generic = seed.CreateRepository("generic");
        var published = "published build output\n"u8.ToArray();
        seed.PutFile(generic.Id, "/app/1.0/app.zip", published);
        File.WriteAllBytes(Path.Combine(fixture.ScriptDirectory, "app.zip"), published);
        var now = DateTimeOffset.UtcNow;
        seed.PutFiles(generic.Id, [
            ("/nightly/app-1.zip", "one"u8.ToArray(), now.AddDays(-30)),
            ("/nightly/app-2.zip", "two"u8.ToArray(), now.AddDays(-20)),
            ("/nightly/app-3.zip", "thr"u8.ToArray(), now.AddDays(-10)),
        ]);
        var release = "tool" + Unique();
        foreach (var version in new[] { "1.9.0", "1.10.0", "2.0.0-rc.1" })
        {
            seed.AddReleaseFile(release, version);
        }

        var dist = Path.Combine(fixture.ScriptDirectory, "dist-" + Unique());
        Directory.CreateDirectory(dist);
        File.WriteAllText(Path.Combine(dist, "tool.zip"), "tool bytes");
        File.WriteAllText(Path.Combine(dist, "tool.zip.sha256"), "digest");
        var before = fixture.Server.RequestLog.Count;

        // When
        var run = await fixture.RunScriptAsync("every-alias.cake", $$"""
            var connection = new CodeArtifactSettings { MaxRetries = 0, ReportFile = "out/last-report.json" };

            Task("Maven").Does(() =>
            {
                var mavenSettings = new CodeArtifactMavenCredentialsSettings(connection) { RepositoryIds = new[] { "{{maven.Id}}" } };
                foreach (var repository in CodeArtifactResolveMavenCredentials(mavenSettings))
                {
                    Information("RESULT maven {0} {1} {2} password={3}", repository.Id, repository.Url, repository.UserName, repository.Password);
                }

                var settingsXml = CodeArtifactWriteMavenSettings("out/settings.xml", mavenSettings);
                Information("RESULT settings.xml {0} holds the server: {1}", settingsXml.GetFilename(), System.IO.File.ReadAllText(settingsXml.FullPath).Contains("<id>{{maven.Id}}</id>"));
            });

            Task("Checksums").Does(() =>
            {
                var verification = CodeArtifactVerifyChecksums(
                    new Dictionary<FilePath, string> { ["app.zip"] = "/app/1.0/app.zip" },
                    new CodeArtifactVerifySettings(connection) { Repository = "{{generic.Id}}" });
                Information("RESULT verified={0} mismatched={1} missing={2} algorithm={3}", verification.Verified, verification.Mismatched, verification.Missing, verification.Files[0].Algorithm);
            });

            Task("Releases").Does(() =>
            {
                var releaseSettings = new CodeArtifactReleaseVersionsSettings(connection);
                Information("RESULT versions {0}", string.Join(" ", CodeArtifactGetReleaseFileVersions("{{release}}", releaseSettings).Select(v => v.Version)));
                var latest = CodeArtifactGetLatestReleaseFileVersion("{{release}}", releaseSettings);
                Information("RESULT latest {0} {1}", latest.Version, latest.DownloadUrl.EndsWith("{{release}}-1.10.0.zip"));
            });

            Task("Cleanup").Does(() =>
            {
                var cleanupSettings = new CodeArtifactCleanupSettings(connection) { Repository = "{{generic.Id}}", RootPath = "/nightly", KeepLatest = 1, DryRun = true };
                var dryRun = CodeArtifactDeleteObsoleteFiles(cleanupSettings);
                Information("RESULT would delete {0} ({1} bytes)", string.Join(" ", dryRun.Candidates.Select(f => f.Path)), dryRun.BytesFreed);

                cleanupSettings.DryRun = false;
                var cleanup = CodeArtifactDeleteObsoleteFiles(cleanupSettings);
                Information("RESULT deleted {0}", string.Join(" ", cleanup.Deleted.Select(f => f.Path)));

                var restore = CodeArtifactRestoreFiles(cleanup.Deleted.Select(f => f.Path), new CodeArtifactRestoreSettings(connection) { Repository = "{{generic.Id}}" });
                Information("RESULT restored {0} failed {1}", string.Join(" ", restore.Restored.OrderBy(p => p)), restore.Failed.Count);
            });

            Task("Publish").Does(() =>
            {
                var publishSettings = new CodeArtifactPublishSettings(connection) { Repository = "{{generic.Id}}" };
                var published = CodeArtifactPublishFiles(GetFiles("{{Path.GetFileName(dist)}}/*"), "/pub/1.0", publishSettings);
                Information("RESULT published {0} uploaded {1} unchanged {2} bytes", string.Join(" ", published.Uploaded.Select(f => f.RemotePath).OrderBy(p => p, StringComparer.Ordinal)), published.Unchanged.Count, published.BytesUploaded);
                var again = CodeArtifactPublishFiles(GetFiles("{{Path.GetFileName(dist)}}/*"), "/pub/1.0", publishSettings);
                Information("RESULT again {0} uploaded {1} unchanged", again.Uploaded.Count, again.Unchanged.Count);
            });

            Task("Default").IsDependentOn("Maven").IsDependentOn("Checksums").IsDependentOn("Releases").IsDependentOn("Cleanup").IsDependentOn("Publish");
            RunTarget("Default");
            """);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = ResultLines(run.Output);
        Assert.Equal(
            [
                $"maven {maven.Id} {maven.Url} {fixture.Server.Identity.RepositoryUserName} password=***",
                "settings.xml settings.xml holds the server: True",
                "verified=1 mismatched=0 missing=0 algorithm=SHA256",
                $"versions 1.9.0 1.10.0 2.0.0-rc.1",
                "latest 1.10.0 True",
                "would delete /nightly/app-1.zip /nightly/app-2.zip (6 bytes)",
                "deleted /nightly/app-1.zip /nightly/app-2.zip",
                "restored /nightly/app-1.zip /nightly/app-2.zip failed 0",
                "published /pub/1.0/tool.zip /pub/1.0/tool.zip.sha256 uploaded 0 unchanged 16 bytes",
                "again 0 uploaded 2 unchanged",
            ],
            results);
        Assert.NotNull(seed.FindFile(generic.Id, "/nightly/app-1.zip"));
        Assert.Contains("\"job\": \"publish\"", File.ReadAllText(Path.Combine(fixture.ScriptDirectory, "out", "last-report.json")), StringComparison.Ordinal);

        var requests = fixture.Server.RequestLog.Snapshot().Skip(before).ToList();
        Assert.Equal(
            ["BatchRestoreRepo", "DeleteArtifactFile", "ListArtifactoryComponent", "ShowFileTree", "ShowMavenInfo", "ShowProjectReleaseFiles", "ShowRepositoryInfo", "UploadFile"],
            requests.Select(r => r.Operation!).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.All(requests, r => Assert.Equal(r.Operation == "UploadFile" ? "basic" : "aksk", r.AuthKind));
        Assert.Equal(2, requests.Count(r => r.Operation == "UploadFile"));
        Assert.Equal("tool bytes"u8.Length, seed.FindFile(generic.Id, "/pub/1.0/tool.zip")!.Size);
        // Every request succeeded, but publish's look-ups of the two files not there yet ("new": upload them).
        var notFound = requests.Where(r => r.Status == 404).ToList();
        Assert.Equal(2, notFound.Count);
        Assert.All(notFound, r => Assert.Contains("path=%2Fpub%2F1.0%2Ftool.zip", r.Query, StringComparison.Ordinal));
        Assert.All(requests.Except(notFound), r => Assert.InRange(r.Status, 200, 299));
        Assert.Equal(2, requests.Count(r => r.Operation == "DeleteArtifactFile"));

        // Diagnostic verbosity shows the addin's detail, and still no secret.
        Assert.Contains($"Connecting to {fixture.Server.Endpoint}", run.Output, StringComparison.Ordinal);
        Assertions.ContainsNoSecret(run.Output, fixture.Secrets);
    }

    [Fact]
    public async Task Should_Fail_With_A_Coded_Message_Before_Any_Request_If_A_Setting_Is_Bad()
    {
        // Given
        var before = fixture.Server.RequestLog.Count;

        // When
        var run = await fixture.RunScriptAsync(
            "bad-settings.cake",
            """
            CodeArtifactGetReleaseFileVersions("app", new CodeArtifactReleaseVersionsSettings { ProjectId = "not-a-project" });
            Information("RESULT not reached");
            """,
            verbosity: "normal");

        // Then
        Assert.NotEqual(0, run.ExitCode);
        Assert.True(Regex.IsMatch(run.Output, @"^Error: CART0001: Invalid ProjectId ""not-a-project"": ", RegexOptions.Multiline), run.ToString());
        Assert.Empty(ResultLines(run.Output));
        Assert.Equal(before, fixture.Server.RequestLog.Count);
        Assertions.ContainsNoSecret(run.Output, fixture.Secrets);
    }

    [Fact]
    public async Task Should_Let_A_Script_Catch_A_Failure_And_Read_Its_Code_And_Result()
    {
        // Given
        var generic = fixture.Server.Seed.CreateRepository("generic");
        fixture.Server.Seed.PutFile(generic.Id, "/app.zip", "published\n"u8.ToArray());
        File.WriteAllText(Path.Combine(fixture.ScriptDirectory, "rebuilt.zip"), "rebuilt\n");

        // When
        var run = await fixture.RunScriptAsync("catch-failure.cake", $$"""
            try
            {
                CodeArtifactVerifyChecksums(
                    new Dictionary<FilePath, string> { ["rebuilt.zip"] = "/app.zip" },
                    new CodeArtifactVerifySettings { Repository = "{{generic.Id}}", Algorithm = "SHA256" });
            }
            catch (CakeException ex) when (ex.InnerException is CodeArtifactVerificationException failure)
            {
                Information("RESULT caught {0} mismatched={1} starts-with-code={2}", failure.Code, failure.Result.Mismatched, ex.Message.StartsWith("CART0301: "));
            }
            """);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["caught CART0301 mismatched=1 starts-with-code=True"], ResultLines(run.Output));
    }

    [Fact]
    public async Task Should_Fail_The_Script_With_The_MSBuild_Error_Text_If_A_File_Does_Not_Verify()
    {
        // Given
        var generic = fixture.Server.Seed.CreateRepository("generic");
        File.WriteAllText(Path.Combine(fixture.ScriptDirectory, "unpublished.zip"), "never published\n");

        // When
        var run = await fixture.RunScriptAsync(
            "missing-file.cake",
            $$"""
            CodeArtifactVerifyChecksums(
                new Dictionary<FilePath, string> { ["unpublished.zip"] = "/unpublished.zip" },
                new CodeArtifactVerifySettings { Repository = "{{generic.Id}}" });
            """,
            verbosity: "normal");

        // Then
        Assert.NotEqual(0, run.ExitCode);
        var expected = string.Format(
            global::CodeArtifact.Core.Runner.Messages.Checksums_Missing, Path.Combine(fixture.ScriptDirectory, "unpublished.zip"), generic.Id, "/unpublished.zip");
        Assert.True(run.Output.Contains("Error: " + expected, StringComparison.Ordinal), run.ToString());
    }

    private static string[] ResultLines(string output) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Select(l => l["RESULT ".Length..])];

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
