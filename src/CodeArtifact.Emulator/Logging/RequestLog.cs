namespace CodeArtifact.Emulator.Logging;

/// <summary>One request as the emulator saw it.</summary>
/// <param name="Time">When the request arrived (the emulator's clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The decoded path.</param>
/// <param name="Query">The raw query string with its leading <c>?</c>, or empty.</param>
/// <param name="Status">The status answered (0 when the connection was dropped on purpose; for a lost answer, the status that was not sent).</param>
/// <param name="AuthKind"><c>aksk</c>, <c>aksk-temporary</c>, <c>token</c>, <c>basic</c>, <c>none</c>, or <c>rejected</c>.</param>
/// <param name="Operation">The API operation name, or null for an unknown API.</param>
/// <param name="TraceId">The trace id sent back.</param>
/// <param name="Fault">The injected fault (<c>drop</c>, <c>429</c>, <c>503</c>, <c>lost-answer</c>: see <see cref="Faults.FaultNames"/>) or null.</param>
public sealed record RequestLogEntry(
    DateTimeOffset Time, string Method, string Path, string Query, int Status, string AuthKind, string? Operation, string TraceId, string? Fault);

/// <summary>
/// The requests the emulator answered, newest last, for tests to read. Thread-safe; keeps the
/// last <c>capacity</c> entries so that long benchmark runs stay within bounded memory.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly int _capacity;

    public RequestLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A copy of the entries at this moment.</summary>
    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Count == _capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }
}
