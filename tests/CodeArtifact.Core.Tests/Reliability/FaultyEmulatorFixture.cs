using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Logging;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// One in-memory emulator per reliability test class. Tests of a class run one at a time, so a
/// test may set <see cref="EmulatorServer.Faults"/> for its own run; it puts them back to none
/// with <see cref="Calm"/> before asserting on the emulator's state.
/// </summary>
public sealed class FaultyEmulatorFixture : EmulatorFixtureBase
{

    /// <summary>
    /// A client as a release pipeline would configure one for a flaky network: AK/SK, the most
    /// retries the product allows, and short backoffs (an injected 429 still makes it wait its
    /// whole <c>Retry-After</c>), so that a test under faults takes seconds, not minutes.
    /// </summary>
    public CodeArtifactClient CreateClient(int maxRetries = CodeArtifactClientOptions.MaxMaxRetries, int maxConcurrency = 8, Action<CodeArtifactLogEvent>? log = null) => new(new CodeArtifactClientOptions
    {
        Endpoint = Server.Endpoint,
        IamEndpoint = Server.Endpoint,
        TenantId = Server.Identity.TenantId,
        ProjectId = Server.Identity.ProjectId,
        Credentials = new AccessKeyCredentials(Server.Identity.AccessKey, new Secret(Server.Identity.SecretKey)),
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxConcurrency = maxConcurrency,
        Log = log,
    });

    /// <summary>No fault from now on.</summary>
    public void Calm() => Server.Faults = FaultOptions.None;

    /// <summary>The emulator's log from <paramref name="mark"/> (a count taken before) on.</summary>
    public IReadOnlyList<RequestLogEntry> RequestsSince(int mark) => Server.RequestLog.Snapshot().Skip(mark).ToList();
}

/// <summary>A thread-safe list of the events a job logged.</summary>
internal sealed class EventLog
{
    private readonly List<CodeArtifactLogEvent> _events = [];

    public void Add(CodeArtifactLogEvent e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }

    public IReadOnlyList<CodeArtifactLogEvent> All
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<CodeArtifactLogEvent> Warnings(string code) => All.Where(e => e.Severity == LogSeverity.Warning && e.Code == code).ToList();

    /// <summary>Coded messages that are not warnings, such as the retry notices (CART0111).</summary>
    public IReadOnlyList<CodeArtifactLogEvent> Notices(string code) => All.Where(e => e.Severity == LogSeverity.Info && e.Code == code).ToList();

    public string Text => string.Join("\n", All.Select(e => e.ToString()));
}
