using System.Globalization;
using CodeArtifact.Emulator.Domain;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Logging;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator;

/// <summary>Everything one running emulator shares across requests (a DI singleton).</summary>
internal sealed class EmulatorContext : IDisposable
{
    private long _traceCounter;

    public EmulatorContext(EmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider;
        Times = new ServiceTime(options.ServiceTimeOffset);
        if (options.DataDirectory is null)
        {
            Store = SqliteMetadataStore.OpenInMemory();
            Blobs = new MemoryBlobStore();
        }
        else
        {
            Store = SqliteMetadataStore.OpenFile(options.DataDirectory);
            Blobs = new DiskBlobStore(options.DataDirectory);
        }

        Identities = new IdentityDirectory(Store, options.Region);
        RequestLog = new RequestLog(options.RequestLogCapacity);
        Faults = new FaultInjector(options.Faults);
        Repositories = new RepositoryCatalog(this);
        Files = new FileService(this);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    public ServiceTime Times { get; }

    public IMetadataStore Store { get; }

    public IBlobStore Blobs { get; }

    public IdentityDirectory Identities { get; }

    public RequestLog RequestLog { get; }

    public FaultInjector Faults { get; }

    public RepositoryCatalog Repositories { get; }

    public FileService Files { get; }

    /// <summary>The base address (<c>http://127.0.0.1:{port}</c>), known once the server listens.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1";

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A trace id in the service's form: <c>143002-{epoch ms}-{counter}</c>.</summary>
    public string NewTraceId() =>
        "143002-" + Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "-"
        + Interlocked.Increment(ref _traceCounter).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => Store.Dispose();
}
