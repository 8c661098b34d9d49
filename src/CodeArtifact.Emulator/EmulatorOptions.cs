using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator;

/// <summary>How an emulator starts. The defaults give an in-memory server on a free loopback port.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Folder for <c>metadata.db</c> and <c>blobs/</c>, kept across restarts; null keeps everything in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>A seed file (JSON) applied when the data is new; see the README for its format.</summary>
    public string? SeedFile { get; set; }

    /// <summary>Faults injected from the start (they can be changed later through <see cref="EmulatorServer.Faults"/>).</summary>
    public FaultOptions Faults { get; set; } = FaultOptions.None;

    /// <summary>The clock: signature skew, token expiry and every timestamp the emulator writes.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long an IAM token is valid (the service: 24 h).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The region in repository ids and repository user names.</summary>
    public string Region { get; set; } = WellKnownIdentities.DefaultRegion;

    /// <summary>The offset of the times the service writes without one (<c>yyyy-MM-dd HH:mm:ss</c>); the service uses UTC+08:00.</summary>
    public TimeSpan ServiceTimeOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How many requests <see cref="EmulatorServer.RequestLog"/> keeps (the oldest are dropped).</summary>
    public int RequestLogCapacity { get; set; } = 100_000;

    /// <summary>Writes one console line per request (off by default: it costs throughput).</summary>
    public bool LogRequestsToConsole { get; set; }

    /// <summary>Writes unexpected server failures (answered as 500 CR.5000) to the console; the command line turns it on.</summary>
    public bool LogErrorsToConsole { get; set; }

    /// <summary>
    /// After this many consecutive signature failures an access key is locked for five minutes, as
    /// the gateway does after more than five; null (default) never locks, so tests of bad
    /// signatures cannot lock each other out.
    /// </summary>
    public int? AccessKeyLockoutThreshold { get; set; }
}
