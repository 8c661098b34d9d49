using System.Diagnostics;
using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>
/// A publish cancelled half-way stops at once and says exactly what it uploaded: every file it
/// reports uploaded is in the repository with the local bytes, no file it reports not started is,
/// and a second run finishes the job.
/// </summary>
public sealed class PublishCancellationTests(PublishEmulatorFixture fixture) : IClassFixture<PublishEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-publish-cancel-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose()
    {
        Server.Faults = FaultOptions.None;
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Cancelled_Half_Way_It_Reports_Exactly_What_Was_Uploaded_And_A_Rerun_Completes()
    {
        // Given 40 files and a service that takes 50 ms per request
        var repository = Server.Seed.CreateRepository("generic").Id;
        var root = PublishTestFiles.UniqueRoot("cancel");
        var files = Enumerable.Range(0, 40).Select(i => PublishTestFiles.Write(_folder, $"k{i:D2}.bin", $"{root}/k{i:D2}.bin", 2000 + i, seed: 300 + i)).ToList();
        var options = new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests(files), MaxConcurrency = 4 };
        using var client = fixture.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var eightUploaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uploadedSoFar = 0;
        void Log(CodeArtifactLogEvent e)
        {
            if (e.Severity == LogSeverity.Detail && e.Message.StartsWith("Uploaded ", StringComparison.Ordinal) && Interlocked.Increment(ref uploadedSoFar) == 8)
            {
                eightUploaded.TrySetResult();
            }
        }

        Server.Faults = new FaultOptions { LatencyMs = 50 };

        // When the run is cancelled once eight files are uploaded
        var running = new PublishJob(client, Log).RunAsync(options, cancellation.Token);
        await eightUploaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var stopping = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var first = await running;
        stopping.Stop();
        Server.Faults = FaultOptions.None;

        // Then it returned a partial result at once
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(2), $"The publish took {stopping.Elapsed} to stop after cancellation.");
        Assert.True(first.Cancelled);
        Assert.InRange(first.Uploaded.Count, 8, files.Count - 1);
        Assert.NotEmpty(first.NotStarted);
        Assert.True(first.Interrupted.Count <= options.MaxConcurrency, $"{first.Interrupted.Count} uploads were in flight, more than MaxConcurrency.");
        Assert.Equal(files.Count, first.Uploaded.Count + first.Interrupted.Count + first.NotStarted.Count);
        Assert.Empty(first.Failed);
        Assert.Contains("cancelled", first.Summary, StringComparison.Ordinal);
        Assert.Equal("cancelled", JsonDocument.Parse(JobReport.ToJson(first)).RootElement.GetProperty("outcome").GetString());

        // And what it reports is what the repository holds
        var byRemotePath = files.ToDictionary(f => f.RemotePath);
        Assert.All(first.Uploaded, f => Assert.Equal(byRemotePath[f.RemotePath].Sha256, Server.Seed.FindFile(repository, f.RemotePath)?.Sha256));
        Assert.All(first.NotStarted, f => Assert.Null(Server.Seed.FindFile(repository, f.RemotePath)));
        Assert.Equal(first.Uploaded.Sum(f => f.Size), first.BytesUploaded);

        // When the run is repeated
        var second = await new PublishJob(client).RunAsync(options);

        // Then the files uploaded before are unchanged, and every file is in the repository
        Assert.False(second.Cancelled);
        Assert.Empty(second.Failed);
        Assert.Subset(second.Unchanged.Select(f => f.RemotePath).ToHashSet(), first.Uploaded.Select(f => f.RemotePath).ToHashSet());
        Assert.Equal(first.NotStarted.Count, second.Uploaded.Count(f => first.NotStarted.Any(n => n.RemotePath == f.RemotePath)));
        Assert.All(files, f => Assert.Equal(f.Sha256, Server.Seed.FindFile(repository, f.RemotePath)?.Sha256));
    }

    [Fact]
    public async Task Cancelled_Before_Any_Upload_It_Throws_And_Changes_Nothing()
    {
        var repository = Server.Seed.CreateRepository("generic").Id;
        var file = PublishTestFiles.Write(_folder, "early.bin", "/early/early.bin", 10, seed: 1);
        using var client = fixture.CreateClient();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PublishJob(client).RunAsync(new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests([file]) }, cancellation.Token));

        Assert.Null(Server.Seed.FindFile(repository, file.RemotePath));
    }
}
