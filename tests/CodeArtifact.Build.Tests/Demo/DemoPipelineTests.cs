using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CodeArtifact.Build.Tests.Demo;

/// <summary>
/// The newcomer's first command, end to end, so that CI proves the main job: in a copy of the
/// repository as a fresh clone has it, <c>dotnet tool restore</c> and <c>dotnet cake</c>, whose
/// default target builds, packs, starts the emulator, runs both samples (the Cake one publishes
/// dist/ with the addin) and prints the summary (see <see cref="DemoCloneFixture"/>).
/// </summary>
[Collection(DemoCloneCollection.Name)]
public sealed class DemoPipelineTests(DemoCloneFixture clone)
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Default_cake_target_runs_every_job_against_the_emulator_and_exits_zero()
    {
        Assert.True(clone.ToolRestore.ExitCode == 0, clone.ToolRestore.ToString());
        var demo = clone.Demo!;
        Assert.True(demo.ExitCode == 0, demo.ToString());

        // Every job's result, in the summary table (job, front end, result); publish through the addin.
        var table = SummaryTable(demo.Output);
        Assert.Matches(@"Maven credentials\s+MSBuild\s+2 repositories -> settings\.xml", table);
        Assert.Matches(@"Publish dist/\s+Cake\s+4 uploaded, 0 unchanged, to /sample-app/3\.0\.0/", table);
        Assert.Matches(@"Verify checksums\s+MSBuild\s+3 verified, 1 mismatch \(sample-app-3\.0\.0\.zip tampered\), 0 missing", table);
        Assert.Matches(@"Release versions\s+MSBuild\s+latest 1\.10\.0 of 5 versions", table);
        Assert.Matches(@"Release versions\s+Cake\s+latest 1\.10\.0 of 5 versions", table);
        Assert.Matches(@"Cleanup \(dry run\)\s+Cake\s+3 candidates, 0 deleted, 60\.3 KiB to free", table);
        Assert.Matches(@"Cleanup\s+Cake\s+3 candidates, 3 deleted, 60\.3 KiB freed", table);
        Assert.Matches(@"Restore\s+Cake\s+1 restored \(/app/1\.2\.0/app-1\.2\.0\.zip\)", table);

        // No HTTP upload of its own is left in the demo: the publish is the addin's, as its log says.
        Assert.Contains("Published 4 files in ", demo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PUT /sample-app", demo.Output, StringComparison.Ordinal);
        var buildScript = File.ReadAllText(Path.Combine(clone.Clone, "build.cake"));
        Assert.DoesNotContain("PutAsync", buildScript, StringComparison.Ordinal);
        Assert.DoesNotContain("AuthenticationHeaderValue", buildScript, StringComparison.Ordinal);

        // The Markdown summary beside the JSON reports, and every report it was built from.
        var reports = Path.Combine(clone.Clone, "artifacts", "demo", "reports");
        var summary = await File.ReadAllTextAsync(Path.Combine(reports, "summary.md"));
        Assert.Contains("| Verify checksums | MSBuild | 3 verified, 1 mismatch", summary, StringComparison.Ordinal);
        Assert.Contains("| Publish dist/ | Cake | 4 uploaded", summary, StringComparison.Ordinal);
        foreach (var report in new[] { "msbuild/maven-credentials", "msbuild/verify-checksums", "msbuild/release-versions", "cake/publish", "cake/release-versions", "cake/maven-credentials", "cake/cleanup-dry-run", "cake/cleanup", "cake/restore" })
        {
            Assert.True(File.Exists(Path.Combine(reports, report + ".json")), $"{report}.json is missing");
            Assert.True(File.Exists(Path.Combine(reports, report + ".md")), $"{report}.md is missing");
        }

        // The MSBuild sample merged its team settings; the Cake sample applied the plan its dry run
        // wrote, and deleted its Maven settings file (with the passwords) at the end.
        Assert.Contains("(merged from ", demo.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reports, "cake", "cleanup-plan.json")), "cake/cleanup-plan.json is missing");
        Assert.Contains("Applying the plan ", demo.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(clone.Clone, "artifacts", "demo", "cake", "maven", "settings.xml")), "The Cake sample left its Maven settings file behind.");
        Assert.Contains("Deleted the Maven settings file ", demo.Output, StringComparison.Ordinal);

        // The demo never prints the secret key it hands to the samples, nor the repository password publish uploads with.
        Assert.DoesNotContain("CAEmuDevSecretKey0000000000000000000001", demo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Dev-Repo-Passw0rd!", demo.Output, StringComparison.Ordinal);

        // The emulator is gone: its port no longer answers.
        var port = int.Parse(Regex.Match(demo.Output, @"listening on http://127\.0\.0\.1:(\d+)/").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Emulator stopped", demo.Output, StringComparison.Ordinal);
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(System.Net.IPAddress.Loopback, port));
    }

    /// <summary>The lines after the summary heading, with the console's colours taken out.</summary>
    private static string SummaryTable(string output)
    {
        var plain = Regex.Replace(output, @"\x1B\[[0-9;]*m", string.Empty);
        var start = plain.IndexOf("==> Summary", StringComparison.Ordinal);
        Assert.True(start >= 0, "The demo printed no summary:" + Environment.NewLine + plain);
        return plain[start..];
    }
}
