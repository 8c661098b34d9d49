using System.Net;
using BenchmarkDotNet.Attributes;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Benchmarks;

/// <summary>
/// The JSON readers on the pages the jobs read most: a 1,000-entry file-tree folder (cleanup
/// walk), a 100-record release page (release versions) and one file detail (verification).
/// "Read" is the envelope reader plus the mapping to the public model, as an operation does it;
/// "Client" is the whole operation through the client's pipeline (validation, signing, retry
/// and concurrency handlers) over an in-memory transport, so the difference is the per-call
/// overhead around the reader.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class JsonReaderBenchmarks
{
    private const string DetailPath = "/app/1.0.0/app-1.0.0.zip";
    private const string DetailSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private readonly byte[] _treePage = Payloads.FileTreePage(1_000);
    private readonly byte[] _releasePage = Payloads.ReleasePage(100);
    private readonly byte[] _detail = Payloads.FileDetail(DetailPath, DetailSha256);
    private readonly TimeSpan _serviceOffset = TimeSpan.FromHours(8);
    private ResultReader _reader = null!;
    private HttpResponseMessage _response = null!;
    private CodeArtifactClient _treeClient = null!;
    private CodeArtifactClient _releaseClient = null!;
    private CodeArtifactClient _detailClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options(_treePage);
        _reader = new ResultReader(new ErrorTranslator(options, new Sanitizer()));
        _response = new HttpResponseMessage(HttpStatusCode.OK);
        _treeClient = new CodeArtifactClient(options);
        _releaseClient = new CodeArtifactClient(Options(_releasePage));
        _detailClient = new CodeArtifactClient(Options(_detail));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _response.Dispose();
        _treeClient.Dispose();
        _releaseClient.Dispose();
        _detailClient.Dispose();
    }

    [Benchmark(Description = "Read file tree, 1,000 entries")]
    public FileTree ReadFileTreePage() =>
        _reader.Read(new RequestState("ShowFileTree", RequestAuth.Configured), ApiEnvelope.V5, _response, _treePage, CodeArtifactJsonContext.Default.FileTreeDto)
            .ToModel(Payloads.Repository, "/app", _serviceOffset);

    [Benchmark(Description = "Read release page, 100 records")]
    public ReleaseFilePage ReadReleasePage() =>
        _reader.Read(new RequestState("ShowProjectReleaseFiles", RequestAuth.Configured), ApiEnvelope.None, _response, _releasePage, CodeArtifactJsonContext.Default.ReleaseFilesResponseDto)
            .Result!.ToModel();

    [Benchmark(Description = "Read file detail")]
    public FileDetail ReadFileDetail() =>
        _reader.Read(new RequestState("ListArtifactoryComponent", RequestAuth.Configured), ApiEnvelope.V5, _response, _detail, CodeArtifactJsonContext.Default.FileDetailDto)
            .ToModel(Payloads.Repository, DetailPath, _serviceOffset);

    [Benchmark(Description = "Client GetFileTreeAsync, 1,000 entries")]
    public Task<FileTree> ClientFileTree() => _treeClient.GetFileTreeAsync(Payloads.Repository, "/app");

    [Benchmark(Description = "Client GetReleaseFilesAsync, 100 records")]
    public Task<ReleaseFilePage> ClientReleasePage() => _releaseClient.GetReleaseFilesAsync("app.zip", 100, 0);

    [Benchmark(Description = "Client GetFileDetailAsync")]
    public Task<FileDetail> ClientFileDetail() => _detailClient.GetFileDetailAsync(Payloads.Repository, DetailPath, "generic");

    private static CodeArtifactClientOptions Options(byte[] answer) => new()
    {
        Endpoint = new Uri("https://artifact.cn-north-4.myhuaweicloud.com"),
        TenantId = Payloads.TenantId,
        ProjectId = Payloads.ProjectId,
        Credentials = new AccessKeyCredentials("CAEMUDEVACCESSKEY001", new Secret("CAEmuDevSecretKey0000000000000000000001")),
        Transport = new CannedAnswerHandler(answer),
    };
}
