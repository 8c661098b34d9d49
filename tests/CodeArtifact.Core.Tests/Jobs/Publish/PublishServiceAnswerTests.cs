using System.Net;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Core.Tests.Http;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>
/// What the job does with answers the emulator never gives: a repository that turns out to be a
/// Maven one, no URL, a plain-http URL to another host, refused uploads, a look-up refused, a
/// repository holding other bytes after the upload. Over a fake transport.
/// </summary>
public sealed class PublishServiceAnswerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-publish-fake-").FullName;
    private readonly FakePublishService _service = new();
    private readonly List<CodeArtifactLogEvent> _log = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PublishOptions Options(int count) => new()
    {
        Repository = FakePublishService.RepositoryId,
        Files = PublishTestFiles.Requests(Enumerable.Range(0, count).Select(i => PublishTestFiles.Write(_folder, $"f{i}.zip", $"/app/f{i}.zip", 100 + i, seed: i))),
    };

    private void Log(CodeArtifactLogEvent e)
    {
        lock (_log)
        {
            _log.Add(e);
        }
    }

    [Fact]
    public async Task Should_Refuse_A_Repository_The_Service_Describes_As_Maven_Before_Any_Upload()
    {
        _service.Format = "maven2";
        using var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client).RunAsync(Options(2)));

        Assert.Equal(ErrorCodes.PublishMavenRepositoryRefused, error.Code);
        Assert.Empty(_service.Puts);
    }

    [Fact]
    public async Task Should_Fail_With_A_Code_If_The_Repository_Has_No_Url()
    {
        _service.RepositoryUrl = null;
        using var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client).RunAsync(Options(1)));

        Assert.Equal(ErrorCodes.NoRepositoryUrl, error.Code);
        Assert.Contains(FakePublishService.RepositoryId, error.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Puts);
    }

    [Fact]
    public async Task Should_Refuse_A_Plain_Http_Repository_Url_To_Another_Host()
    {
        _service.RepositoryUrl = "http://repo.example.test/artgalaxy/" + FakePublishService.RepositoryId + "/";
        using var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client).RunAsync(Options(1)));

        Assert.Equal(ErrorCodes.InsecureEndpoint, error.Code);
        Assert.Empty(_service.Puts);
    }

    [Fact]
    public async Task Should_Stop_Uploading_After_A_401_And_Never_Show_The_Repository_Password()
    {
        // Given a repository that refuses the account, quoting the request's credentials back
        _service.Upload = r => FakeHttpHandler.Json(
            HttpStatusCode.Unauthorized,
            "{\"errors\":[{\"status\":401,\"message\":\"Bad credentials: " + r.Header("Authorization") + " / " + FakePublishService.RepositoryPassword + "\"}]}");
        using var client = _service.CreateClient(maxConcurrency: 1);

        // When
        var result = await new PublishJob(client, Log).RunAsync(Options(5) with { MaxConcurrency = 1 });

        // Then one upload was sent, and every file failed with the upload code
        Assert.Single(_service.Puts);
        Assert.Equal(5, result.Failed.Count);
        Assert.All(result.Failed, f => Assert.Equal(ErrorCodes.UploadFailed, f.Code));
        Assert.Equal(4, result.Failed.Count(f => f.Error!.StartsWith("Not sent: ", StringComparison.Ordinal)));
        Assert.Equal(5, result.Problems.Count);
        Assert.All(result.Files, f => Assert.False(f.Stored));
        Assert.Equal(FakePublishService.RepositoryUser, result.RepositoryUser);

        // And the password (and its basic-auth form) is nowhere in what the run produced
        var basic = _service.Puts[0].Header("Authorization")!;
        Assert.StartsWith("Basic ", basic, StringComparison.Ordinal);
        var texts = string.Join(
            "\n",
            _log.Select(e => e.ToString())
                .Concat(_service.ClientLog.Select(e => e.ToString()))
                .Concat(result.Problems.Select(p => p.ToString()))
                .Concat(result.Files.Select(f => f.Error ?? string.Empty))
                .Append(result.Summary)
                .Append(JobReport.ToJson(result))
                .Append(JobReport.ToMarkdown(result)));
        Assert.Contains("401", texts, StringComparison.Ordinal);
        Assert.DoesNotContain(FakePublishService.RepositoryPassword, texts, StringComparison.Ordinal);
        Assert.DoesNotContain(basic["Basic ".Length..], texts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Keep_Uploading_The_Others_If_One_Upload_Fails()
    {
        _service.Upload = r => r.Uri.AbsolutePath.EndsWith("/f1.zip", StringComparison.Ordinal)
            ? FakeHttpHandler.Json(HttpStatusCode.Conflict, "{\"message\":\"locked\"}")
            : FakeHttpHandler.Json(HttpStatusCode.Created, "{}");
        using var client = _service.CreateClient();

        var result = await new PublishJob(client).RunAsync(Options(3) with { Verify = false });

        Assert.Equal([PublishFileStatus.Uploaded, PublishFileStatus.Failed, PublishFileStatus.Uploaded], result.Files.Select(f => f.Status));
        Assert.Equal(ErrorCodes.UploadFailed, result.Files[1].Code);
        Assert.Contains("409", result.Files[1].Error, StringComparison.Ordinal);
        Assert.Equal(3, _service.Puts.Count);
        Assert.Equal("failed", ReportOutcome(result));
    }

    [Fact]
    public async Task Should_Stop_Before_Any_Upload_If_A_Look_Up_Is_Refused()
    {
        _service.Detail = r => r.Uri.Query.Contains("f2.zip", StringComparison.Ordinal)
            ? FakeHttpHandler.Json(HttpStatusCode.Forbidden, "{\"error_code\":\"CR.4102\",\"error_msg\":\"no permission\"}")
            : null;
        using var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client).RunAsync(Options(4)));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Empty(_service.Puts);
    }

    [Fact]
    public async Task Should_Report_A_Verification_Failure_As_Stored_But_Failed()
    {
        // Given a repository that, after the upload, reports other bytes for one file
        using var client = _service.CreateClient();
        var uploaded = false;
        _service.Detail = r => uploaded && r.Uri.Query.Contains("f0.zip", StringComparison.Ordinal)
            ? FakeHttpHandler.Json(HttpStatusCode.OK, "{\"status\":\"success\",\"result\":{\"path\":\"/app/f0.zip\",\"checksums\":{\"sha256\":\"" + new string('0', 64) + "\"}}}")
            : null;
        var options = Options(2);
        _service.Upload = r =>
        {
            uploaded = true;
            return FakeHttpHandler.Json(HttpStatusCode.Created, "{}");
        };

        // When
        var result = await new PublishJob(client).RunAsync(options);

        // Then that file is failed, but reported as stored so the report says what changed
        var failed = result.Files[0];
        Assert.Equal((PublishFileStatus.Failed, ErrorCodes.PublishVerificationFailed, true, false), (failed.Status, failed.Code, failed.Stored, failed.Verified));
        Assert.Contains(new string('0', 64), failed.Error, StringComparison.Ordinal);
        Assert.Equal(PublishFileStatus.Failed, result.Files[1].Status);
        Assert.Equal(ErrorCodes.PublishVerificationFailed, result.Files[1].Code);
        Assert.Equal(result.Files.Sum(f => f.Size), result.BytesUploaded);
    }

    private static string ReportOutcome(PublishResult result) =>
        System.Text.Json.JsonDocument.Parse(JobReport.ToJson(result)).RootElement.GetProperty("outcome").GetString()!;
}
