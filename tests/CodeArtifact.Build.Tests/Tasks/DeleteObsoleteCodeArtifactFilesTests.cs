using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class DeleteObsoleteCodeArtifactFilesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_List_In_A_Dry_Run_Exactly_What_A_Real_Run_Deletes()
    {
        // Given five builds, of which the two newest are kept and one is protected
        var repository = SeedBuilds(5);
        var mark = emulator.Server.RequestLog.Count;
        var dryEngine = new MockEngine();
        var dryRun = NewTask(dryEngine, repository, dryRun: true);

        // When
        Assert.True(dryRun.Execute(), dryEngine.Log);

        // Then nothing was deleted, and the candidates are the three oldest but the protected one
        Assert.Empty(dryRun.DeletedFiles);
        Assert.Equal(["/builds/app-1.zip", "/builds/app-3.zip"], dryRun.Candidates.Select(c => c.ItemSpec));
        Assert.DoesNotContain(emulator.RequestsSince(mark), r => r.Method == "DELETE");
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/builds/app-1.zip"));
        Assert.Equal("6", dryRun.Candidates[0].GetMetadata("Size"));
        Assert.False(string.IsNullOrEmpty(dryRun.Candidates[0].GetMetadata("Modified")));

        // And when it runs for real
        var engine = new MockEngine();
        var real = NewTask(engine, repository, dryRun: false);
        Assert.True(real.Execute(), engine.Log);

        // Then it deletes exactly the dry run's candidates
        Assert.Equal(dryRun.Candidates.Select(c => c.ItemSpec), real.DeletedFiles.Select(d => d.ItemSpec));
        Assert.Equal(12, real.BytesFreed);
        Assert.Null(emulator.Server.Seed.FindFile(repository, "/builds/app-1.zip"));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/builds/app-2.zip"));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/builds/app-5.zip"));
    }

    [Fact]
    public void Should_Stop_Before_The_First_Delete_If_The_Policy_Is_Wider_Than_MaxDeletions()
    {
        // Given
        var repository = SeedBuilds(5);
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = NewTask(engine, repository, dryRun: false);
        task.MaxDeletions = "1";

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        Assert.Equal("CART0502", Assert.Single(engine.Errors).Code);
        Assert.DoesNotContain(emulator.RequestsSince(mark), r => r.Method == "DELETE");
        Assert.Empty(task.DeletedFiles);
    }

    [Fact]
    public void Should_Refuse_A_Maven_Repository()
    {
        // Given
        var (release, _) = emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var engine = new MockEngine();
        var task = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = release.Id }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        Assert.Equal("CART0501", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Should_Apply_Exactly_The_Plan_Of_A_Dry_Run_And_Give_Each_Outcome_Its_Own_Output()
    {
        // Given six builds, of which a dry run plans to delete the five older ones
        var repository = SeedBuilds(6);
        var plan = _temp.Combine("review", "cleanup-plan.json");
        var dryEngine = new MockEngine();
        var dryRun = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = repository, RootPath = "/builds", KeepLatest = "1", DryRun = true, PlanFile = plan }, dryEngine);
        Assert.True(dryRun.Execute(), dryEngine.Log);
        Assert.Equal(Path.GetFullPath(plan), dryRun.PlanFile);
        Assert.Equal(["/builds/app-1.zip", "/builds/app-2.zip", "/builds/app-3.zip", "/builds/app-4.zip", "/builds/app-5.zip"], dryRun.Candidates.Select(c => c.ItemSpec));
        Assert.Contains("/builds/app-5.zip", File.ReadAllText(plan), StringComparison.Ordinal);

        // And, while the plan waits for review, app-2.zip is uploaded again, another client deletes
        // app-3.zip, and an old file the plan does not list appears
        emulator.Server.Seed.PutFile(repository, "/builds/app-2.zip", Encoding.UTF8.GetBytes("rebuilt 2"), DateTimeOffset.UtcNow);
        Assert.True(emulator.Server.Seed.DeleteFile(repository, "/builds/app-3.zip"));
        emulator.Server.Seed.PutFile(repository, "/builds/app-0.zip", Encoding.UTF8.GetBytes("build0"), DateTimeOffset.UtcNow.AddDays(-90));
        var mark = emulator.Server.RequestLog.Count;

        // When the plan is applied
        var engine = new MockEngine();
        var apply = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = repository, RootPath = "/builds", FromPlan = plan }, engine);
        var succeeded = apply.Execute();

        // Then exactly the unchanged files of the plan are deleted, and nothing is walked
        Assert.True(succeeded, engine.Log);
        Assert.Equal(["/builds/app-1.zip", "/builds/app-4.zip", "/builds/app-5.zip"], apply.DeletedFiles.Select(f => f.ItemSpec));
        Assert.Equal(18, apply.BytesFreed);
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/builds/app-0.zip"));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/builds/app-2.zip"));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/builds/app-6.zip"));
        var requests = emulator.RequestsSince(mark);
        Assert.Equal(3, requests.Count(r => r.Method == "DELETE"));
        Assert.DoesNotContain(requests, r => r.Operation == "ShowFileTree");

        // And each other outcome has its own output, with what the run saw
        var skipped = Assert.Single(apply.SkippedFiles);
        Assert.Equal("/builds/app-2.zip", skipped.ItemSpec);
        Assert.Equal("changed-since-plan", skipped.GetMetadata("Reason"));
        Assert.False(string.IsNullOrEmpty(skipped.GetMetadata("Note")));
        Assert.Equal("/builds/app-3.zip", Assert.Single(apply.AlreadyGoneFiles).ItemSpec);
        Assert.Empty(apply.FailedFiles);
        Assert.Empty(apply.InterruptedFiles);
        Assert.Empty(apply.NotAttemptedFiles);
        Assert.Equal(dryRun.Candidates.Select(c => c.ItemSpec), apply.Candidates.Select(c => c.ItemSpec));

        // And each finding is one coded warning, once
        Assert.Equal(["CART0510", "CART0513"], engine.Warnings.Select(w => w.Code).Order(StringComparer.Ordinal));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Should_Refuse_A_Plan_For_Another_Repository_Before_Any_Request()
    {
        // Given a plan made for one repository
        var planned = SeedBuilds(3);
        var plan = _temp.Combine("plan.json");
        var dryEngine = new MockEngine();
        Assert.True(emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = planned, RootPath = "/builds", DryRun = true, PlanFile = plan }, dryEngine).Execute(), dryEngine.Log);
        var other = SeedBuilds(3);
        var mark = emulator.Server.RequestLog.Count;

        // When it is applied to another
        var engine = new MockEngine();
        var apply = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = other, RootPath = "/builds", FromPlan = plan }, engine);
        var succeeded = apply.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0509", error.Code);
        Assert.Contains(planned, error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
        Assert.Empty(apply.DeletedFiles);
        Assert.NotNull(emulator.Server.Seed.FindFile(other, "/builds/app-1.zip"));
    }

    [Fact]
    public void Should_Keep_The_Newest_Versions_Of_Each_Package_And_Say_Why_Each_File_Is_Kept()
    {
        // Given app/<version>/ folders with sidecars, and a flat file outside any version
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        emulator.Server.Seed.PutFiles(repository, new[] { "1.0.0", "1.9.0", "1.10.0", "2.0.0-rc.1" }
            .SelectMany(v => new[] { ($"/app/{v}/app.zip", Encoding.UTF8.GetBytes("zip " + v), old), ($"/app/{v}/app.zip.sha256", Encoding.UTF8.GetBytes("sha " + v), old) })
            .Append(("/app/notes.txt", Encoding.UTF8.GetBytes("notes"), old)));
        var engine = new MockEngine();
        var task = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = repository, KeepLatestVersions = "1", DryRun = true }, engine);

        // When
        Assert.True(task.Execute(), engine.Log);

        // Then the highest version and the highest release stay with their sidecars, and so does the unversioned file
        Assert.Equal(["/app/1.0.0/app.zip", "/app/1.0.0/app.zip.sha256", "/app/1.9.0/app.zip", "/app/1.9.0/app.zip.sha256"], task.Candidates.Select(c => c.ItemSpec));
        var reasons = task.KeptFiles.ToDictionary(k => k.ItemSpec, k => k.GetMetadata("Reason"));
        Assert.Equal("keep-latest-versions", reasons["/app/2.0.0-rc.1/app.zip.sha256"]);
        Assert.Equal("latest-release", reasons["/app/1.10.0/app.zip"]);
        Assert.Equal("no-version", reasons["/app/notes.txt"]);
    }

    [Theory]
    [InlineData("KeepLatest", "-1")]
    [InlineData("KeepLatestVersions", "three")]
    [InlineData("NotDownloadedForDays", "-2")]
    [InlineData("OlderThanDays", "thirty")]
    [InlineData("MaxDeletions", "1e3")]
    [InlineData("RootPath", "/a/../b")]
    public void Should_Refuse_Invalid_Input_Before_Any_Request(string parameter, string value)
    {
        // Given
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = repository }, engine);
        typeof(DeleteObsoleteCodeArtifactFiles).GetProperty(parameter)!.SetValue(task, value);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    private string SeedBuilds(int count)
    {
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var start = DateTimeOffset.UtcNow.AddDays(-count - 30);
        emulator.Server.Seed.PutFiles(repository, Enumerable.Range(1, count)
            .Select(i => ($"/builds/app-{i}.zip", Encoding.UTF8.GetBytes($"build{i}"), start.AddDays(i))));
        return repository;
    }

    private DeleteObsoleteCodeArtifactFiles NewTask(MockEngine engine, string repository, bool dryRun) =>
        emulator.Connect(
            new DeleteObsoleteCodeArtifactFiles
            {
                Repository = repository,
                RootPath = "/builds",
                Include = ["**/*.zip"],
                Protect = ["app-2.zip"],
                KeepLatest = "2",
                OlderThanDays = "1",
                DryRun = dryRun,
            },
            engine);
}
