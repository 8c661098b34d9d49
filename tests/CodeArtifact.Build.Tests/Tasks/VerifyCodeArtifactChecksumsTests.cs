using System.Text;
using System.Text.Json;
using CodeArtifact.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class VerifyCodeArtifactChecksumsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Verify_A_File_Whose_Digest_Matches()
    {
        // Given a published file and the same bytes locally
        var (repository, local, seeded) = Publish("same bytes", "same bytes");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        var verified = Assert.Single(task.VerifiedFiles);
        Assert.Equal(local, verified.ItemSpec);
        Assert.Equal("SHA256", verified.GetMetadata("Algorithm"));
        Assert.Equal(seeded.Sha256, verified.GetMetadata("LocalHash"));
        Assert.Equal(seeded.Sha256, verified.GetMetadata("RemoteHash"));
        Assert.Equal(repository, verified.GetMetadata("Repository"));
        Assert.Empty(task.MismatchedFiles);
        Assert.Empty(task.MissingFiles);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("Checksums: 1 verified", StringComparison.Ordinal));
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("/app/1.0/app.zip", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Use_The_Algorithm_Asked_For()
    {
        // Given
        var (repository, local, seeded) = Publish("bytes", "bytes");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));
        task.Algorithm = "sha-256";

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        var verified = Assert.Single(task.VerifiedFiles);
        Assert.Equal("SHA256", verified.GetMetadata("Algorithm"));
        Assert.Equal(seeded.Sha256, verified.GetMetadata("RemoteHash"));
    }

    [Fact]
    public void Should_Fail_With_CART0301_If_The_Digests_Differ()
    {
        // Given a local file as long as the published one, so that the digests decide
        var (repository, local, _) = Publish("published", "republish");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0301", error.Code);
        Assert.Contains(local, error.Message, StringComparison.Ordinal);
        var mismatched = Assert.Single(task.MismatchedFiles);
        Assert.NotEqual(mismatched.GetMetadata("LocalHash"), mismatched.GetMetadata("RemoteHash"));
    }

    [Fact]
    public void Should_Warn_With_CART0301_If_Mismatches_Do_Not_Fail_The_Build()
    {
        // Given
        var (repository, local, _) = Publish("published", "changed locally");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));
        task.FailOnMismatch = false;

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal("CART0301", Assert.Single(engine.Warnings).Code);
        Assert.Single(task.MismatchedFiles);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_Report_CART0302_If_The_Repository_Has_No_Such_File(bool failOnMissing)
    {
        // Given
        var (repository, local, _) = Publish("published", "published");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/9.9/missing.zip"));
        task.FailOnMissing = failOnMissing;

        // When
        var succeeded = task.Execute();

        // Then
        Assert.Equal(!failOnMissing, succeeded);
        Assert.Contains("CART0302", engine.Log, StringComparison.Ordinal);
        Assert.Equal(local, Assert.Single(task.MissingFiles).ItemSpec);
    }

    [Fact]
    public void Should_Fail_With_CART0303_If_A_Local_File_Cannot_Be_Read()
    {
        // Given
        var (repository, _, _) = Publish("published", "published");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(_temp.Combine("does-not-exist.zip"), "/app/1.0/app.zip"));

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        Assert.Equal("CART0303", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Should_Name_Every_Item_Without_RemotePath_Before_Any_Request()
    {
        // Given two items without RemotePath
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = NewTask(engine, "cn-north-4_x_generic_1", new TaskItem(_temp.WriteFile("a.zip", "a")), new TaskItem(_temp.WriteFile("b.zip", "b")));

        // When
        var succeeded = task.Execute();

        // Then one refusal names both
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0002", error.Code);
        Assert.Contains("a.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("b.zip", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Algorithm_Before_Any_Request()
    {
        // Given
        var (repository, local, _) = Publish("x", "x");
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));
        task.Algorithm = "CRC32";

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains("Algorithm", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    [Fact]
    public void Should_Write_The_Report_And_The_Results_On_Success()
    {
        // Given
        var (repository, local, _) = Publish("bytes", "bytes");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));
        task.ReportFile = _temp.Combine("reports", "verify.json");
        task.MarkdownSummaryFile = _temp.Combine("reports", "verify.md");
        task.ResultsFile = _temp.Combine("obj", "verify.results.proj");

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        using var report = JsonDocument.Parse(File.ReadAllText(task.ReportFile));
        Assert.Equal(JsonValueKind.Object, report.RootElement.ValueKind);
        Assert.Contains("/app/1.0/app.zip", File.ReadAllText(task.ReportFile), StringComparison.Ordinal);
        Assert.True(File.Exists(task.MarkdownSummaryFile));
        Assert.Contains("VerifiedFiles", File.ReadAllText(task.ResultsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Leave_No_Results_File_If_It_Failed()
    {
        // Given results of an earlier run, and now a mismatch
        var (repository, local, _) = Publish("published", "changed");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));
        task.ResultsFile = _temp.WriteFile("obj/verify.results.proj", "<Project />");

        // When
        var succeeded = task.Execute();

        // Then a later build cannot mistake the old results for up to date
        Assert.False(succeeded);
        Assert.False(File.Exists(task.ResultsFile));
    }

    private (string Repository, string LocalFile, CodeArtifact.Emulator.Seeding.SeededFile Seeded) Publish(string published, string local)
    {
        var repository = emulator.Server.Seed.CreateRepository("generic");
        var seeded = emulator.Server.Seed.PutFile(repository.Id, "/app/1.0/app.zip", Encoding.UTF8.GetBytes(published));
        var localFile = _temp.WriteFile($"{Guid.NewGuid():N}/app.zip", local);
        return (repository.Id, localFile, seeded);
    }

    private static TaskItem Item(string local, string remotePath)
    {
        var item = new TaskItem(local);
        item.SetMetadata("RemotePath", remotePath);
        return item;
    }

    private VerifyCodeArtifactChecksums NewTask(MockEngine engine, string repository, params ITaskItem[] files) =>
        emulator.Connect(new VerifyCodeArtifactChecksums { Repository = repository, Files = files }, engine);
}
