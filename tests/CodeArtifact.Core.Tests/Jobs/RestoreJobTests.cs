using System.Net;
using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class RestoreJobTests
{
    private const string Repository = FakeArtifactService.Repository;

    private readonly FakeArtifactService _service = new();
    private readonly List<CodeArtifactLogEvent> _log = [];

    private RestoreJob Job() => new(_service.CreateClient(), e => { lock (_log) { _log.Add(e); } });

    private void InBin(params string[] paths)
    {
        foreach (var path in paths)
        {
            _service.RecycleBin[path] = new FakeFile(DateTimeOffset.UnixEpoch, 1);
        }
    }

    private JsonElement[] Bodies => _service.RequestsTo(HttpMethod.Put, "/trashes").Select(r => FakeArtifactService.Parse(r.Body!)).ToArray();

    [Fact]
    public async Task Should_Restore_In_Batches_With_The_Documented_Items()
    {
        // Given five deleted files
        string[] paths = ["/a/1.zip", "/a/2.zip", "/b/3.zip", "/b/4.zip", "5.zip"];
        InBin("/a/1.zip", "/a/2.zip", "/b/3.zip", "/b/4.zip", "/5.zip");

        // When restored two at a time
        var result = await Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = paths, BatchSize = 2 });

        // Then three PUT /trashes requests with {id, format, uri, status} items
        var bodies = Bodies;
        Assert.Equal([2, 2, 1], bodies.Select(b => b.GetArrayLength()));
        var first = bodies[0][0];
        Assert.Equal(Repository, first.GetProperty("id").GetString());
        Assert.Equal("generic", first.GetProperty("format").GetString());
        Assert.Equal($"{Repository}/a/1.zip", first.GetProperty("uri").GetString());
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.Equal($"{Repository}/5.zip", bodies[2][0].GetProperty("uri").GetString());

        Assert.Equal(["/a/1.zip", "/a/2.zip", "/b/3.zip", "/b/4.zip", "/5.zip"], result.Restored);
        Assert.Empty(result.Failed);
        Assert.Equal(5, _service.Files.Count);
    }

    [Fact]
    public async Task Should_List_The_Items_The_Service_Names_As_Failed()
    {
        // Given one path that is not in the recycle bin
        InBin("/a/1.zip", "/a/1.zip.sha256");

        // When
        var result = await Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/a/1.zip", "/a/1.zip.md5", "/a/1.zip.sha256"] });

        // Then only that one failed, with the service's message
        Assert.Equal(["/a/1.zip", "/a/1.zip.sha256"], result.Restored);
        var failure = Assert.Single(result.Failed);
        Assert.Equal("/a/1.zip.md5", failure.Path);
        Assert.Contains("not in the recycle bin", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.RestoreFailed, failure.Code);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Error, ErrorCodes.RestoreFailed, "/a/1.zip.md5"), (problem.Severity, problem.Code, problem.Subject));
        Assert.Equal($"Restore to {Repository}: 2 of 3 files restored, 1 failed.", result.Summary);
    }

    [Fact]
    public async Task Should_Fail_The_Whole_Batch_If_The_Service_Does_Not_Say_Which_Item_Failed()
    {
        _service.Intercept = (request, _) => Task.FromResult(request.Method == HttpMethod.Put
            ? FakeArtifactService.Json(FakeArtifactService.Envelope("""{"successNum":1,"failedNum":1,"failedMessages":["internal error"]}"""))
            : null);

        var result = await Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/x", "/y"] });

        Assert.Empty(result.Restored);
        Assert.Equal(["/x", "/y"], result.Failed.Select(f => f.Path));
        Assert.All(result.Failed, f => Assert.Contains("internal error", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Read_The_Older_Success_String()
    {
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json(FakeArtifactService.Envelope("\"success\"")));

        var result = await Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/x"] });

        Assert.Equal(["/x"], result.Restored);
    }

    [Fact]
    public async Task Should_Go_On_With_Other_Batches_If_One_Is_Refused()
    {
        InBin("/a", "/b");
        var calls = 0;
        _service.Intercept = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? FakeArtifactService.Json("""{"error_code":"CR.5000","error_msg":"Unknown service error.","status":"error","trace_id":"t"}""", HttpStatusCode.InternalServerError)
            : null);

        var result = await Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/a", "/b"], BatchSize = 1 });

        Assert.Equal(["/b"], result.Restored);
        Assert.Equal("/a", Assert.Single(result.Failed).Path);
        Assert.Equal(2, Bodies.Length);
    }

    [Fact]
    public async Task Should_Send_The_Given_Format_And_Each_Path_Once()
    {
        InBin("/p.tgz");

        await Job().RunAsync(new RestoreOptions { Repository = Repository, Format = "npm", Paths = ["/p.tgz", "p.tgz"] });

        var item = Assert.Single(Bodies).EnumerateArray().Single();
        Assert.Equal("npm", item.GetProperty("format").GetString());
    }

    [Fact]
    public async Task Should_Read_The_Format_From_The_Repository_Id()
    {
        await Job().RunAsync(new RestoreOptions { Repository = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_go_4", Paths = ["/m.zip"] });

        Assert.Equal("go", Bodies.Single()[0].GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("", new[] { "/a" }, 100, "Repository")]
    [InlineData(Repository, new string[0], 100, "Paths")]
    [InlineData(Repository, new[] { "/" }, 100, "Paths[0]")]
    [InlineData(Repository, new[] { "/a", "/../b" }, 100, "Paths[1]")]
    [InlineData(Repository, new[] { "/a" }, 0, "BatchSize")]
    public async Task Should_Reject_Bad_Input_Before_Any_Request(string repository, string[] paths, int batchSize, string parameter)
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new RestoreOptions { Repository = repository, Paths = paths, BatchSize = batchSize }));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Count_Items_A_Lost_Answer_Restored_As_Restored()
    {
        // Given a batch the service restores, then loses the answer of; the retry finds the items no longer in the bin
        InBin("/a/1.zip", "/a/2.zip");
        var puts = 0;
        _service.Intercept = async (request, token) =>
        {
            if (request.Method == HttpMethod.Put && Interlocked.Increment(ref puts) == 1)
            {
                using var applied = await _service.SendToSelfAsync(request, token);
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            }

            return null;
        };
        var job = new RestoreJob(_service.CreateClient(o => { o.MaxRetries = 2; o.RetryDelay = TimeSpan.Zero; }));

        // When
        var result = await job.RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/a/1.zip", "/a/2.zip"] });

        // Then both count as restored: they are in place
        Assert.Equal(2, puts);
        Assert.Equal(["/a/1.zip", "/a/2.zip"], result.Restored);
        Assert.Empty(result.Failed);
        Assert.Empty(result.Problems);
        Assert.Equal(2, _service.Files.Count);
    }

    [Fact]
    public async Task Should_Keep_What_It_Restored_If_Cancelled()
    {
        // Given three batches, and the token cancelled while the second is on its way
        InBin("/a", "/b", "/c");
        using var cancellation = new CancellationTokenSource();
        var puts = 0;
        _service.Intercept = async (request, token) =>
        {
            if (request.Method == HttpMethod.Put && Interlocked.Increment(ref puts) == 2)
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            }

            return null;
        };

        // When
        var result = await Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/a", "/b", "/c"], BatchSize = 1 }, cancellation.Token);

        // Then a partial result, not an exception, that lists what was restored
        Assert.True(result.Cancelled);
        Assert.Equal(["/a"], result.Restored);
        Assert.Equal(["/b"], result.Interrupted);
        Assert.Equal(["/c"], result.NotAttempted);
        Assert.Equal(2, puts);
        Assert.StartsWith($"Restore to {Repository} cancelled: 1 of 3 files restored", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Throw_If_Cancelled_Before_The_First_Batch()
    {
        InBin("/a");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Job().RunAsync(new RestoreOptions { Repository = Repository, Paths = ["/a"] }, cancellation.Token));
        Assert.Empty(_service.Requests);
    }
}
