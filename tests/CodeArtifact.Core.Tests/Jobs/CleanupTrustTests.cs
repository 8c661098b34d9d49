using System.Net;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>
/// Deletes a user can trust: each file is checked just before its delete, a refusal stops the
/// run at once, the usage rule reads downloads, and a run costs at most two requests per deleted
/// file beside the walk.
/// </summary>
public sealed class CleanupTrustTests
{
    private const string Repository = FakeArtifactService.Repository;
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static FakeArtifactService Builds(int count, string folder = "/b")
    {
        var service = new FakeArtifactService();
        for (var i = 0; i < count; i++)
        {
            service.Files[$"{folder}/f{i:D2}.zip"] = new FakeFile(Now.AddDays(-40 - i), 100 + i, $"build {i}");
        }

        return service;
    }

    private static CleanupJob Job(FakeArtifactService service, Action<CodeArtifactClientOptions>? configure = null) =>
        new(service.CreateClient(o =>
        {
            o.TimeProvider = new FakeTimeProvider(Now);
            configure?.Invoke(o);
        }));

    private static HttpResponseMessage Refused() => FakeArtifactService.Json(
        """{"error_code":"CR.4102","error_msg":"The user has no permission to delete files in this repository.","status":"error","trace_id":"t-403"}""",
        HttpStatusCode.Forbidden);

    private static void AssertEachCandidateOnce(CleanupResult result)
    {
        var ended = result.Deleted.Select(f => f.Path)
            .Concat(result.AlreadyGone.Select(f => f.Path))
            .Concat(result.SkippedAsChanged.Select(f => f.Path))
            .Concat(result.Failed.Select(f => f.Path))
            .Concat(result.Interrupted.Select(f => f.Path))
            .Concat(result.NotAttempted.Select(f => f.Path))
            .Order(StringComparer.Ordinal);
        Assert.Equal(result.Candidates.Select(c => c.Path), ended);
    }

