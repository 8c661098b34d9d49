using System.Text.Json;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Operations.Fakes;

/// <summary>Clients wired to a <see cref="RecordingHandler"/>, with the ids of the reference examples.</summary>
internal static class TestClients
{
    public const string TenantId = "5a775fdcb14f4431b6c0015618140bc3";
    public const string ProjectId = "e2ee90487d6349dd944a5767225f6f55";
    public const string Endpoint = "https://artifact.example.test";

    public static CodeArtifactClient Create(RecordingHandler handler, Action<CodeArtifactClientOptions>? configure = null)
    {
        var options = new CodeArtifactClientOptions
        {
            Endpoint = new Uri(Endpoint),
            Region = "cn-north-7",
            TenantId = TenantId,
            ProjectId = ProjectId,
            Credentials = new TokenCredentials(new Secret("test-token")),
            MaxRetries = 0,
            Transport = handler,
        };
        configure?.Invoke(options);
        return new CodeArtifactClient(options);
    }

    /// <summary>A v5 success envelope around <paramref name="resultJson"/>.</summary>
    public static string Envelope(string resultJson) =>
        $$"""{"status":"success","trace_id":"143002-1701223197469-447","result":{{resultJson}}}""";

    /// <summary>Query pairs to compare with <see cref="RecordedRequest.Query"/>.</summary>
    public static KeyValuePair<string, string>[] Pairs(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToArray();

    /// <summary>Parses a recorded body for structural assertions.</summary>
    public static JsonElement BodyOf(RecordedRequest request)
    {
        Assert.NotNull(request.Body);
        using var document = JsonDocument.Parse(request.Body!);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a validation failure (CART0001/CART0002) naming the parameter, raised before any request.</summary>
    public static async Task<CodeArtifactException> AssertRejectedAsync(RecordingHandler handler, string parameterName, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<CodeArtifactException>(call);
        Assert.True(exception.Code is ErrorCodes.InvalidArgument or ErrorCodes.MissingArgument, $"unexpected code {exception.Code}: {exception.Message}");
        Assert.Equal(parameterName, exception.ParameterName);
        Assert.Contains(parameterName, exception.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
        return exception;
    }
}
