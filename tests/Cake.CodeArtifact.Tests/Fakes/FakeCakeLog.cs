using Cake.Core.Diagnostics;

namespace Cake.CodeArtifact.Tests.Fakes;

/// <summary>Records every line the addin writes, with its verbosity and level, formatted as Cake would.</summary>
internal sealed class FakeCakeLog : ICakeLog
{
    private readonly List<FakeLogEntry> _entries = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<FakeLogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Every line, one per entry, as <c>[Level] text</c>.</summary>
    public string AllText => string.Join(Environment.NewLine, Entries.Select(e => $"[{e.Level}] {e.Message}"));

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        var message = args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
        lock (_entries)
        {
            _entries.Add(new FakeLogEntry(verbosity, level, message));
        }
    }

    public IEnumerable<string> At(Verbosity verbosity) => Entries.Where(e => e.Verbosity == verbosity).Select(e => e.Message);
}

internal sealed record FakeLogEntry(Verbosity Verbosity, LogLevel Level, string Message);
