using System.Text;
using BenchmarkDotNet.Attributes;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Benchmarks;

/// <summary>
/// The AK/SK signer: the pure function on a file-detail GET and on a delete with a JSON body, and
/// the per-attempt step of the pipeline (headers removed, re-signed, added to the message).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class SignerBenchmarks
{
    private const string AccessKey = "CAEMUDEVACCESSKEY001";
    private const string TenantId = "c0dea7f1ac7e4e55a00000000000d001";
    private const string ProjectId = "c0dea7f1ac7e4e55b00000000000p001";
    private const string Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1";

    private static readonly byte[] SecretKey = Encoding.UTF8.GetBytes("CAEmuDevSecretKey0000000000000000000001");
    private static readonly string DetailPath = $"/cloudartifact/v5/{TenantId}/{ProjectId}/{Repository}/file-detail";

    private readonly KeyValuePair<string, string>[] _detailQuery = [new("path", "/app/1.0.0/app-1.0.0.zip"), new("format", "generic")];
    private readonly KeyValuePair<string, string>[] _headers =
    [
        new("Host", "artifact.cn-north-4.myhuaweicloud.com"),
        new("X-Sdk-Date", "20250102T030405Z"),
        new("X-Project-Id", ProjectId),
        new("Content-Type", "application/json"),
    ];

    private readonly byte[] _deleteBody = Encoding.UTF8.GetBytes($"{{\"path\":\"{Repository}/app/1.0.0/app-1.0.0.zip\"}}");
    private RequestAuthenticator _authenticator = null!;
    private HttpRequestMessage _request = null!;
    private RequestState _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new CodeArtifactClientOptions
        {
            Endpoint = new Uri("https://artifact.cn-north-4.myhuaweicloud.com"),
            TenantId = TenantId,
            ProjectId = ProjectId,
            Credentials = new AccessKeyCredentials(AccessKey, new Secret(Encoding.UTF8.GetString(SecretKey))),
        };
        _authenticator = new RequestAuthenticator(options, tokens: null);
        _request = new HttpRequestMessage(HttpMethod.Get, $"https://artifact.cn-north-4.myhuaweicloud.com{DetailPath}?path=%2Fapp%2F1.0.0%2Fapp-1.0.0.zip&format=generic");
        _state = new RequestState("ListArtifactoryComponent", RequestAuth.Configured);
    }

    [GlobalCleanup]
    public void Cleanup() => _request.Dispose();

    [Benchmark(Baseline = true, Description = "Sign GET file-detail")]
    public SignedRequest SignFileDetailGet() =>
        SdkHmacSigner.Sign("GET", DetailPath, _detailQuery, _headers, ReadOnlySpan<byte>.Empty, AccessKey, SecretKey);

    [Benchmark(Description = "Sign DELETE file with JSON body")]
    public SignedRequest SignDeleteWithBody() =>
        SdkHmacSigner.Sign("DELETE", "/cloudartifact/v5/file", [], _headers, _deleteBody, AccessKey, SecretKey);

    [Benchmark(Description = "Pipeline step: authenticate one attempt")]
    public async Task<Secret?> AuthenticateAttempt() =>
        await _authenticator.ApplyAsync(_request, _state, CancellationToken.None).ConfigureAwait(false);
}
