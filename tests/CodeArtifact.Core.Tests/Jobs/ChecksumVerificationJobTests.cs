using System.Net;
using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class ChecksumVerificationJobTests : IDisposable
{
    private const string Repository = FakeArtifactService.Repository;

    private readonly FakeArtifactService _service = new();
    private readonly List<CodeArtifactLogEvent> _log = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-verify-").FullName;

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

    private static string Sha(string content, Func<byte[], byte[]> hash) => Convert.ToHexString(hash(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    [Fact]
    public async Task Should_Classify_Each_File()
    {
        // Given one file of each outcome
        Remote("/app/same.zip", "same");
        Remote("/app/changed.zip", "remot");
        var files = new[]
        {
            new VerifyFileRequest(Local("same.zip", "same"), "/app/same.zip"),
            new VerifyFileRequest(Local("changed.zip", "local"), "/app/changed.zip"),
            new VerifyFileRequest(Local("new.zip", "new"), "/app/new.zip"),
            new VerifyFileRequest(Path.Combine(_folder, "absent.zip"), "/app/same.zip"),
        };

        // When
        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = files, Repository = Repository });

        // Then: in input order, with SHA-256 (Auto's choice whenever the repository reports it)
        Assert.Equal(
            [VerificationStatus.Verified, VerificationStatus.Mismatch, VerificationStatus.MissingRemotely, VerificationStatus.UnreadableLocally],
            result.Files.Select(f => f.Status));
        Assert.Equal((1, 1, 1, 1), (result.Verified, result.Mismatched, result.Missing, result.Failed));

        var verified = result.Files[0];
        Assert.Equal("SHA256", verified.Algorithm);
        Assert.Equal(Sha("same", SHA256.HashData), verified.LocalHash);
        Assert.Equal(verified.LocalHash, verified.RemoteHash);
        Assert.Equal($"https://cloudartifacts-backend.example.test/artgalaxy/{Repository}/app/same.zip", verified.DownloadUri);

        var mismatch = result.Files[1];
        Assert.Equal(Sha("local", SHA256.HashData), mismatch.LocalHash);
        Assert.Equal(Sha("remot", SHA256.HashData), mismatch.RemoteHash);

        Assert.NotNull(result.Files[2].Error);
        Assert.Null(result.Files[2].LocalHash);
        Assert.Contains("does not exist", result.Files[3].Error, StringComparison.Ordinal);

        // The absent local file cost no request; the others one file detail each (and the file
        // missing remotely at most one look-up of its repository: none once another file was found there)
        Assert.Equal(3, _service.RequestsTo(HttpMethod.Get, "/file-detail").Count());
        Assert.All(_service.RequestsTo(HttpMethod.Get, "/file-detail"), r => Assert.Equal("generic", r.QueryValue("format")));
        Assert.InRange(_service.RequestsTo(HttpMethod.Get, "/repositories/" + Repository).Count(), 0, 1);
    }

    [Fact]
    public async Task Should_Use_The_Algorithm_Asked_For()
    {
        Remote("/a.bin", "abc");

        var result = await Job().RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a.bin", "abc"), "/a.bin")],
            Repository = Repository,
            Algorithm = ChecksumAlgorithm.Md5,
        });

        var file = Assert.Single(result.Files);
        Assert.Equal(VerificationStatus.Verified, file.Status);
        Assert.Equal("MD5", file.Algorithm);
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", file.LocalHash);
    }

    [Fact]
    public async Task Should_Fall_Back_To_Sha512_If_The_Repository_Has_No_Sha256()
    {
        // Given a detail answer with SHA-512 and MD5 only
        var sha512 = Sha("y", SHA512.HashData);
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json(FakeArtifactService.Envelope(
            $$"""{"repo":"{{Repository}}","path":"/y","name":"y","size":"1","checksums":{"sha512":"{{sha512}}","md5":"415290769594460e2e485922904f345d","sha256":null} }""")));

        // When
        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(Local("y", "y"), "/y")], Repository = Repository });

        // Then the speculative SHA-256 is dropped and the file is read again for SHA-512
        var file = Assert.Single(result.Files);
        Assert.Equal("SHA512", file.Algorithm);
        Assert.Equal(VerificationStatus.Verified, file.Status);
        Assert.Equal(sha512, file.LocalHash);
    }

    [Fact]
    public async Task Should_Pick_Sha256_If_The_Repository_Has_No_Sha512_And_Compare_Case_Insensitively()
    {
        // Given a detail answer with upper-case SHA-256 and MD5 only
        var sha256 = Sha("x", SHA256.HashData).ToUpperInvariant();
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json(FakeArtifactService.Envelope(
            $$"""{"repo":"{{Repository}}","path":"/x","name":"x","size":"1","checksums":{"sha256":"{{sha256}}","md5":"9dd4e461268c8034f5c8564e155c67a6","sha1":null,"sha512":""} }""")));

        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(Local("x", "x"), "/x")], Repository = Repository });

        var file = Assert.Single(result.Files);
        Assert.Equal("SHA256", file.Algorithm);
        Assert.Equal(VerificationStatus.Verified, file.Status);
        Assert.Equal(sha256.ToLowerInvariant(), file.RemoteHash);
    }

    [Theory]
    [InlineData(true, ProblemSeverity.Error)]
    [InlineData(false, ProblemSeverity.Warning)]
    public async Task Should_Give_No_Remote_Digest_Its_Own_Verdict_If_The_Repository_Has_No_Checksum(bool failOnMismatch, ProblemSeverity severity)
    {
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json(FakeArtifactService.Envelope(
            $$"""{"repo":"{{Repository}}","path":"/x","name":"x","size":"1","checksums":{ } }""")));

        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(Local("x", "x"), "/x")], Repository = Repository, FailOnMismatch = failOnMismatch });

        // Then not a mismatch in disguise: its own verdict, and one CART0304 line that fails as a mismatch would
        var file = Assert.Single(result.Files);
        Assert.Equal(VerificationStatus.NoRemoteDigest, file.Status);
        Assert.Null(file.LocalHash);
        Assert.Contains("no checksum at all", file.Error, StringComparison.Ordinal);
        Assert.Equal((0, 1), (result.Mismatched, result.WithoutRemoteDigest));
        var problem = Assert.Single(result.Problems);
        Assert.Equal((severity, ErrorCodes.NoCommonAlgorithm), (problem.Severity, problem.Code));
        Assert.Contains("cannot be verified", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log, e => e.Severity == LogSeverity.Warning);
    }

    [Fact]
    public async Task Should_Give_No_Remote_Digest_If_The_Algorithm_Asked_For_Is_Not_Reported()
    {
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json(FakeArtifactService.Envelope(
            $$"""{"repo":"{{Repository}}","path":"/x","name":"x","size":"1","checksums":{"sha256":"{{Sha("x", SHA256.HashData)}}"} }""")));

        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(Local("x", "x"), "/x")], Repository = Repository, Algorithm = ChecksumAlgorithm.Sha512 });

        var file = Assert.Single(result.Files);
        Assert.Equal(VerificationStatus.NoRemoteDigest, file.Status);
        Assert.Equal("SHA512", file.Algorithm);
        Assert.Contains("no SHA512 checksum", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Use_Each_Files_Own_Repository_And_Format()
    {
        const string other = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_npm_3";
        _service.KnownRepositories.Add(other);

        var result = await Job().RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("p.tgz", "p"), "p.tgz", other, "npm")],
            Repository = Repository,
        });

        var request = Assert.Single(_service.RequestsTo(HttpMethod.Get, "/file-detail"));
        Assert.EndsWith($"/{other}/file-detail", request.Path, StringComparison.Ordinal);
        Assert.Equal("npm", request.QueryValue("format"));
        Assert.Equal("/p.tgz", request.QueryValue("path"));
        Assert.Equal(other, Assert.Single(result.Files).Repository);
        Assert.Single(_service.RequestsTo(HttpMethod.Get, "/repositories/" + other));
    }

    [Fact]
    public async Task Should_Look_Up_Files_Concurrently()
    {
        // Given five files and a service that answers only once all five look-ups are in flight
        var files = Enumerable.Range(0, 5).Select(i =>
        {
            Remote($"/f{i}", $"c{i}");
            return new VerifyFileRequest(Local($"f{i}", $"c{i}"), $"/f{i}");
        }).ToArray();
        var inFlight = 0;
        var allAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _service.Intercept = async (_, token) =>
        {
            if (Interlocked.Increment(ref inFlight) == files.Length)
            {
                allAsked.SetResult();
            }

            await allAsked.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            return null;
        };

        // When
        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = files, Repository = Repository, MaxParallelHashing = 1 });

        // Then
        Assert.All(result.Files, f => Assert.Equal(VerificationStatus.Verified, f.Status));
    }

    [Fact]
    public async Task Should_Fail_With_One_Coded_Error_Naming_The_Repository_If_It_Refuses_Access()
    {
        // Given a repository that answers 403 CR.4102 to everything, itself included
        Remote("/a", "a");
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(
            FakeArtifactService.Json("""{"error_code":"CR.4102","error_msg":"You do not have permissions on the project.","status":"error","trace_id":"t"}""", HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a", "a"), "/a"), new VerifyFileRequest(Local("b", "b"), "/b")],
            Repository = Repository,
        }));

        Assert.Equal(ErrorCodes.RepositoryAccessDenied, error.Code);
        Assert.Equal("CR.4102", error.ServiceErrorCode);
        Assert.Contains($"\"{Repository}\"", error.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo(HttpMethod.Get, "/repositories/" + Repository));
    }

    [Fact]
    public async Task Should_Log_Each_File_And_Sum_Them_Up_In_Its_Summary()
    {
        Remote("/a", "a");

        var result = await Job().RunAsync(new ChecksumVerificationOptions { Files = [new VerifyFileRequest(Local("a", "a"), "/a")], Repository = Repository });

        Assert.Contains(_log, e => e.Severity == LogSeverity.Detail && e.Message.StartsWith("Verified ", StringComparison.Ordinal));
        Assert.Equal("Checksums: 1 verified, 0 mismatched, 0 missing remotely, 0 without a remote digest, 0 remote errors, 0 unreadable locally.", result.Summary);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Should_Call_The_Log_One_Event_At_A_Time_And_Report_Progress()
    {
        // Given 40 files worked on in parallel, and a log that notices overlapping calls
        var files = Enumerable.Range(0, 40).Select(i =>
        {
            Remote($"/p{i}", $"c{i}");
            return new VerifyFileRequest(Local($"p{i}", $"c{i}"), $"/p{i}");
        }).ToArray();
        var inside = 0;
        var overlapped = false;
        var events = new List<CodeArtifactLogEvent>();
        var job = new ChecksumVerificationJob(_service.CreateClient(), e =>
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                overlapped = true;
            }

            Thread.SpinWait(2000);
            events.Add(e);
            Interlocked.Decrement(ref inside);
        });

        // When
        await job.RunAsync(new ChecksumVerificationOptions { Files = files, Repository = Repository, MaxParallelHashing = 4 });

        // Then
        Assert.False(overlapped);
        Assert.Equal(40, events.Count(e => e.Severity == LogSeverity.Detail));
        Assert.Contains(events, e => e.Severity == LogSeverity.Info && e.Message.StartsWith("Verified 4/40 files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Return_Nothing_For_No_Files()
    {
        var result = await Job().RunAsync(new ChecksumVerificationOptions { Repository = Repository });

        Assert.Empty(result.Files);
        Assert.Empty(_service.Requests);
    }

    [Theory]
    [InlineData(null, "/a", "generic", "Repository")]
    [InlineData(Repository, "/a/../b", "generic", "Files[0].RemotePath")]
    [InlineData(Repository, "/a", "zip", "Format")]
    [InlineData("bad repo!", "/a", "generic", "Repository")]
    [InlineData("generic_3", "/a", "generic", "Repository")]
    public async Task Should_Reject_Bad_Input_Before_Any_Request(string? repository, string remotePath, string format, string parameter)
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a", "a"), remotePath)],
            Repository = repository,
            Format = format,
        }));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Empty(_service.Requests);
        if (parameter == "Repository" && repository is not null)
        {
            Assert.Contains($"\"{repository}\"", error.Message, StringComparison.Ordinal);
        }
    }
}
