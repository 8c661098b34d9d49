using System.Text;
using System.Text.Json;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>Cleanup and restore through their ready targets: the safety rules hold in a real build.</summary>
[Collection(PackageCollection.Name)]
public sealed class CleanupIntegrationTests(PackageFixture package)
{
    [Fact]
    public async Task Should_Guard_Preview_Delete_And_Restore_Through_The_Ready_Targets()
    {
        // Given five builds: the two newest are kept and app-2.zip is protected
        var emulator = package.Emulator;
        var repository = emulator.Seed.CreateRepository("generic").Id;
        var start = DateTimeOffset.UtcNow.AddDays(-40);
        emulator.Seed.PutFiles(repository, Enumerable.Range(1, 5).Select(i => ($"/builds/app-{i}.zip", Encoding.UTF8.GetBytes($"build{i}"), start.AddDays(i))));
        emulator.Seed.PutFile(repository, "/other/keep.zip", Encoding.UTF8.GetBytes("outside the root"), start);
        var consumer = new ConsumerProject(package, "cleanup", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactCleanupRootPath>/builds</CodeArtifactCleanupRootPath>
                <CodeArtifactCleanupInclude>**/*.zip</CodeArtifactCleanupInclude>
                <CodeArtifactCleanupProtect>app-2.zip</CodeArtifactCleanupProtect>
                <CodeArtifactCleanupKeepLatest>2</CodeArtifactCleanupKeepLatest>
                <CodeArtifactCleanupOlderThanDays>1.5</CodeArtifactCleanupOlderThanDays>
                <CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory>
              </PropertyGroup>
              <Target Name="PrintCleanup" AfterTargets="CodeArtifactDeleteObsoleteFiles">
                <Message Importance="high" Text="CANDIDATES=[@(CodeArtifactCleanupCandidate)] DELETED=[@(CodeArtifactDeletedFile)] FREED=[$(CodeArtifactBytesFreed)]" />
              </Target>
              <Target Name="PrintRestore" AfterTargets="CodeArtifactRestoreFiles">
                <Message Importance="high" Text="RESTORED=[@(CodeArtifactRestoredFile)]" />
              </Target>
            """);

        // When an input is invalid, then nothing is sent
        var mark = emulator.RequestLog.Count;
        var invalid = await consumer.BuildAsync("-t:CodeArtifactDeleteObsoleteFiles", "-p:CodeArtifactCleanupKeepLatest=two");
        Assert.False(invalid.Succeeded, invalid.ToString());
        Assert.Equal(["CART0001"], ConsumerProject.ErrorCodes(invalid));
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));

        // When the policy is wider than MaxDeletions, then it stops before the first delete
        mark = emulator.RequestLog.Count;
        var tooWide = await consumer.BuildAsync("-t:CodeArtifactDeleteObsoleteFiles", "-p:CodeArtifactCleanupMaxDeletions=1");
        Assert.False(tooWide.Succeeded, tooWide.ToString());
        Assert.Equal(["CART0502"], ConsumerProject.ErrorCodes(tooWide));
        Assert.DoesNotContain(emulator.RequestLog.Snapshot().Skip(mark), r => r.Method == "DELETE");

        // When it runs dry, then it lists the candidates and deletes nothing
        mark = emulator.RequestLog.Count;
        var dryRun = await consumer.BuildAsync("-t:CodeArtifactDeleteObsoleteFiles", "-p:CodeArtifactCleanupDryRun=true");
        Assert.True(dryRun.Succeeded, dryRun.ToString());
        Assert.Equal("/builds/app-1.zip;/builds/app-3.zip", ConsumerProject.Printed(dryRun, "CANDIDATES"));
        Assert.Equal(string.Empty, ConsumerProject.Printed(dryRun, "DELETED"));
        Assert.DoesNotContain(emulator.RequestLog.Snapshot().Skip(mark), r => r.Method == "DELETE");
        Assert.NotNull(emulator.Seed.FindFile(repository, "/builds/app-1.zip"));

        // When it runs for real, then it deletes exactly what the dry run listed, and reports it
        mark = emulator.RequestLog.Count;
        var real = await consumer.BuildAsync("-t:CodeArtifactDeleteObsoleteFiles");
        Assert.True(real.Succeeded, real.ToString());
        Assert.Equal(ConsumerProject.Printed(dryRun, "CANDIDATES"), ConsumerProject.Printed(real, "DELETED"));
        Assert.Equal("12", ConsumerProject.Printed(real, "FREED"));
        Assert.Equal(2, emulator.RequestLog.Snapshot().Skip(mark).Count(r => r.Method == "DELETE"));
        Assert.Null(emulator.Seed.FindFile(repository, "/builds/app-1.zip"));
        Assert.Null(emulator.Seed.FindFile(repository, "/builds/app-3.zip"));
        Assert.NotNull(emulator.Seed.FindFile(repository, "/builds/app-2.zip"));
        Assert.NotNull(emulator.Seed.FindFile(repository, "/other/keep.zip"));
        using (var report = JsonDocument.Parse(File.ReadAllText(consumer.PathOf("reports/cleanup.json"))))
        {
            var text = report.RootElement.GetRawText();
            Assert.Contains("/builds/app-1.zip", text, StringComparison.Ordinal);
            Assert.Contains("/builds/app-3.zip", text, StringComparison.Ordinal);
        }

        // When the deleted paths are restored, then the files are back
        var restore = await consumer.BuildAsync("-t:CodeArtifactRestoreFiles", "-p:CodeArtifactRestorePaths=\"/builds/app-1.zip;/builds/app-3.zip\"");
        Assert.True(restore.Succeeded, restore.ToString());
        Assert.Equal("/builds/app-1.zip;/builds/app-3.zip", ConsumerProject.Printed(restore, "RESTORED"));
        Assert.NotNull(emulator.Seed.FindFile(repository, "/builds/app-1.zip"));
        Assert.NotNull(emulator.Seed.FindFile(repository, "/builds/app-3.zip"));
    }
}
