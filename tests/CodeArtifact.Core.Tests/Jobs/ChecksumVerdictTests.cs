using System.Net;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>A verdict for every file: one file's failure never hides the others', and the rule of what fails the run is Core's.</summary>
public sealed class ChecksumVerdictTests : IDisposable
{
    private const string Repository = FakeArtifactService.Repository;

    private readonly FakeArtifactService _service = new();
    private readonly List<CodeArtifactLogEvent> _log = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-verdicts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ChecksumVerificationJob Job(Action<CodeArtifactClientOptions>? configure = null) =>
        new(_service.CreateClient(configure), e => { lock (_log) { _log.Add(e); } });

    private string Local(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private void Remote(string path, string content) => _service.Files[path] = new FakeFile(DateTimeOffset.UnixEpoch, content.Length, content);

    private static Task<HttpResponseMessage?> Answer(string json, HttpStatusCode status) =>
        Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json(json, status));

    [Fact]
    public async Task Should_Give_46_Verdicts_And_4_Failures_For_50_Files_With_3_Failed_Lookups_And_1_Unreadable_File()
    {
        // Given 50 published files; the look-ups of f10, f20 and f30 fail (403; 200 with status
        // "error"; 503 until the retries run out), and f40 is held open exclusively, so it cannot be read
        var files = Enumerable.Range(0, 50).Select(i =>
        {
            Remote($"/f{i}", $"content {i}");
            return new VerifyFileRequest(Local($"f{i}", $"content {i}"), $"/f{i}");
        }).ToArray();
        _service.Intercept = (request, _) => request.QueryValue("path") switch
        {
            "/f10" => Answer("""{"error_code":"CR.4102","error_msg":"You do not have permissions on the project.","status":"error","trace_id":"t-403"}""", HttpStatusCode.Forbidden),
            "/f20" => Answer("""{"status":"error","trace_id":"t-200","error_code":"CR.5000","error_msg":"Unknown service error.","result":null}""", HttpStatusCode.OK),
            "/f30" => Answer("""{"error_code":"APIGW.0203","error_msg":"Backend unavailable.","request_id":"r-503"}""", HttpStatusCode.ServiceUnavailable),
            _ => Task.FromResult<HttpResponseMessage?>(null),
        };
        using var held = new FileStream(files[40].LocalPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        // When
        var result = await Job(o =>
        {
            o.MaxRetries = 2;
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(2);
        }).RunAsync(new ChecksumVerificationOptions { Files = files, Repository = Repository });

        // Then every file has its verdict, in the order given
        Assert.Equal(files.Select(f => f.LocalPath), result.Files.Select(f => f.LocalPath));
        Assert.Equal(46, result.Verified);
        Assert.Equal((3, 1, 4), (result.RemoteErrors, result.Unreadable, result.Failed));
        Assert.Equal(["f10", "f20", "f30", "f40"], result.FailedFiles.Select(f => Path.GetFileName(f.LocalPath)));
        Assert.All(result.FailedFiles, f => Assert.False(string.IsNullOrWhiteSpace(f.Error)));

        // And each remote error keeps its error's codes
        var (forbidden, errorStatus, unavailable) = (result.Files[10], result.Files[20], result.Files[30]);
        Assert.Equal((ErrorCodes.PermissionDenied, "CR.4102", 403), (forbidden.ErrorCode, forbidden.ServiceErrorCode, forbidden.HttpStatus));
        Assert.Equal((ErrorCodes.ErrorStatus, "CR.5000", 200), (errorStatus.ErrorCode, errorStatus.ServiceErrorCode, errorStatus.HttpStatus));
        Assert.Equal((ErrorCodes.ServiceError, 503), (unavailable.ErrorCode, unavailable.HttpStatus));
        Assert.Contains("Gave up after 3 attempts", unavailable.Error, StringComparison.Ordinal);
        Assert.Equal(3, _service.Requests.Count(r => r.QueryValue("path") == "/f30"));
        Assert.Equal(VerificationStatus.UnreadableLocally, result.Files[40].Status);

        // And Problems holds exactly the four coded errors, in file order
        Assert.Equal(
            [(ErrorCodes.RemoteLookupFailed, "f10"), (ErrorCodes.RemoteLookupFailed, "f20"), (ErrorCodes.RemoteLookupFailed, "f30"), (ErrorCodes.UnreadableLocally, "f40")],
            result.Problems.Select(p => (p.Code, Path.GetFileName(p.Subject!))));
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));
        Assert.Contains("CR.4102", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("Checksums: 46 verified, 0 mismatched, 0 missing remotely, 0 without a remote digest, 3 remote errors, 1 unreadable locally.", result.Summary);

        // And the repository was asked about at most once (not at all once a file was found in it)
        Assert.InRange(_service.RequestsTo(HttpMethod.Get, "/repositories/" + Repository).Count(), 0, 1);
    }

