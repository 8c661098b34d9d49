using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// The cleanup ready target built in process against the emulator, driven by its properties only:
/// KeepLatestVersions, a plan written by a dry run and applied by the next build, and the items
/// that list each outcome.
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class CleanupTargetTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _folder = new("cab-cleanup-target");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_Plan_With_KeepLatestVersions_Then_Apply_Exactly_The_Plan_In_The_Next_Build()
    {
        // Given three versions of a package, each with a sidecar, and a policy that keeps the newest two
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-60);
        emulator.Server.Seed.PutFiles(repository, new[] { "1.0.0", "1.1.0", "1.2.0" }
            .SelectMany(v => new[] { ($"/app/{v}/app.zip", Encoding.UTF8.GetBytes("app " + v), old), ($"/app/{v}/app.zip.sha256", Encoding.UTF8.GetBytes("sum " + v), old) }));
        using var project = NewProject(repository, """
            <PropertyGroup>
              <CodeArtifactCleanupRootPath>/app</CodeArtifactCleanupRootPath>
              <CodeArtifactCleanupKeepLatestVersions>2</CodeArtifactCleanupKeepLatestVersions>
            </PropertyGroup>
            """);

        // When a dry run writes its plan (a path relative to the project)
        project.Set(("CodeArtifactCleanupDryRun", "true"), ("CodeArtifactCleanupPlanFile", "review/plan.json"));
        var (planned, dryRun, dryLog) = project.Build("CodeArtifactDeleteObsoleteFiles");

        // Then it lists the oldest version with its sidecar, keeps the rest with their reason, deletes nothing
        Assert.True(planned, dryLog.Describe());
        var plan = Path.Combine(project.Directory, "review", "plan.json");
        Assert.Equal(plan, dryRun.GetPropertyValue("CodeArtifactCleanupPlanFile"));
        Assert.True(File.Exists(plan));
        Assert.Equal(["/app/1.0.0/app.zip", "/app/1.0.0/app.zip.sha256"], Items(dryRun, "CodeArtifactCleanupCandidate"));
        Assert.Empty(Items(dryRun, "CodeArtifactDeletedFile"));
        Assert.All(dryRun.GetItems("CodeArtifactKeptFile"), k => Assert.Equal("keep-latest-versions", k.GetMetadataValue("Reason")));
        Assert.Equal(4, dryRun.GetItems("CodeArtifactKeptFile").Count);
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/app/1.0.0/app.zip"));

        // And when a newer version arrives before the reviewed plan is applied in the next build
        emulator.Server.Seed.PutFile(repository, "/app/1.3.0/app.zip", Encoding.UTF8.GetBytes("app 1.3.0"), DateTimeOffset.UtcNow);
        project.Set(("CodeArtifactCleanupDryRun", null), ("CodeArtifactCleanupPlanFile", null), ("CodeArtifactCleanupFromPlan", "review/plan.json"));
        var (applied, apply, applyLog) = project.Build("CodeArtifactDeleteObsoleteFiles");

        // Then exactly the plan is deleted, not the version the policy would now also select
        Assert.True(applied, applyLog.Describe());
        Assert.Equal(["/app/1.0.0/app.zip", "/app/1.0.0/app.zip.sha256"], Items(apply, "CodeArtifactDeletedFile"));
        Assert.Equal("18", apply.GetPropertyValue("CodeArtifactBytesFreed"));
        Assert.Empty(Items(apply, "CodeArtifactAlreadyGoneFile"));
        Assert.Empty(Items(apply, "CodeArtifactSkippedFile"));
        Assert.Empty(Items(apply, "CodeArtifactDeleteFailedFile"));
        Assert.Null(emulator.Server.Seed.FindFile(repository, "/app/1.0.0/app.zip"));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/app/1.1.0/app.zip"));
        Assert.Empty(applyLog.Warnings);
    }

    [Fact]
    public void Should_Refuse_A_Plan_For_Another_Repository_Before_Any_Request()
    {
        // Given a plan written for another repository
        var planned = emulator.Server.Seed.CreateRepository("generic").Id;
        var other = emulator.Server.Seed.CreateRepository("generic").Id;
        emulator.Server.Seed.PutFile(other, "/app/1.0.0/app.zip", Encoding.UTF8.GetBytes("app"), DateTimeOffset.UtcNow.AddDays(-60));
        using (var planning = NewProject(planned, string.Empty))
        {
            planning.Set(("CodeArtifactCleanupDryRun", "true"), ("CodeArtifactCleanupPlanFile", _folder.Combine("plan.json")));
            var (ok, _, planLog) = planning.Build("CodeArtifactDeleteObsoleteFiles");
            Assert.True(ok, planLog.Describe());
        }

        using var project = NewProject(other, string.Empty);
        project.Set(("CodeArtifactCleanupFromPlan", _folder.Combine("plan.json")));
        var mark = emulator.Server.RequestLog.Count;

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactDeleteObsoleteFiles");

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0509", error.Code);
        Assert.Contains(planned, error.Message, StringComparison.Ordinal);
        Assert.Contains(other, error.Message, StringComparison.Ordinal);
        Assert.Contains("CodeArtifactCleanupRootPath", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
        Assert.NotNull(emulator.Server.Seed.FindFile(other, "/app/1.0.0/app.zip"));
    }

    [Theory]
    [InlineData("CodeArtifactCleanupKeepLatestVersions", "two")]
    [InlineData("CodeArtifactCleanupNotDownloadedForDays", "a month")]
    public void Should_Name_The_Property_Of_A_Bad_Value(string property, string value)
    {
        // Given
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        using var project = NewProject(repository, string.Empty);
        project.Set((property, value));
        var mark = emulator.Server.RequestLog.Count;

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactDeleteObsoleteFiles");

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    private TestProject NewProject(string repository, string body) =>
        EmulatorProjects.Create(emulator, _folder, body, new Dictionary<string, string> { ["CodeArtifactCleanupRepository"] = repository });

    private static string[] Items(Microsoft.Build.Execution.ProjectInstance instance, string name) =>
        instance.GetItems(name).Select(i => i.EvaluatedInclude).Order(StringComparer.Ordinal).ToArray();
}
