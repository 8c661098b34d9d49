using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class RestoreCodeArtifactFilesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Should_Bring_Deleted_Files_Back()
    {
        // Given two files deleted into the recycle bin
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        emulator.Server.Seed.PutFile(repository, "/old/a.zip", Encoding.UTF8.GetBytes("a"));
        emulator.Server.Seed.PutFile(repository, "/old/b.zip", Encoding.UTF8.GetBytes("b"));
        Assert.True(emulator.Server.Seed.DeleteFile(repository, "/old/a.zip"));
        Assert.True(emulator.Server.Seed.DeleteFile(repository, "/old/b.zip"));
        var engine = new MockEngine();
        var task = emulator.Connect(new RestoreCodeArtifactFiles { Repository = repository, Paths = ["/old/a.zip", " /old/b.zip ", ""] }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal(["/old/a.zip", "/old/b.zip"], task.RestoredFiles.Select(f => f.ItemSpec).Order(StringComparer.Ordinal));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/old/a.zip"));
        Assert.NotNull(emulator.Server.Seed.FindFile(repository, "/old/b.zip"));
    }

    [Fact]
    public void Should_List_A_File_Not_In_The_Recycle_Bin_As_Failed_With_One_Coded_Error()
    {
        // Given one deleted file, and one that never was
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        emulator.Server.Seed.PutFile(repository, "/old/a.zip", Encoding.UTF8.GetBytes("a"));
        Assert.True(emulator.Server.Seed.DeleteFile(repository, "/old/a.zip"));
        var engine = new MockEngine();
        var task = emulator.Connect(new RestoreCodeArtifactFiles { Repository = repository, Paths = ["/old/a.zip", "/never/deleted.zip"] }, engine);

        // When
        var succeeded = task.Execute();

        // Then the restored file and the failed one are told apart, and the failure is said once
        Assert.False(succeeded);
        Assert.Equal("/old/a.zip", Assert.Single(task.RestoredFiles).ItemSpec);
        var failed = Assert.Single(task.FailedFiles);
        Assert.Equal("/never/deleted.zip", failed.ItemSpec);
        Assert.Equal("CART0505", failed.GetMetadata("Code"));
        Assert.False(string.IsNullOrEmpty(failed.GetMetadata("Error")));
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0505", error.Code);
        Assert.Contains("/never/deleted.zip", error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Should_Refuse_An_Empty_List_Before_Any_Request()
    {
        // Given
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new RestoreCodeArtifactFiles { Repository = "cn-north-4_x_generic_1", Paths = [] }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0002", error.Code);
        Assert.Contains("Paths", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }
}
