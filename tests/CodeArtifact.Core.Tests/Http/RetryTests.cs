using System.Diagnostics;
using System.Net;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core.Tests.Http;

public sealed class RetryTests
{
    [Fact]
    public async Task Should_Wait_Retry_After_Seconds_If_Throttled()
    {
        // Given
        using var client = new TestClient(r => r.Index == 1
            ? FakeHttpHandler.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "1"))
            : FakeHttpHandler.Ok());

        // When
        var result = await client.SendAsync();

        // Then
        Assert.Equal("ok", result.Name);
        var requests = client.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].Time - requests[0].Time >= TimeSpan.FromSeconds(1), $"waited {requests[1].Time - requests[0].Time}");
        // A retry that then succeeds is a notice, never a warning (a -warnaserror build passes).
        Assert.Empty(client.Warnings);
        var warning = Assert.Single(client.RetryNotices);
        Assert.Equal(LogSeverity.Info, warning.Severity);
        Assert.Contains("ShowFileTree", warning.Message);
        Assert.Contains("HTTP 429", warning.Message);
        Assert.Contains("retrying in 1 s", warning.Message);
        Assert.Contains("attempt 2 of 5", warning.Message);
    }

    [Fact]
    public async Task Should_Wait_Until_Retry_After_Date_If_Given_As_Date()
    {
        // Given
        TestClient? client = null;
        client = new TestClient(r => r.Index == 1
            ? FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", (client!.Time.GetUtcNow() + TimeSpan.FromSeconds(7)).ToString("R")))
            : FakeHttpHandler.Ok());

        // When
        await client.SendAsync();

        // Then
        var requests = client.Handler.Requests;
        Assert.True(requests[1].Time - requests[0].Time >= TimeSpan.FromSeconds(6), $"waited {requests[1].Time - requests[0].Time}");
        client.Dispose();
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Should_Retry_If_Gateway_Or_Service_Is_Unavailable(HttpStatusCode status)
    {
        using var client = new TestClient(r => r.Index < 3 ? FakeHttpHandler.Status(status) : FakeHttpHandler.Ok());

        var result = await client.SendAsync();

        Assert.Equal("ok", result.Name);
        Assert.Equal(3, client.Handler.Count);
        Assert.Equal(2, client.RetryNotices.Count);
        Assert.Empty(client.Warnings);
    }

    [Fact]
    public async Task Should_Retry_If_Connection_Is_Dropped()
    {
        using var client = new TestClient((r, _) => r.Index == 1
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("Connection reset by peer"))
            : Task.FromResult(FakeHttpHandler.Ok()));

        var result = await client.SendAsync();

        Assert.Equal("ok", result.Name);
        Assert.Equal(2, client.Handler.Count);
        Assert.Contains("connection failed (ResponseEnded)", Assert.Single(client.RetryNotices).Message);
    }

    [Fact]
    public async Task Should_Retry_If_Body_Is_Cut_Off()
    {
        using var client = new TestClient(r => r.Index == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) }
            : FakeHttpHandler.Ok());

        var result = await client.SendAsync();

        Assert.Equal("ok", result.Name);
        Assert.Equal(2, client.Handler.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ErrorCodes.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized, ErrorCodes.AuthenticationFailed)]
    [InlineData(HttpStatusCode.Forbidden, ErrorCodes.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, ErrorCodes.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError, ErrorCodes.ServiceError)]
    public async Task Should_Not_Retry_If_Status_Is_Not_Transient(HttpStatusCode status, string code)
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(status));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(code, error.Code);
        Assert.Equal((int)status, error.HttpStatus);
        Assert.Equal(1, client.Handler.Count);
        Assert.Empty(client.Warnings);
    }

    [Fact]
    public async Task Should_Stop_After_MaxRetries_And_Say_Which_Option_To_Raise()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable), o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(4, client.Handler.Count);
        Assert.Equal(3, client.RetryNotices.Count);
        Assert.Equal(ErrorCodes.ServiceError, error.Code);
        Assert.Contains("ShowFileTree", error.Message);
        Assert.Contains("Gave up after 4 attempts", error.Message);
        Assert.Contains("MaxRetries (now 3)", error.Message);
    }

    [Fact]
    public async Task Should_Send_Once_If_MaxRetries_Is_Zero()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.TooManyRequests), o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(1, client.Handler.Count);
        Assert.Equal(ErrorCodes.Throttled, error.Code);
        Assert.Contains("MaxRetries is 0", error.Message);
    }

    [Fact]
    public async Task Should_Back_Off_Exponentially_If_No_Retry_After()
    {
        using var client = new TestClient(r => r.Index < 4 ? FakeHttpHandler.Status(HttpStatusCode.BadGateway) : FakeHttpHandler.Ok(),
            o => o.RetryDelay = TimeSpan.FromSeconds(2));

        await client.SendAsync();

        var requests = client.Handler.Requests;
        Assert.Equal(4, requests.Count);
        var total = requests[3].Time - requests[0].Time;

        // Jittered exponential backoff of 2 s: about 2 + 4 + 8 s, never nothing.
        Assert.True(total >= TimeSpan.FromSeconds(3), $"waited {total} in all");
    }

    [Fact]
    public async Task Should_Not_Retry_If_Retry_After_Is_Too_Long()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "3600")));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(1, client.Handler.Count);
        Assert.Contains("Not retried", error.Message);
        Assert.Contains("Retry-After", error.Message);
    }

    [Fact]
    public async Task Should_Sign_Every_Attempt_Afresh()
    {
        // Given
        using var client = new TestClient(r => r.Index == 1
            ? FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", "2"))
            : FakeHttpHandler.Ok());

        // When
        await client.SendAsync(TestClient.Request(method: HttpMethod.Post, body: "{\"a\":1}"u8.ToArray()));

        // Then
        var requests = client.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0].Header("X-Sdk-Date"), requests[1].Header("X-Sdk-Date"));
        Assert.NotEqual(requests[0].Header("Authorization"), requests[1].Header("Authorization"));
        foreach (var request in requests)
        {
            Assert.Equal("{\"a\":1}", request.BodyText);
            Assert.Equal(Resign(request), request.Header("Authorization"));
        }
    }

    [Fact]
    public async Task Should_Stop_Within_One_Second_If_Cancelled_During_An_Attempt()
    {
        using var client = new TestClient(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHttpHandler.Ok();
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(
            () => client.Connection.SendAsync(TestClient.Request(), TestJsonContext.Default.TestResult, cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Should_Stop_Within_One_Second_If_Cancelled_While_Waiting_To_Retry()
    {
        // The fake clock is never advanced, so the client waits for its retry until cancelled.
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", "60")));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => client.Connection.SendAsync(TestClient.Request(), TestJsonContext.Default.TestResult, cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(1, client.Handler.Count);
    }

    [Fact]
    public async Task Should_Retry_If_Attempt_Times_Out_And_Fail_With_Timeout_Code()
    {
        using var client = new TestClient(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHttpHandler.Ok();
            },
            o =>
            {
                o.Timeout = TimeSpan.FromSeconds(10);
                o.MaxRetries = 1;
            });

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Equal(2, client.Handler.Count);
        Assert.Contains("TimeoutSeconds", error.Message);
        Assert.Contains("Gave up after 2 attempts", error.Message);
        Assert.Contains("no answer within 10 s", Assert.Single(client.RetryNotices).Message);
    }

    [Fact]
    public async Task Should_Fail_With_Timeout_Code_If_Total_Time_Runs_Out()
    {
        using var client = new TestClient(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHttpHandler.Ok();
            },
            o => o.TotalTimeout = TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Contains("total time limit of 5 s", error.Message);
        Assert.True(Assert.IsType<RequestTimeoutException>(error.InnerException).IsTotal);
    }

    [Fact]
    public async Task Should_Fail_With_Network_Code_If_Host_Cannot_Be_Reached()
    {
        using var client = new TestClient(
            (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (artifact.example.test:443)"),
            o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());

        Assert.Equal(ErrorCodes.NetworkError, error.Code);
        Assert.Equal(3, client.Handler.Count);
        Assert.Contains("could not reach artifact.example.test", error.Message);
        Assert.Contains("Gave up after 3 attempts", error.Message);
    }

    [Fact]
    public async Task Should_Keep_At_Most_MaxConcurrency_Requests_In_Flight()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new TestClient(
            async (_, _) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                await release.Task;
                Interlocked.Decrement(ref inFlight);
                return FakeHttpHandler.Ok();
            },
            o => o.MaxConcurrency = 2);

        var calls = Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => client.Connection.SendAsync(TestClient.Request(), TestJsonContext.Default.TestResult, CancellationToken.None)))
            .ToList();
        await WaitUntil(() => client.Handler.Count >= 2);
        await Task.Delay(50);
        Assert.Equal(2, client.Handler.Count);
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(2, maxInFlight);
        Assert.Equal(6, client.Handler.Count);
    }

    [Fact]
    public async Task Should_Retry_Rewindable_Upload_With_Same_Body()
    {
        using var client = new TestClient(r => r.Index == 1 ? FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable) : FakeHttpHandler.Status(HttpStatusCode.Created));
        var stream = new MemoryStream("file body"u8.ToArray());

        using var response = await client.RunAsync(() => client.Connection.SendAbsoluteAsync(
            HttpMethod.Put, new Uri("https://repo.example.test/generic/a.txt"), new UploadContent(stream), null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.All(client.Handler.Requests, r => Assert.Equal("file body", r.BodyText));
        Assert.Equal(2, client.Handler.Count);
    }

    [Fact]
    public async Task Should_Not_Retry_Upload_From_Stream_That_Cannot_Seek()
    {
        using var client = new TestClient(_ => FakeHttpHandler.Status(HttpStatusCode.ServiceUnavailable));
        var stream = new ForwardOnlyStream("file body"u8.ToArray());

        using var response = await client.RunAsync(() => client.Connection.SendAbsoluteAsync(
            HttpMethod.Put, new Uri("https://repo.example.test/generic/a.txt"), new UploadContent(stream), null, CancellationToken.None));
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => client.Connection.ThrowIfFailedAsync(response, "UploadFile", CancellationToken.None));

        Assert.Equal(1, client.Handler.Count);
        Assert.Contains("cannot be rewound", error.Message);
    }

    private static string Resign(CapturedRequest request)
    {
        var signedNames = request.Header("Authorization")!.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = signedNames.Select(n => new KeyValuePair<string, string>(n, request.Header(n)!)).ToList();
        var signed = SdkHmacSigner.Sign(
            request.Method.Method, request.Uri.AbsolutePath, SdkHmacSigner.ParseQuery(request.Uri.Query), headers, request.Body,
            TestSecrets.AccessKey, System.Text.Encoding.UTF8.GetBytes(TestSecrets.SecretKey));
        return signed.Authorization;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "condition not reached");
            await Task.Delay(5);
        }
    }

    /// <summary>A body that breaks after a few bytes, like a connection dropped mid-answer.</summary>
    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base("{\"status\":\"succ"u8.ToArray())
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= 5 ? throw new IOException("Connection reset by peer") : base.ReadAsync(buffer[..5], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>A stream that cannot seek, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
