using System.Net;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class CleanupJobTests
{
    private const string Repository = FakeArtifactService.Repository;
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<CodeArtifactLogEvent> _log = [];

    private static FakeArtifactService Service()
    {
        var service = new FakeArtifactService();
        void Add(string path, int daysOld, long size) => service.Files[path] = new FakeFile(Now.AddDays(-daysOld), size);
        Add("/builds/1.0/app.zip", 100, 1000);
        Add("/builds/1.0/notes.txt", 100, 10);
        Add("/builds/1.1/app.zip", 50, 2000);
        Add("/builds/1.2/app.zip", 5, 3000);
        Add("/builds/nightly/n1.zip", 40, 100);
        Add("/builds/nightly/n2.zip", 30, 200);
        Add("/builds/nightly/n3.zip", 20, 300);
        Add("/other/x.zip", 400, 5);
        return service;
    }

    private CleanupJob Job(FakeArtifactService service, Action<CodeArtifactClientOptions>? configure = null) =>
        new(service.CreateClient(o =>
        {
            o.TimeProvider = new FakeTimeProvider(Now);
            configure?.Invoke(o);
        }), e => { lock (_log) { _log.Add(e); } });

    private static CleanupOptions Policy(bool dryRun = false, int maxDeletions = 100) => new()
    {
        Repository = Repository,
        RootPath = "/builds",
        Include = ["**/*.zip"],
        KeepLatest = 1,
        OlderThanDays = 30,
        MaxDeletions = maxDeletions,
        DryRun = dryRun,
    };

    private static readonly string[] ExpectedCandidates = ["/builds/nightly/n1.zip"];

    [Fact]
    public async Task Should_Delete_Exactly_What_The_Dry_Run_Listed()
    {
        // Given two identical repositories
        var dryService = Service();
        var realService = Service();
        var options = Policy() with { KeepLatest = 0 };

        // When one is cleaned in a dry run and the other for real
        var dry = await Job(dryService).RunAsync(options with { DryRun = true });
        var real = await Job(realService).RunAsync(options);

        // Then the dry run deleted nothing and listed what the real run deleted
        Assert.True(dry.DryRun);
        Assert.Empty(dry.Deleted);
        Assert.Empty(dryService.RequestsTo(HttpMethod.Delete, "/file"));
        Assert.Equal(["/builds/1.0/app.zip", "/builds/1.1/app.zip", "/builds/nightly/n1.zip"], dry.Candidates.Select(c => c.Path));
        Assert.Equal(dry.Candidates, real.Candidates);
        Assert.Equal(dry.Candidates.Select(c => c.Path), real.Deleted.Select(d => d.Path));
        Assert.Equal(dry.BytesFreed, real.BytesFreed);
        Assert.Equal(1000 + 2000 + 100, real.BytesFreed);
        Assert.Equal([1000L, 2000L, 100L], real.Deleted.Select(d => d.Size!.Value));

        // And the real run sent one delete per file, in the API's form, and nothing else was removed
        var deletes = realService.RequestsTo(HttpMethod.Delete, "/file").Select(r => FakeArtifactService.Parse(r.Body!).GetProperty("path").GetString()).Order();
        Assert.Equal(dry.Candidates.Select(c => Repository + c.Path), deletes);
        Assert.Equal(5, realService.Files.Count);
        Assert.Contains("/other/x.zip", realService.Files.Keys);
    }

    [Fact]
    public async Task Should_Keep_The_Newest_Per_Folder_And_Say_Why()
    {
        var result = await Job(Service()).RunAsync(Policy(dryRun: true));

        Assert.Equal(ExpectedCandidates, result.Candidates.Select(c => c.Path));
        var reasons = result.Kept.ToDictionary(k => k.Path, k => k.Reason);
        Assert.Equal("keep-latest", reasons["/builds/1.0/app.zip"]); // the only zip of its folder
        Assert.Equal("keep-latest", reasons["/builds/nightly/n3.zip"]);
        Assert.Equal("too-new", reasons["/builds/nightly/n2.zip"]); // exactly 30 days old
        Assert.Equal("not-included", reasons["/builds/1.0/notes.txt"]);
        Assert.DoesNotContain("/other/x.zip", reasons.Keys); // outside the root: never even listed
    }

    [Fact]
    public async Task Should_Walk_Only_Below_The_Root_And_Folders_In_Parallel()
    {
        // Given a service that answers the four sub-folders of /builds only once all four are asked for
        var service = Service();
        var waiting = 0;
        var allAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        service.Intercept = async (request, token) =>
        {
            if (request.Path.EndsWith("/file-tree", StringComparison.Ordinal) && request.QueryValue("path")!.Count(c => c == '/') == 2)
            {
                if (Interlocked.Increment(ref waiting) == 4)
                {
                    allAsked.SetResult();
                }

                await allAsked.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            }

            return null;
        };

        // When
        var result = await Job(service).RunAsync(Policy(dryRun: true));

        // Then
        var listed = service.RequestsTo(HttpMethod.Get, "/file-tree").Select(r => r.QueryValue("path")!).Order().ToArray();
        Assert.Equal(["/builds", "/builds/1.0", "/builds/1.1", "/builds/1.2", "/builds/nightly"], listed);
        Assert.Equal(ExpectedCandidates, result.Candidates.Select(c => c.Path));
    }

    [Fact]
    public async Task Should_Refuse_More_Than_MaxDeletions_Before_Any_Delete()
    {
        var service = Service();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job(service).RunAsync(Policy() with { KeepLatest = 0, MaxDeletions = 2 }));

        Assert.Equal(ErrorCodes.TooManyDeletions, error.Code);
        Assert.Equal("MaxDeletions", error.ParameterName);
        Assert.Contains("3 files", error.Message, StringComparison.Ordinal);
        Assert.Contains("Raise MaxDeletions to 3", error.Message, StringComparison.Ordinal);
        Assert.Empty(service.RequestsTo(HttpMethod.Delete, "/file"));
        Assert.Equal(8, service.Files.Count);
    }

    [Fact]
    public async Task Should_List_But_Warn_In_A_Dry_Run_Over_MaxDeletions()
    {
        var result = await Job(Service()).RunAsync(Policy(dryRun: true) with { KeepLatest = 0, MaxDeletions = 2 });

        Assert.Equal(3, result.Candidates.Count);
        Assert.Contains(result.Problems, p => p.Code == ErrorCodes.TooManyDeletions && p.Severity == ProblemSeverity.Warning);
    }

    [Theory]
    [InlineData("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201", null)]
    [InlineData(Repository, "maven2")]
    [InlineData(Repository, "maven")]
    public async Task Should_Refuse_A_Maven_Repository(string repository, string? format)
    {
        var service = Service();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job(service).RunAsync(Policy() with { Repository = repository, Format = format }));

        Assert.Equal(ErrorCodes.MavenRepositoryRefused, error.Code);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Should_Report_A_First_Attempt_404_As_Already_Gone_If_The_Detail_Confirms_It()
    {
        // Given a file that another client deletes just before this run's delete reaches it
        var service = Service();
        service.Intercept = (request, _) =>
        {
            if (request.Method == HttpMethod.Delete && request.Body!.Contains("n1.zip", StringComparison.Ordinal))
            {
                lock (service.Files)
                {
                    service.Files.Remove("/builds/nightly/n1.zip");
                }

                return Task.FromResult<HttpResponseMessage?>(FakeArtifactService.NotFound());
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };

        // When
        var result = await Job(service).RunAsync(Policy());

        // Then it is reported already gone, not deleted, and frees nothing
        Assert.Empty(result.Deleted);
        Assert.Equal(ExpectedCandidates, result.AlreadyGone.Select(g => g.Path));
        Assert.Empty(result.Failed);
        Assert.Equal(0, result.BytesFreed);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Warning, ErrorCodes.AlreadyGone, "/builds/nightly/n1.zip"), (warning.Severity, warning.Code, warning.Subject));
        Assert.Equal(2, service.RequestsTo(HttpMethod.Get, "/file-detail").Count()); // before the delete, and to confirm
    }

    [Fact]
    public async Task Should_Fail_With_CART0511_If_A_First_Attempt_404_Leaves_The_File_There()
    {
        // Given a service that answers the delete "not found" but keeps the file
        var service = Service();
        service.Intercept = (request, _) => Task.FromResult(
            request.Method == HttpMethod.Delete ? FakeArtifactService.NotFound("the path does not exist") : null);

        // When
        var result = await Job(service).RunAsync(Policy());

        // Then the delete failed, quoting the answer, and nothing counts as freed
        Assert.Empty(result.Deleted);
        Assert.Empty(result.AlreadyGone);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(ErrorCodes.DeleteNotConfirmed, failure.Code);
        Assert.Contains("the path does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Contains("still there", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.BytesFreed);
        Assert.Contains("/builds/nightly/n1.zip", service.Files.Keys);
        var error = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Error, ErrorCodes.DeleteNotConfirmed), (error.Severity, error.Code));
    }

    [Fact]
    public async Task Should_Count_A_404_After_A_Lost_Answer_As_Deleted()
    {
        // Given a delete that the service applies, then loses the answer of; the retry finds it gone
        var service = Service();
        var attempts = 0;
        service.Intercept = (request, _) =>
        {
            if (request.Method == HttpMethod.Delete && Interlocked.Increment(ref attempts) == 1)
            {
                lock (service.Files)
                {
                    service.Files.Remove("/builds/nightly/n1.zip");
                }

                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("Connection reset by peer"));
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };

        // When
        var result = await Job(service, o => { o.MaxRetries = 2; o.RetryDelay = TimeSpan.Zero; }).RunAsync(Policy());

        // Then this run deleted it, and its bytes count
        Assert.Equal(2, attempts);
        var deleted = Assert.Single(result.Deleted);
        Assert.Equal("/builds/nightly/n1.zip", deleted.Path);
        Assert.Contains("no answer", deleted.Note, StringComparison.Ordinal);
        Assert.Equal(100, result.BytesFreed);
        Assert.Empty(result.AlreadyGone);
        Assert.Empty(result.Failed);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Should_Not_Count_A_Gateway_404_As_Deleted()
    {
        var service = Service();
        service.Intercept = (request, _) => Task.FromResult(request.Method == HttpMethod.Delete
            ? FakeArtifactService.Json("""{"error_code":"APIGW.0101","error_msg":"The API does not exist","request_id":"r"}""", HttpStatusCode.NotFound)
            : null);

        var result = await Job(service).RunAsync(Policy());

        Assert.Empty(result.Deleted);
        Assert.Equal(ExpectedCandidates, result.Failed.Select(f => f.Path));
    }

    [Fact]
    public async Task Should_Report_Failed_Deletes_And_Go_On()
    {
        var service = Service();
        service.Intercept = (request, _) => Task.FromResult(
            request.Method == HttpMethod.Delete && request.Body!.Contains("1.1/app.zip", StringComparison.Ordinal)
                ? FakeArtifactService.Json("""{"error_code":"CR.5000","error_msg":"Unknown service error.","status":"error","trace_id":"t"}""", HttpStatusCode.InternalServerError)
                : null);

        var result = await Job(service).RunAsync(Policy() with { KeepLatest = 0 });

        Assert.Equal(["/builds/1.0/app.zip", "/builds/nightly/n1.zip"], result.Deleted.Select(d => d.Path));
        var failure = Assert.Single(result.Failed);
        Assert.Equal("/builds/1.1/app.zip", failure.Path);
        Assert.Contains("CR.5000", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1000 + 100, result.BytesFreed);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Error, ErrorCodes.DeletionsFailed, "/builds/1.1/app.zip"), (problem.Severity, problem.Code, problem.Subject));
    }

    [Fact]
    public async Task Should_Stop_Promptly_On_Cancellation_And_Return_What_Was_Deleted()
    {
        // Given deletes one at a time, and the token cancelled while the second is on its way
        var service = Service();
        using var cancellation = new CancellationTokenSource();
        var deletes = 0;
        service.Intercept = async (request, token) =>
        {
            if (request.Method == HttpMethod.Delete && Interlocked.Increment(ref deletes) == 2)
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            }

            return null;
        };

        // When
        var started = DateTime.UtcNow;
        var result = await Job(service, o => o.MaxConcurrency = 1).RunAsync(Policy() with { KeepLatest = 0, MaxConcurrency = 1 }, cancellation.Token);

        // Then: a partial result, not an exception; exactly the confirmed delete listed as deleted
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1));
        Assert.True(result.Cancelled);
        Assert.Equal(3, result.Candidates.Count);
        var deleted = Assert.Single(result.Deleted);
        Assert.Single(result.Interrupted);
        Assert.Single(result.NotAttempted);
        Assert.Equal(2, deletes); // the third was never sent
        Assert.DoesNotContain(deleted.Path, service.Files.Keys);
        Assert.Equal(7, service.Files.Count); // the fake removed only the one it answered
    }

    [Fact]
    public async Task Should_Throw_If_Cancelled_Before_Deleting()
    {
        var service = Service();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Job(service).RunAsync(Policy(), cancellation.Token));
        Assert.Empty(service.RequestsTo(HttpMethod.Delete, "/file"));
    }

    [Fact]
    public async Task Should_Stop_If_The_Listing_Names_A_Path_Outside_The_Root()
    {
        // Given a tree answer whose child lies outside the folder listed
        var service = Service();
        service.Intercept = (request, _) => Task.FromResult(request.Path.EndsWith("/file-tree", StringComparison.Ordinal)
            ? FakeArtifactService.Json(FakeArtifactService.Envelope(
                $$"""{"children":[{"name":"passwd","path":"{{Repository}}/etc/passwd","modified":"2020-01-01 00:00:00","folder":false}],"total":1}"""))
            : null);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job(service).RunAsync(Policy()));

        Assert.Equal(ErrorCodes.OutsideRoot, error.Code);
        Assert.Empty(service.RequestsTo(HttpMethod.Delete, "/file"));
    }

    [Fact]
    public async Task Should_Not_Loop_If_A_Folder_Lists_Itself()
    {
        var service = Service();
        service.Intercept = (request, _) => Task.FromResult(request.Path.EndsWith("/file-tree", StringComparison.Ordinal)
            ? FakeArtifactService.Json(FakeArtifactService.Envelope(
                $$"""{"children":[{"name":"builds","path":"{{Repository}}/builds","folder":true}],"total":1}"""))
            : null);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job(service).RunAsync(Policy()));

        Assert.Equal(ErrorCodes.OutsideRoot, error.Code);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task Should_Be_Undone_By_Restore()
    {
        // Given a cleanup
        var service = Service();
        var cleanup = await Job(service).RunAsync(Policy() with { KeepLatest = 0 });

        // When its deleted paths are restored
        var restore = await new RestoreJob(service.CreateClient()).RunAsync(new RestoreOptions
        {
            Repository = Repository,
            Paths = cleanup.Deleted.Select(d => d.Path).ToArray(),
        });

        // Then the repository is whole again
        Assert.Equal(cleanup.Deleted.Select(d => d.Path), restore.Restored);
        Assert.Empty(restore.Failed);
        Assert.Equal(8, service.Files.Count);
    }

    [Theory]
    [InlineData("", "Repository")]
    [InlineData("bad repo", "Repository")]
    public async Task Should_Reject_Bad_Repository_Before_Any_Request(string repository, string parameter)
    {
        var service = Service();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job(service).RunAsync(Policy() with { Repository = repository }));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Empty(service.Requests);
    }

    public static TheoryData<CleanupOptions, string> BadOptions => new()
    {
        { Policy() with { RootPath = "/builds/../etc" }, "RootPath" },
        { Policy() with { KeepLatest = -1 }, "KeepLatest" },
        { Policy() with { OlderThanDays = -2 }, "OlderThanDays" },
        { Policy() with { MaxDeletions = -1 }, "MaxDeletions" },
        { Policy() with { MaxConcurrency = 0 }, "MaxConcurrency" },
        { Policy() with { Include = [""] }, "Include[0]" },
        { Policy() with { Format = "zip" }, "Format" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Should_Reject_Bad_Options_Before_Any_Request(CleanupOptions options, string parameter)
    {
        var service = Service();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job(service).RunAsync(options));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Empty(service.Requests);
    }
}
