namespace CodeArtifact.Emulator.Faults;

/// <summary>How the request log names an injected fault (<see cref="Logging.RequestLogEntry.Fault"/>).</summary>
public static class FaultNames
{
    /// <summary>The connection was dropped before the request was handled (status 0 in the log): nothing was done.</summary>
    public const string Drop = "drop";

    /// <summary>Answered 429 <c>APIGW.0308</c> with <c>Retry-After</c>: nothing was done.</summary>
    public const string Throttled = "429";

    /// <summary>Answered 503: nothing was done.</summary>
    public const string Unavailable = "503";

    /// <summary>Answered with a <see cref="ForcedAnswer"/>'s status: nothing was done.</summary>
    public const string Forced = "forced";

    /// <summary>
    /// The request was handled in full, then the connection was dropped before the answer: the work
    /// was done, the client saw none of it. The log keeps the status that was not sent.
    /// </summary>
    public const string LostAnswer = "lost-answer";

    /// <summary>True when the emulator handled the request (no fault, or only its answer was lost).</summary>
    public static bool WasHandled(string? fault) => fault is null or LostAnswer;
}