    [Fact]
    public async Task Should_Give_A_Remote_Error_For_A_500()
    {
        Remote("/a", "a");
        Remote("/b", "b");
        _service.Intercept = (request, _) => request.QueryValue("path") == "/b"
            ? Answer("""{"error_code":"CR.5000","error_msg":"Unknown service error."}""", HttpStatusCode.InternalServerError)
            : Task.FromResult<HttpResponseMessage?>(null);

        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(Local("a", "a"), "/a"), new VerifyFileRequest(Local("b", "b"), "/b")], Repository = Repository });

        Assert.Equal([VerificationStatus.Verified, VerificationStatus.RemoteError], result.Files.Select(f => f.Status));
        Assert.Equal((ErrorCodes.ServiceError, "CR.5000", 500), (result.Files[1].ErrorCode, result.Files[1].ServiceErrorCode, result.Files[1].HttpStatus));
        Assert.Equal(ErrorCodes.RemoteLookupFailed, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Should_Find_A_Size_Mismatch_Without_Hashing()
    {
        // Given a repository that reports 3 bytes and a SHA-256 nobody could compute from the local file
        var local = Local("big", new string('x', 10));
        _service.Intercept = (_, _) => Answer(
            FakeArtifactService.Envelope($$"""{"repo":"{{Repository}}","path":"/big","name":"big","size":"3","checksums":{"sha256":"{{new string('0', 64)}}"} }"""),
            HttpStatusCode.OK);

        // When
        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(local, "/big")], Repository = Repository });

        // Then a mismatch by size, with no digest compared
        var file = Assert.Single(result.Files);
        Assert.Equal(VerificationStatus.Mismatch, file.Status);
        Assert.Equal((10L, 3L), (file.LocalSize, file.RemoteSize));
        Assert.Null(file.LocalHash);
        Assert.Null(file.Algorithm);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Error, ErrorCodes.ChecksumMismatch), (problem.Severity, problem.Code));
        Assert.Equal($"{local} does not match {Repository}:/big: the local size is 10 bytes, the repository has 3 bytes. Publish the file again, or find out which side changed.", problem.Message);
    }

    [Theory]
    [InlineData(true, true, ProblemSeverity.Error, ProblemSeverity.Error)]
    [InlineData(false, true, ProblemSeverity.Warning, ProblemSeverity.Error)]
    [InlineData(true, false, ProblemSeverity.Error, ProblemSeverity.Warning)]
    [InlineData(false, false, ProblemSeverity.Warning, ProblemSeverity.Warning)]
    public async Task Should_Fail_On_Mismatch_And_Missing_As_The_Options_Say(bool failOnMismatch, bool failOnMissing, ProblemSeverity mismatch, ProblemSeverity missing)
    {
        Remote("/changed", "remote");
        var options = new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("changed", "locals"), "/changed"), new VerifyFileRequest(Local("new", "new"), "/new")],
            Repository = Repository,
            FailOnMismatch = failOnMismatch,
            FailOnMissing = failOnMissing,
        };

        var result = await Job().RunAsync(options);

        Assert.Equal(
            [(mismatch, ErrorCodes.ChecksumMismatch), (missing, ErrorCodes.MissingRemotely)],
            result.Problems.Select(p => (p.Severity, p.Code)));
        Assert.StartsWith(options.Files[0].LocalPath + " does not match " + Repository + ":/changed: the local SHA256 is ", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{options.Files[1].LocalPath} is not in the repository at {Repository}:/new. Publish it, or correct RemotePath and Repository.", result.Problems[1].Message);
    }

    [Fact]
    public async Task Should_Fail_With_One_Coded_Error_Naming_A_Repository_That_Does_Not_Exist()
    {
        // Given ten files in a repository the service does not know
        const string absent = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_generic_99";
        var files = Enumerable.Range(0, 10).Select(i => new VerifyFileRequest(Local($"m{i}", "m"), $"/m{i}", absent)).ToArray();

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ChecksumVerificationOptions { Files = files, Repository = Repository }));

        // Then one CART0306 naming it, not ten "missing remotely", after one look-up of the repository
        Assert.Equal(ErrorCodes.RepositoryNotFound, error.Code);
        Assert.Contains($"Repository \"{absent}\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(404, error.HttpStatus);
        Assert.Single(_service.RequestsTo(HttpMethod.Get, "/repositories/" + absent));
    }

    [Fact]
    public async Task Should_Not_Call_A_Repository_Missing_If_One_Of_Its_Files_Was_Found()
    {
        // Given a repository whose own look-up fails (no permission to describe it), holding one of two files
        Remote("/here", "here");
        _service.KnownRepositories.Clear();

        var result = await Job(o => o.MaxConcurrency = 1).RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("here", "here"), "/here"), new VerifyFileRequest(Local("gone", "gone"), "/gone")],
            Repository = Repository,
        });

        Assert.Equal([VerificationStatus.Verified, VerificationStatus.MissingRemotely], result.Files.Select(f => f.Status));
    }

    [Fact]
    public async Task Should_Fail_With_The_Authentication_Error_If_The_Service_Refuses_The_Credentials()
    {
        _service.Intercept = (_, _) => Answer("""{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"r"}""", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a", "a"), "/a"), new VerifyFileRequest(Local("b", "b"), "/b")],
            Repository = Repository,
        }));

        Assert.Equal(ErrorCodes.AuthenticationFailed, error.Code);
        Assert.Equal("APIGW.0301", error.ServiceErrorCode);
    }

    [Fact]
    public async Task Should_Refuse_A_Malformed_Repository_Id_Before_Any_Request()
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a", "a"), "/a"), new VerifyFileRequest(Local("b", "b"), "/b", "generic_3")],
            Repository = Repository,
        }));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("Files[1].Repository", error.ParameterName);
        Assert.Contains("\"generic_3\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("{region}_{domainId}_{format}_{sequence}", error.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }
}
