using System.Text;
using System.Text.Json;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Build.Tests.Reliability;
using CodeArtifact.Emulator.Faults;
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

    [Fact]
    public void Should_Give_Every_File_Its_Verdict_In_Its_List_With_Its_Status_Before_Reporting_One_Line_Per_Problem()
    {
        // Given a verified, a changed, an unpublished, a forbidden and an unreadable file
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        foreach (var name in new[] { "ok", "changed", "forbidden", "unreadable" })
        {
            emulator.Server.Seed.PutFile(repository, $"/v/{name}.zip", Encoding.UTF8.GetBytes($"published {name}"));
        }

        var folder = Guid.NewGuid().ToString("N");
        var ok = Item(_temp.WriteFile($"{folder}/ok.zip", "published ok"), "/v/ok.zip");
        var changed = Item(_temp.WriteFile($"{folder}/changed.zip", "republish changed"), "/v/changed.zip");
        var unpublished = Item(_temp.WriteFile($"{folder}/new.zip", "new"), "/v/new.zip");
        var forbidden = Item(_temp.WriteFile($"{folder}/forbidden.zip", "published forbidden"), "/v/forbidden.zip");
        var unreadable = Item(_temp.Combine(folder, "unreadable.zip"), "/v/unreadable.zip");
        emulator.Server.Faults = new FaultOptions { ForcedAnswers = [new ForcedAnswer { FilePath = "/v/forbidden.zip", Statuses = [403] }] };
        var engine = new MockEngine();
        var task = NewTask(engine, repository, ok, changed, unpublished, forbidden, unreadable);

        // When
        bool succeeded;
        try
        {
            succeeded = task.Execute();
        }
        finally
        {
            emulator.Server.Faults = FaultOptions.None;
        }

        // Then every list holds its files, each with its status
        Assert.False(succeeded);
        Assert.Equal([(ok.ItemSpec, "verified")], Statuses(task.VerifiedFiles));
        Assert.Equal([(changed.ItemSpec, "mismatch")], Statuses(task.MismatchedFiles));
        Assert.Equal([(unpublished.ItemSpec, "missing-remotely")], Statuses(task.MissingFiles));
        Assert.Equal([(forbidden.ItemSpec, "remote-error"), (unreadable.ItemSpec, "unreadable-locally")], Statuses(task.FailedFiles));

        // And a failed file says why, with the look-up's own codes
        var remote = task.FailedFiles[0];
        Assert.Equal(("CART0101", "CR.4102", "403"), (remote.GetMetadata("ErrorCode"), remote.GetMetadata("ServiceErrorCode"), remote.GetMetadata("HttpStatus")));
        Assert.All(task.FailedFiles, f => Assert.NotEmpty(f.GetMetadata("Error")));
        Assert.Empty(task.VerifiedFiles[0].GetMetadata("Error"));

        // And each problem file gave exactly one coded line, in file order, after the outputs were set
        Assert.Equal(["CART0301", "CART0302", "CART0305", "CART0303"], engine.Errors.Select(e => e.Code));
        Assert.Empty(engine.Warnings);
        Assert.Contains("forbidden.zip", engine.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_List_A_File_Without_A_Remote_Digest_As_Failed_And_Keep_It_In_The_Results()
    {
        // Given a repository whose file detail reports the size but no checksum at all
        var local = _temp.WriteFile($"{Guid.NewGuid():N}/app.zip", "abc");
        var engine = new MockEngine();
        var task = NewTask(engine, "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1", Item(local, "/app/1.0/app.zip"));
        task.Transport = new ScriptedHandler(
            System.Net.HttpStatusCode.OK,
            "application/json",
            """{"status":"success","trace_id":"t","result":{"repo":"cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1","path":"/app/1.0/app.zip","name":"app.zip","size":"3","checksums":{}}}""");
        task.FailOnMismatch = false;
        task.ResultsFile = _temp.Combine("obj", $"{Guid.NewGuid():N}.results.proj");

        // When
        var succeeded = task.Execute();

        // Then it is its own verdict, not a mismatch: a warning here, since mismatches do not fail
        Assert.True(succeeded, engine.Log);
        var failed = Assert.Single(task.FailedFiles);
        Assert.Equal("no-remote-digest", failed.GetMetadata("Status"));
        Assert.Contains("no checksum", failed.GetMetadata("Error"), StringComparison.Ordinal);
        Assert.Empty(task.MismatchedFiles);
        Assert.Equal("CART0304", Assert.Single(engine.Warnings).Code);

        // And the results kept for an up-to-date build list it under FailedFiles
        var results = File.ReadAllText(task.ResultsFile);
        Assert.Contains("<CodeArtifactOutput>FailedFiles</CodeArtifactOutput>", results, StringComparison.Ordinal);
        Assert.Contains("<Status>no-remote-digest</Status>", results, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fail_With_One_CART0306_Naming_A_Repository_That_Does_Not_Exist()
    {
        // Given three files in a well-formed repository id the service does not know
        const string absent = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_97";
        var folder = Guid.NewGuid().ToString("N");
        var files = Enumerable.Range(0, 3).Select(i => Item(_temp.WriteFile($"{folder}/f{i}.zip", "x"), $"/f{i}.zip")).ToArray();
        var engine = new MockEngine();
        var task = NewTask(engine, absent, files);

        // When
        var succeeded = task.Execute();

        // Then one coded error names it, and no file is called missing
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0306", error.Code);
        Assert.Contains(absent, error.Message, StringComparison.Ordinal);
        Assert.Empty(task.MissingFiles);
        Assert.DoesNotContain("CART0302", engine.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generic_3")]
    [InlineData("my-generic-repo")]
    public void Should_Refuse_A_Malformed_Repository_Id_Before_Any_Request(string repository)
    {
        // Given
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(_temp.WriteFile($"{Guid.NewGuid():N}/a.zip", "a"), "/a.zip"));

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains(repository, error.Message, StringComparison.Ordinal);
        Assert.Contains("Repository", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    private static (string, string)[] Statuses(ITaskItem[] items) => items.Select(i => (i.ItemSpec, i.GetMetadata("Status"))).ToArray();

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
