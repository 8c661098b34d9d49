using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Core.Tests.Http;

/// <summary>The shape the tests read from <c>result</c>.</summary>
internal sealed record TestResult([property: JsonPropertyName("name")] string Name);

[JsonSerializable(typeof(TestResult))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

/// <summary>
/// Distinctive secret values: the leak tests look for each of them in everything captured.
/// </summary>
internal static class TestSecrets
{
    public const string AccessKey = "AKTESTPLAIN0001";
    public const string SecretKey = "SkSecretValue-7f3a9c-DoNotLeak";
    public const string SecurityToken = "SecTokenValue-b81e-DoNotLeak";
    public const string Password = "PasswordValue-c4d2-DoNotLeak";
    public const string AuthToken = "AuthTokenValue-99aa-DoNotLeak";
    public const string IssuedToken = "MIIIssuedTokenValue0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    public const string ProjectId = "0123456789abcdef0123456789abcdef";

    public static readonly string[] All = [SecretKey, SecurityToken, Password, AuthToken, IssuedToken];
}

/// <summary>A client over a fake transport and a fake clock, with every log event kept.</summary>
internal sealed class TestClient : IDisposable
{
    public TestClient(
        Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> respond,
        Action<CodeArtifactClientOptions>? configure = null)
    {
        Time = new FakeTimeProvider();
        Handler = new FakeHttpHandler(Time, respond);
        Options = new CodeArtifactClientOptions
        {
            Endpoint = new Uri("https://artifact.example.test"),
            IamEndpoint = new Uri("https://iam.example.test"),
            ProjectId = TestSecrets.ProjectId,
            TenantId = "tenant0001",
            Credentials = new AccessKeyCredentials(TestSecrets.AccessKey, new Secret(TestSecrets.SecretKey)),
            TimeProvider = Time,
            Transport = Handler,
            Log = Events.Enqueue,
        };
        configure?.Invoke(Options);
        Connection = new ApiConnection(Options.Clone());
    }

    public TestClient(Func<CapturedRequest, HttpResponseMessage> respond, Action<CodeArtifactClientOptions>? configure = null)
        : this((request, _) => Task.FromResult(respond(request)), configure)
    {
    }

    public FakeTimeProvider Time { get; }

    public FakeHttpHandler Handler { get; }

    public CodeArtifactClientOptions Options { get; }

    public ApiConnection Connection { get; }

    public ConcurrentQueue<CodeArtifactLogEvent> Events { get; } = new();

    public IReadOnlyList<CodeArtifactLogEvent> Warnings => Events.Where(e => e.Severity == LogSeverity.Warning).ToList();

    /// <summary>The retry notices (CART0111): messages, never warnings.</summary>
    public IReadOnlyList<CodeArtifactLogEvent> RetryNotices => Events.Where(e => e.Code == ErrorCodes.Retrying).ToList();

    public static ApiRequest Request(string operation = "ShowFileTree", HttpMethod? method = null, byte[]? body = null, ApiEnvelope envelope = ApiEnvelope.V5) => new()
    {
        Operation = operation,
        Method = method ?? HttpMethod.Get,
        PathSegments = ["cloudartifact", "v5", "file-tree"],
        Query = [new("tenant_id", "tenant0001"), new("path", "/app/1.0")],
        JsonBody = body,
        Envelope = envelope,
    };

    /// <summary>Sends one operation while moving the fake clock forward, so retry waits pass without real sleeping.</summary>
    public Task<TestResult> SendAsync(ApiRequest? request = null, CancellationToken cancellationToken = default) =>
        RunAsync(() => Connection.SendAsync(request ?? Request(), TestJsonContext.Default.TestResult, cancellationToken));

    /// <summary>Runs <paramref name="action"/>, advancing the fake clock in small steps until it completes.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        var task = action();
        for (var step = 0; !task.IsCompleted; step++)
        {
            Assert.True(step < 200_000, "The operation did not finish in 14 hours of fake time.");
            await Task.WhenAny(task, Task.Delay(1));
            if (!task.IsCompleted)
            {
                Time.Advance(TimeSpan.FromMilliseconds(250));
            }
        }

        return await task;
    }

    /// <summary>Everything a user could see: every log event and the given exception's whole text.</summary>
    public string Visible(Exception? exception = null) =>
        string.Join("\n", Events.Select(e => e.ToString())) + "\n" + exception;

    public void Dispose() => Connection.Dispose();
}
