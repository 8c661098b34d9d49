using System.Text;
using System.Text.Json;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Build.Tests.Reliability;

/// <summary>
/// Faults that outlast the retries, through the tasks: a coded error per failure that says what
/// happened, never MSB4018; and a cleanup still reports (outputs and JSON report) what it deleted.
/// </summary>
public sealed class TaskRetryExhaustionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _temp = new("cab-exhausted");

    public void Dispose()
    {
        emulator.Server.Faults = FaultOptions.None;
        _temp.Dispose();
    }

    [Fact]
    public void A_Cleanup_Whose_Deletes_Start_Failing_Fails_With_CART0504_And_Reports_What_It_Deleted()
    {
        // Given eight obsolete files deleted one at a time, and a delete API that breaks down for
        // good after the third delete
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        var paths = Enumerable.Range(0, 8).Select(i => $"/nightly/n{i}.zip").ToArray();
        emulator.Server.Seed.PutFiles(repository, paths.Select(p => (p, Encoding.UTF8.GetBytes(p), old)));
        var deleted = 0;
        var engine = new HookedEngine(message =>
        {
            if (message.StartsWith("Deleted /", StringComparison.Ordinal) && ++deleted == 3)
            {
                emulator.Server.Faults = new FaultOptions { Rate5xx = 1, PathPrefixes = ["/cloudartifact/v5/file"] };
            }
        });
        var report = _temp.Combine("cleanup.json");
        var task = emulator.Connect(new DeleteObsoleteCodeArtifactFiles { Repository = repository, ReportFile = report }, engine.Inner);
        task.BuildEngine = engine;
        task.MaxConcurrency = "1";
        task.MaxRetries = "1";

        // When
        var succeeded = task.Execute();
        emulator.Server.Faults = FaultOptions.None;

        // Then the task failed with one coded error per file not deleted, saying why
        Assert.False(succeeded);
        Assert.Equal(5, engine.Inner.Errors.Count);
        Assert.All(engine.Inner.Errors, e =>
        {
            Assert.Equal("CART0504", e.Code);
            Assert.Contains("HTTP 503", e.Message, StringComparison.Ordinal);
            Assert.Contains("Gave up after 2 attempts", e.Message, StringComparison.Ordinal);
        });
        Expected.NoCrash(engine.Inner.Log);

        // And its output and report list the three files it did delete, which are gone
        Assert.Equal(3, task.DeletedFiles.Length);
        Assert.All(task.DeletedFiles, d => Assert.Null(emulator.Server.Seed.FindFile(repository, d.ItemSpec)));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(task.DeletedFiles.Select(d => d.ItemSpec), results.GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()));
        Assert.Equal(5, results.GetProperty("failed").GetArrayLength());
        Assert.All(paths.Except(task.DeletedFiles.Select(d => d.ItemSpec)), p => Assert.NotNull(emulator.Server.Seed.FindFile(repository, p)));
    }

    [Theory]
    [InlineData("503", "CART0105")]
    [InlineData("drop", "CART0106")]
    public void A_Lookup_That_Keeps_Failing_Fails_With_A_Coded_Error(string fault, string code)
    {
        // Given a release API that always fails
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" }, engine);
        task.MaxRetries = "1";
        emulator.Server.Faults = fault == "503"
            ? new FaultOptions { Rate5xx = 1, PathPrefixes = ["/v2/"] }
            : new FaultOptions { RateDrop = 1, PathPrefixes = ["/v2/"] };

        // When
        var succeeded = task.Execute();
        emulator.Server.Faults = FaultOptions.None;

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains("ShowProjectReleaseFiles", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Warnings);
        Assert.Single(engine.Messages, m => m.Message!.StartsWith("CART0111: ", StringComparison.Ordinal));
        Expected.NoCrash(engine.Log);
    }
}