    [Fact]
    public async Task Should_Keep_A_File_Uploaded_Again_After_The_Listing()
    {
        // Given a file that a new build overwrites between the walk and its delete
        var service = Builds(3);
        service.Intercept = (request, _) =>
        {
            if (request.Path.EndsWith("/file-detail", StringComparison.Ordinal) && request.QueryValue("path") == "/b/f01.zip")
            {
                lock (service.Files)
                {
                    service.Files["/b/f01.zip"] = new FakeFile(Now.AddMinutes(-1), 999, "new build");
                }
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };

        // When
        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/b", OlderThanDays = 30 });

        // Then the new upload is kept and reported, the others are deleted
        Assert.Equal(["/b/f00.zip", "/b/f02.zip"], result.Deleted.Select(d => d.Path));
        var skipped = Assert.Single(result.SkippedAsChanged);
        Assert.Equal(("/b/f01.zip", "changed-since-listing"), (skipped.Path, skipped.Reason));
        Assert.Contains("after the listing", skipped.Note, StringComparison.Ordinal);
        Assert.True(service.Files.ContainsKey("/b/f01.zip"));
        Assert.DoesNotContain(service.RequestsTo(HttpMethod.Delete, "/file"), r => r.Body!.Contains("f01.zip", StringComparison.Ordinal));
        var warning = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Warning, ErrorCodes.ChangedSinceChecked, "/b/f01.zip"), (warning.Severity, warning.Code, warning.Subject));
        Assert.Equal(100 + 102, result.BytesFreed);
        AssertEachCandidateOnce(result);
    }

    [Fact]
    public async Task Should_Stop_At_Once_If_A_Delete_Is_Refused_And_Report_Exactly_What_Was_Deleted()
    {
        // Given 30 obsolete files, and a service that refuses every delete after the 10th (403 CR.4102)
        var service = Builds(30);
        var deletes = 0;
        service.Intercept = (request, _) => Task.FromResult(
            request.Method == HttpMethod.Delete && Interlocked.Increment(ref deletes) > 10 ? Refused() : null);

        // When four deletes go at once
        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/b", OlderThanDays = 30, MaxConcurrency = 4 });

        // Then exactly the ten files the service deleted are reported deleted
        var gone = Enumerable.Range(0, 30).Select(i => $"/b/f{i:D2}.zip").Where(p => !service.Files.ContainsKey(p)).ToArray();
        Assert.Equal(10, gone.Length);
        Assert.Equal(gone, result.Deleted.Select(d => d.Path));

        // And no further delete was sent than those already on their way
        Assert.InRange(deletes, 11, 10 + 4);
        Assert.Equal(deletes - 10, result.Failed.Count);
        Assert.All(result.Failed, f => Assert.Equal(ErrorCodes.DeletionsStopped, f.Code));
        Assert.Equal(30 - deletes, result.NotAttempted.Count);
        Assert.NotNull(result.StoppedBy);
        Assert.Contains("CR.4102", result.StoppedBy.Message, StringComparison.Ordinal);
        AssertEachCandidateOnce(result);

        // And one error says so, with the counts
        var error = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Error, ErrorCodes.DeletionsStopped), (error.Severity, error.Code));
        Assert.Contains("10 deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains(" stopped by a refused request: 10 of 30 files deleted", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Send_No_Delete_After_A_Refusal_When_One_Goes_At_A_Time()
    {
        var service = Builds(30);
        var deletes = 0;
        service.Intercept = (request, _) => Task.FromResult(
            request.Method == HttpMethod.Delete && Interlocked.Increment(ref deletes) > 10 ? Refused() : null);

        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/b", OlderThanDays = 30, MaxConcurrency = 1 });

        Assert.Equal(11, deletes);
        Assert.Equal(10, result.Deleted.Count);
        Assert.Equal("/b/f10.zip", Assert.Single(result.Failed).Path);
        Assert.Equal(19, result.NotAttempted.Count);
        Assert.Equal(11, service.RequestsTo(HttpMethod.Get, "/file-detail").Count());
    }

    [Fact]
    public async Task Should_Stop_If_The_Detail_Before_A_Delete_Is_Refused()
    {
        var service = Builds(5);
        service.Intercept = (request, _) => Task.FromResult(request.Path.EndsWith("/file-detail", StringComparison.Ordinal) ? Refused() : null);

        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/b", MaxConcurrency = 1 });

        Assert.Empty(result.Deleted);
        Assert.Empty(service.RequestsTo(HttpMethod.Delete, "/file"));
        Assert.Equal("/b/f00.zip", result.StoppedBy?.Path);
        Assert.Equal(4, result.NotAttempted.Count);
    }

    [Fact]
    public async Task Should_Select_By_Last_Download_Or_Creation()
    {
        // Given files downloaded long ago, lately, never (old and new)
        var service = new FakeArtifactService();
        service.Files["/d/never-old.zip"] = new FakeFile(Now.AddDays(-100), 1);
        service.Files["/d/never-new.zip"] = new FakeFile(Now.AddDays(-5), 2);
        service.Files["/d/used-long-ago.zip"] = new FakeFile(Now.AddDays(-100), 4, LastDownloaded: Now.AddDays(-60));
        service.Files["/d/used-lately.zip"] = new FakeFile(Now.AddDays(-100), 8, LastDownloaded: Now.AddDays(-3));
        service.Files["/d/reuploaded.zip"] = new FakeFile(Now.AddDays(-2), 16, Created: Now.AddDays(-200));
        var options = new CleanupOptions { Repository = Repository, RootPath = "/d", NotDownloadedForDays = 30 };

        // When a dry run and a real run go
        var dry = await Job(service).RunAsync(options with { DryRun = true });
        var real = await Job(service).RunAsync(options);

        // Then the unused files are the candidates, and the others are kept with their reasons
        string[] expected = ["/d/never-old.zip", "/d/used-long-ago.zip"];
        Assert.Equal(expected, dry.Candidates.Select(c => c.Path));
        var reasons = dry.Kept.ToDictionary(k => k.Path, k => k.Reason);
        Assert.Equal("recently-uploaded", reasons["/d/never-new.zip"]);
        Assert.Equal("recently-uploaded", reasons["/d/reuploaded.zip"]);
        Assert.Equal("recently-downloaded", reasons["/d/used-lately.zip"]);
        Assert.Equal(expected, real.Deleted.Select(d => d.Path));
        Assert.Equal(1 + 4, real.BytesFreed);
    }

    [Fact]
    public async Task Should_Keep_A_File_Downloaded_Between_The_Judging_And_Its_Delete()
    {
        var service = new FakeArtifactService();
        service.Files["/d/a.zip"] = new FakeFile(Now.AddDays(-100), 1);
        var details = 0;
        service.Intercept = (request, _) =>
        {
            if (request.Path.EndsWith("/file-detail", StringComparison.Ordinal) && Interlocked.Increment(ref details) == 2)
            {
                lock (service.Files)
                {
                    service.Files["/d/a.zip"] = service.Files["/d/a.zip"] with { LastDownloaded = Now.AddHours(-1) };
                }
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };

        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/d", NotDownloadedForDays = 30 });

        Assert.Empty(result.Deleted);
        Assert.Equal("downloaded-since-listing", Assert.Single(result.SkippedAsChanged).Reason);
        Assert.True(service.Files.ContainsKey("/d/a.zip"));
    }

    [Fact]
    public async Task Should_Keep_Files_Whose_Time_The_Service_Does_Not_Give()
    {
        var service = Builds(2);
        service.Files["/b/no-time.zip"] = new FakeFile(Now.AddDays(-400), 1, TimeUnknown: true);

        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/b", OlderThanDays = 30, KeepLatest = 1 });

        Assert.Equal(["/b/f01.zip"], result.Deleted.Select(d => d.Path)); // f00 is the newest known
        var kept = result.Kept.ToDictionary(k => k.Path, k => k.Reason);
        Assert.Equal("time-unknown", kept["/b/no-time.zip"]);
        Assert.Equal("keep-latest", kept["/b/f00.zip"]);
    }

    [Fact]
    public async Task Should_Send_At_Most_Two_Requests_Per_Deleted_File_Beside_The_Walk()
    {
        // Given 20 obsolete files in 4 folders
        var service = new FakeArtifactService();
        for (var i = 0; i < 20; i++)
        {
            service.Files[$"/r/{i % 4}/f{i:D2}.zip"] = new FakeFile(Now.AddDays(-50), 1);
        }

        // When
        var result = await Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/r", OlderThanDays = 30 });

        // Then: five folder listings, one detail and one delete per deleted file
        Assert.Equal(20, result.Deleted.Count);
        Assert.Equal(5, service.RequestsTo(HttpMethod.Get, "/file-tree").Count());
        Assert.Equal(20 * 2 + 5, service.Requests.Count);
    }

    [Fact]
    public async Task Should_Throw_If_Cancelled_Before_The_First_Delete_Was_Sent()
    {
        // Given the token cancelled while the first file's detail is read
        var service = Builds(3);
        using var cancellation = new CancellationTokenSource();
        service.Intercept = async (request, token) =>
        {
            if (request.Path.EndsWith("/file-detail", StringComparison.Ordinal))
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            }

            return null;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Job(service).RunAsync(new CleanupOptions { Repository = Repository, RootPath = "/b", MaxConcurrency = 1 }, cancellation.Token));
        Assert.Empty(service.RequestsTo(HttpMethod.Delete, "/file"));
        Assert.Equal(3, service.Files.Count);
    }
}
