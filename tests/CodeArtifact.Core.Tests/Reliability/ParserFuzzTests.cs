using System.Net;
using System.Text;
using CodeArtifact.Emulator;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// The JSON readers, through the real path (transport → pipeline → envelope reader → source-generated
/// contracts and lenient converters → models), fed seeded random and mutated documents: each call
/// either succeeds or fails with the product's coded error, never with a raw JSON, format, overflow
/// or null-reference exception, and never with a stack trace in the message.
/// </summary>
public sealed class ParserFuzzTests : IAsyncLifetime
{
    private const int Documents = 10_000;

    private IReadOnlyList<(FuzzedOperation Operation, byte[] Seed)> _seeds = [];

    public async Task InitializeAsync()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        _seeds = await ParserFuzzOperations.RecordAsync(server);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Successful_Answers_Are_Read_Or_Refused_With_CART0108()
    {
        var failures = await FuzzAsync(seed: 20_250_801, Documents, _ => HttpStatusCode.OK, [ErrorCodes.InvalidResponse, ErrorCodes.ErrorStatus]);

        Assert.True(failures.Count == 0, Describe(failures));
    }

    [Fact]
    public async Task Error_Answers_Of_Any_Shape_Give_A_Coded_Service_Error()
    {
        HttpStatusCode[] statuses = [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, (HttpStatusCode)429, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable];
        string[] serviceCodes =
        [
            ErrorCodes.BadRequest, ErrorCodes.AuthenticationFailed, ErrorCodes.PermissionDenied, ErrorCodes.NotFound, ErrorCodes.Throttled,
            ErrorCodes.ServiceError, ErrorCodes.Timeout, ErrorCodes.InvalidResponse,
        ];

        var failures = await FuzzAsync(seed: 20_250_802, 2_000, i => statuses[i % statuses.Length], serviceCodes);

        Assert.True(failures.Count == 0, Describe(failures));
    }

    private async Task<List<string>> FuzzAsync(int seed, int count, Func<int, HttpStatusCode> status, IReadOnlyCollection<string> allowedCodes)
    {
        var mutator = new JsonMutator(seed, _seeds.Select(s => s.Seed).ToArray());
        using var transport = new ScriptedTransport();
        using var client = ParserFuzzOperations.FuzzClient(transport);
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var (operation, original) = _seeds[i % _seeds.Count];
            var document = mutator.Next(original);
            transport.Status = status(i);
            transport.Body = document;
            transport.ContentType = i % 7 == 0 ? "text/html" : "application/json";
            string outcome;
            try
            {
                await operation.Call(client);
                outcome = "read";
            }
            catch (CodeArtifactException ex) when (allowedCodes.Contains(ex.Code))
            {
                outcome = ex.Code;
                if (ex.Operation != operation.Name || ex.Message.Contains("   at ", StringComparison.Ordinal) || !ex.Message.StartsWith(operation.Name, StringComparison.Ordinal))
                {
                    failures.Add($"#{i} {operation.Name}: {ex.Code} without the operation's name, or with a stack trace: {ex.Message}\n  document: {JsonMutator.Excerpt(document)}");
                }
            }
            catch (Exception ex)
            {
                outcome = ex.GetType().Name;
                failures.Add($"#{i} {operation.Name} (HTTP {(int)transport.Status}): {ex.GetType().FullName}: {ex.Message}\n  document: {JsonMutator.Excerpt(document)}\n  at: {FirstFrame(ex)}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // A fuzzer that never reaches the readers proves nothing: most documents must get past the
        // envelope into the result readers, and some must be read successfully.
        if (status(0) == HttpStatusCode.OK)
        {
            Assert.True(outcomes.GetValueOrDefault("read") > count / 20, Summary(outcomes));
            Assert.True(outcomes.GetValueOrDefault(ErrorCodes.InvalidResponse) > count / 5, Summary(outcomes));
        }

        return failures;
    }

    private static string Summary(Dictionary<string, int> outcomes) =>
        "Outcomes: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));

    private static string FirstFrame(Exception ex) =>
        ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("CodeArtifact.Core", StringComparison.Ordinal))?.Trim() ?? "(no frame in CodeArtifact.Core)";

    private static string Describe(List<string> failures)
    {
        var text = new StringBuilder().Append(failures.Count).AppendLine(" documents broke a reader; distinct failures:");
        foreach (var group in failures.GroupBy(f => f.Split('\n')[0].Split(": ", 3)[1..].FirstOrDefault() + FrameOf(f)).Take(15))
        {
            text.AppendLine(group.First()).Append("  (").Append(group.Count()).AppendLine(" like it)");
        }

        return text.ToString();
    }

    private static string FrameOf(string failure) => failure.Split("\n  at: ") is [_, var frame] ? frame : string.Empty;
}
