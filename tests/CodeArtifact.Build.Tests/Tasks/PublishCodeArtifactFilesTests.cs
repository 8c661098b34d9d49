using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Build.Tests.Reliability;
using CodeArtifact.Emulator.Faults;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace CodeArtifact.Build.Tests.Tasks;

/// <summary>
/// The publish task against the in-process emulator: what it uploads, skips and refuses, its
/// outputs and their metadata, its log at each importance, its reports, and a cancellation part way.
/// </summary>
public sealed class PublishCodeArtifactFilesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string UploadOperation = "UploadFile";

    private readonly TempDirectory _temp = new("cab-publish");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Upload_New_Files_And_Verify_Them()
    {
        // Given two local files and an empty generic repository
        var repository = NewRepository();
        var app = _temp.WriteFile("dist/app.zip", "app bytes");
        var notes = _temp.WriteFile("dist/notes.md", "# notes");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(app, "/app/1.0/app.zip"), Item(notes, "/app/1.0/notes.md"));

        // When
        var succeeded = task.Execute();

        // Then both are in the repository with the local bytes, and the outputs say so
        Assert.True(succeeded, engine.Log);
        Assert.Equal(2, task.PublishedFiles.Length);
        Assert.Empty(task.UnchangedFiles);
        Assert.Empty(task.FailedFiles);
        var published = task.PublishedFiles.Single(i => i.GetMetadata("RemotePath") == "/app/1.0/app.zip");
        Assert.Equal(app, published.ItemSpec);
        var stored = emulator.Server.Seed.FindFile(repository, "/app/1.0/app.zip")!;
        Assert.Equal(Sha256("app bytes"), stored.Sha256);
        Assert.Equal(stored.Sha256, published.GetMetadata("Sha256"));
        Assert.Equal("9", published.GetMetadata("Size"));
        Assert.Equal("true", published.GetMetadata("Verified"));
        Assert.Equal("uploaded", published.GetMetadata("Status"));
        Assert.Equal(repository, published.GetMetadata("Repository"));
        Assert.EndsWith("/app/1.0/app.zip", published.GetMetadata("DownloadUri"), StringComparison.Ordinal);
        Assert.Equal(Sha256("# notes"), emulator.Server.Seed.FindFile(repository, "/app/1.0/notes.md")!.Sha256);

        // And the one line a default-verbosity build shows is the summary; per-file lines are detail
        var high = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High);
        Assert.StartsWith("Published 2 files in ", high.Message, StringComparison.Ordinal);
        Assert.Contains("2 uploaded (16 bytes) and verified, 0 unchanged, 0 failed", high.Message, StringComparison.Ordinal);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.StartsWith($"Uploaded {app} to {repository}/app/1.0/app.zip", StringComparison.Ordinal));
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Should_Skip_What_The_Repository_Already_Holds_On_A_Second_Run()
    {
        // Given files published once
        var repository = NewRepository();
        var items = new[] { Item(_temp.WriteFile("again/a.zip", "a"), "/r/a.zip"), Item(_temp.WriteFile("again/b.zip", "b"), "/r/b.zip") };
        Assert.True(NewTask(new MockEngine(), repository, items).Execute());
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = NewTask(engine, repository, items);

        // When they are published again
        var succeeded = task.Execute();

        // Then nothing is uploaded and both are reported unchanged, with the repository's digest
        Assert.True(succeeded, engine.Log);
        Assert.Empty(task.PublishedFiles);
        Assert.Equal(2, task.UnchangedFiles.Length);
        Assert.Equal(Sha256("a"), task.UnchangedFiles.Single(i => i.GetMetadata("RemotePath") == "/r/a.zip").GetMetadata("Sha256"));
        Assert.DoesNotContain(emulator.RequestsSince(mark), r => r.Operation == UploadOperation);
        Assert.Contains("0 uploaded (0 bytes) and verified, 2 unchanged, 0 failed", Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Different_File_With_CART0606_Unless_Overwrite_Is_Set()
    {
        // Given a path in the repository that holds other bytes
        var repository = NewRepository();
        emulator.Server.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("published before"));
        var local = _temp.WriteFile("changed/app.zip", "built again");
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(local, "/app/1.0/app.zip"));

        // When it is published without Overwrite
        var refused = task.Execute();

        // Then the file is left as it was, and the failure is an error and an output with its code
        Assert.False(refused);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0606", error.Code);
        Assert.Contains(local, error.Message, StringComparison.Ordinal);
        Assert.Contains("Overwrite", error.Message, StringComparison.Ordinal);
        var failed = Assert.Single(task.FailedFiles);
        Assert.Equal("CART0606", failed.GetMetadata("Code"));
        Assert.Contains("different file", failed.GetMetadata("Error"), StringComparison.Ordinal);
        Assert.Equal("failed", failed.GetMetadata("Status"));
        Assert.Equal(Sha256("published before"), emulator.Server.Seed.FindFile(repository, "/app/1.0/app.zip")!.Sha256);

        // When it is published with Overwrite
        var again = new MockEngine();
        var overwrite = NewTask(again, repository, Item(local, "/app/1.0/app.zip"));
        overwrite.Overwrite = true;
        Assert.True(overwrite.Execute(), again.Log);

        // Then it is replaced, and says so
        var replaced = Assert.Single(overwrite.PublishedFiles);
        Assert.Equal("true", replaced.GetMetadata("Replaced"));
        Assert.Equal(Sha256("built again"), emulator.Server.Seed.FindFile(repository, "/app/1.0/app.zip")!.Sha256);
    }

    [Fact]
    public void Should_Only_List_In_A_Dry_Run()
    {
        // Given one new file and one the repository holds
        var repository = NewRepository();
        emulator.Server.Seed.PutFile(repository, "/d/same.zip", Encoding.UTF8.GetBytes("same"));
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(_temp.WriteFile("dry/new.zip", "new"), "/d/new.zip"), Item(_temp.WriteFile("dry/same.zip", "same"), "/d/same.zip"));
        task.DryRun = true;

        // When
        var succeeded = task.Execute();

        // Then nothing is sent, and the outputs say what a real run would do
        Assert.True(succeeded, engine.Log);
        Assert.Equal("/d/new.zip", Assert.Single(task.WouldPublishFiles).GetMetadata("RemotePath"));
        Assert.Equal("/d/same.zip", Assert.Single(task.UnchangedFiles).GetMetadata("RemotePath"));
        Assert.Empty(task.PublishedFiles);
        Assert.DoesNotContain(emulator.RequestsSince(mark), r => r.Operation == UploadOperation);
        Assert.Null(emulator.Server.Seed.FindFile(repository, "/d/new.zip"));
        Assert.StartsWith("Publish dry run: 1 file would be uploaded", Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_Progress_At_Normal_Importance_And_Never_Per_File_At_High()
    {
        // Given enough files for progress lines
        var repository = NewRepository();
        var items = Enumerable.Range(0, 24).Select(i => Item(_temp.WriteFile($"many/f{i:D2}.bin", new string('x', 100 + i)), $"/many/f{i:D2}.bin")).ToArray();
        var engine = new MockEngine();
        var task = NewTask(engine, repository, items);

        // When
        var succeeded = task.Execute();

        // Then progress (files and bytes) is at normal importance, and only the summary is high
        Assert.True(succeeded, engine.Log);
        Assert.Equal(24, task.PublishedFiles.Length);
        var progress = engine.Messages.Where(m => m.Importance == MessageImportance.Normal && m.Message!.StartsWith("Uploaded ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, m => Assert.Matches(@"^Uploaded \d+/24 files, .+ of .+…$", m.Message));
        Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High);
    }

    [Fact]
    public void Should_Write_The_Publish_Report_And_Summary()
    {
        // Given
        var repository = NewRepository();
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(_temp.WriteFile("rep/app.zip", "report me"), "/rep/app.zip"));
        task.ReportFile = _temp.Combine("reports", "publish.json");
        task.MarkdownSummaryFile = _temp.Combine("reports", "publish.md");

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        using var report = JsonDocument.Parse(File.ReadAllText(task.ReportFile));
        Assert.Equal("publish", report.RootElement.GetProperty("job").GetString());
        Assert.Equal("succeeded", report.RootElement.GetProperty("outcome").GetString());
        var file = Assert.Single(report.RootElement.GetProperty("results").GetProperty("files").EnumerateArray());
        Assert.Equal("uploaded", file.GetProperty("status").GetString());
        Assert.Equal(Sha256("report me"), file.GetProperty("sha256").GetString());
        Assert.Contains("/rep/app.zip", File.ReadAllText(task.MarkdownSummaryFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Log_CART0506_With_What_Was_Uploaded_If_Cancelled_Part_Way()
    {
        // Given 30 files, a service that takes 100 ms per upload, and two uploads at a time
        var repository = NewRepository();
        var items = Enumerable.Range(0, 30).Select(i => Item(_temp.WriteFile($"cancel/c{i:D2}.zip", $"content {i}"), $"/cancel/c{i:D2}.zip")).ToArray();
        var engine = new MockEngine();
        var task = NewTask(engine, repository, items);
        task.MaxConcurrency = "2";
        task.ReportFile = _temp.Combine("cancel-reports", "publish.json");
        // The task's own line per uploaded file (low importance; not its progress lines, nor the
        // emulator's count of answers: an answer sent may not have reached the task when it is cancelled).
        int UploadsReported() => engine.Log.Split('\n').Count(line => line.StartsWith("MESSAGE(Low): Uploaded ", StringComparison.Ordinal));

        // When the build is cancelled once the task has reported five files uploaded
        bool succeeded;
        emulator.Server.Faults = new FaultOptions { LatencyMs = 100, PathPrefixes = ["/artgalaxy/"] };
        try
        {
            var running = Task.Factory.StartNew(task.Execute, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            while (UploadsReported() < 5)
            {
                Assert.False(running.IsCompleted, "The publish ended before five uploads: " + engine.Log);
                await Task.Delay(10);
            }

            task.Cancel();
            succeeded = await running.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            emulator.Server.Faults = FaultOptions.None;
        }

        // Then it failed with CART0506, which counts what was done and names the report
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0506", error.Code);
        Assert.StartsWith("The publish was cancelled part way. Publish cancelled part way: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"The report {task.ReportFile} lists what was done.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run the publish again to finish it", error.Message, StringComparison.Ordinal);

        // And what it says was uploaded is exactly what the repository holds
        var stored = items.Select(i => i.GetMetadata("RemotePath")).Where(p => emulator.Server.Seed.FindFile(repository, p) is not null).ToHashSet(StringComparer.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(task.ReportFile));
        Assert.Equal("cancelled", report.RootElement.GetProperty("outcome").GetString());
        var files = report.RootElement.GetProperty("results").GetProperty("files").EnumerateArray().ToList();
        var uploaded = files.Where(f => f.GetProperty("status").GetString() == "uploaded").Select(f => f.GetProperty("remotePath").GetString()!).ToHashSet(StringComparer.Ordinal);
        var interrupted = files.Where(f => f.GetProperty("status").GetString() == "interrupted").Select(f => f.GetProperty("remotePath").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(uploaded.Count, 5, items.Length - 1);
        Assert.Subset(stored, uploaded);
        Assert.Subset(uploaded.Union(interrupted).ToHashSet(StringComparer.Ordinal), stored);
        Assert.Contains($"{uploaded.Count} uploaded (", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{interrupted.Count} interrupted", error.Message, StringComparison.Ordinal);
        Assert.Equal(uploaded, task.PublishedFiles.Select(i => i.GetMetadata("RemotePath")).ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("missing local file", "CART0602", "does not exist")]
    [InlineData("empty RemotePath", "CART0002", "CodeArtifactPublishFile[0].RemotePath")]
    [InlineData(".. in RemotePath", "CART0001", "CodeArtifactPublishFile[0].RemotePath")]
    [InlineData("Maven repository", "CART0601", "Maven repository")]
    [InlineData("no credentials", "CART0004", "No credentials")]
    public void Should_Refuse_Bad_Input_With_A_Coded_Error_Before_Any_Request(string input, string code, string says)
    {
        // Given one bad input, and the names the ready target passes
        var local = _temp.WriteFile($"bad/{Guid.NewGuid():N}.zip", "bytes");
        var (path, remotePath, repository) = input switch
        {
            "missing local file" => (_temp.Combine("bad", "never-built.zip"), "/app/1.0/app.zip", "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1"),
            "empty RemotePath" => (local, " ", "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1"),
            ".. in RemotePath" => (local, "/app/../../other/app.zip", "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1"),
            "Maven repository" => (local, "/app/1.0/app.zip", "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_maven_1_201"),
            _ => (local, "/app/1.0/app.zip", "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1"),
        };
        var engine = new MockEngine();
        var task = NewTask(engine, repository, Item(path, remotePath));
        task.PropertyNames = ["Files=CodeArtifactPublishFile", "Repository=CodeArtifactPublishRepository"];
        if (input == "no credentials")
        {
            task.EnvironmentOverride = new Dictionary<string, string?>();
        }

        var mark = emulator.Server.RequestLog.Count;

        // When
        var succeeded = task.Execute();

        // Then one coded error, no crash, and not one request
        Assert.False(succeeded, engine.Log);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Expected.NoCrash(engine.Log);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    private string NewRepository()
    {
        // Maven info is where the account's repository user comes from.
        emulator.Server.Seed.CreateMavenRepository($"pub{Guid.NewGuid():N}"[..14]);
        return emulator.Server.Seed.CreateRepository("generic").Id;
    }

    private PublishCodeArtifactFiles NewTask(MockEngine engine, string repository, params ITaskItem[] files) =>
        emulator.Connect(new PublishCodeArtifactFiles { Repository = repository, Files = files }, engine);

    private static TaskItem Item(string path, string remotePath)
    {
        var item = new TaskItem(path);
        item.SetMetadata("RemotePath", remotePath);
        return item;
    }

    private static string Sha256(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();
}
