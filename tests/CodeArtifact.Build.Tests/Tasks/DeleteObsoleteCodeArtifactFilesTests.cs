using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class DeleteObsoleteCodeArtifactFilesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
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

    [Theory]
    [InlineData("KeepLatest", "-1")]
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
