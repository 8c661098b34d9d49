using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>
/// The remote side of a publish answered in-process, so that a case measures only the uploading
/// process: repository info, Maven info with a repository account, file detail (404 until a file
/// is uploaded, then the SHA-256 of the bytes received), and uploads whose body is streamed
/// through SHA-256 and dropped, as a server would read it from the socket. An optional latency
/// delays every answer, as a distant service would, without costing CPU.
/// </summary>
internal sealed class UploadSinkTransport(TimeSpan latency = default) : HttpMessageHandler
{
    public const string Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_9";
    private const string RepositoryUrl = "http://127.0.0.1:9/artgalaxy/" + Repository + "/";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly ConcurrentDictionary<string, (string Sha256, long Length)> _received = new(StringComparer.Ordinal);

    /// <summary>A client whose requests never leave the process.</summary>
    public static CodeArtifactClient Client(UploadSinkTransport transport, int? maxConcurrency = null)
    {
        var options = new CodeArtifactClientOptions
        {
            // Never contacted: the transport below answers.
            Endpoint = new Uri("http://127.0.0.1:9"),
            TenantId = FileDetailTransport.TenantId,
            ProjectId = FileDetailTransport.ProjectId,
            Credentials = new AccessKeyCredentials("CAEMUDEVACCESSKEY001", new Secret("CAEmuDevSecretKey0000000000000000000001")),
            Transport = transport,
        };
        if (maxConcurrency is { } bound)
        {
            options.MaxConcurrency = bound;
        }

        return new CodeArtifactClient(options);
    }

    /// <summary>Forgets every upload, so that the next run uploads everything again.</summary>
    public void Clear() => _received.Clear();

    /// <summary>Bytes received for <paramref name="path"/> (repository path with a leading <c>/</c>), or -1.</summary>
    public long ReceivedLength(string path) => _received.TryGetValue(path, out var file) ? file.Length : -1;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        }

        if (request.Method == HttpMethod.Put)
        {
            var path = Uri.UnescapeDataString(uri.AbsolutePath[("/artgalaxy/" + Repository).Length..]);
            using var sink = new HashingSink();
            await request.Content!.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
            _received[path] = (sink.Finish(), sink.Length);
            return Answer(HttpStatusCode.Created, "{}", request);
        }

        if (uri.AbsolutePath.EndsWith("/repositories/" + Repository, StringComparison.Ordinal))
        {
            return Answer(HttpStatusCode.OK, "{\"status\":\"success\",\"trace_id\":\"bench\",\"result\":{\"name\":\"" + Repository + "\",\"format\":\"generic\",\"url\":\"" + RepositoryUrl + "\"}}", request);
        }

        if (uri.AbsolutePath.EndsWith("/maven/info", StringComparison.Ordinal))
        {
            return Answer(HttpStatusCode.OK, "{\"status\":\"success\",\"trace_id\":\"bench\",\"result\":[{\"name\":\"cn-north-4_c0dea7f1ac7e4e55a00000000000d001_maven_1_1\",\"username\":\"bench-user\",\"password\":\"bench-password\"}]}", request);
        }

        var filePath = QueryValue(uri, "path");
        return filePath is not null && _received.TryGetValue(filePath, out var file)
            ? Answer(HttpStatusCode.OK, "{\"status\":\"success\",\"trace_id\":\"bench\",\"result\":{\"repo\":\"" + Repository + "\",\"path\":\"" + filePath + "\",\"downloadUri\":\"" + RepositoryUrl + filePath.TrimStart('/') + "\",\"size\":\"" + file.Length + "\",\"checksums\":{\"sha256\":\"" + file.Sha256 + "\"}}}", request)
            : Answer(HttpStatusCode.NotFound, "{\"error_code\":\"CR.4040\",\"error_msg\":\"file not found\",\"status\":\"error\",\"trace_id\":\"bench\"}", request);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, HttpRequestMessage request)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }

    private static string? QueryValue(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(pair[..equals]) == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    /// <summary>A write-only stream that keeps only the SHA-256 and the length of what is written.</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public string Finish() => Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            Position += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
