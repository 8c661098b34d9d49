namespace CodeArtifact.Bench.Runner;

/// <summary>
/// Sizes and run counts of every case: the for a full run, shrunk for <c>--quick</c>
/// (a smoke run of the whole runner in about a minute; its figures are not the goals' figures).
/// </summary>
internal sealed record BenchSizes
{
    public required string Mode { get; init; }

    /// <summary>Runs of a side that takes seconds.</summary>
    public required int Runs { get; init; }

    /// <summary>Runs of a side that takes tens of seconds (the serial baselines).</summary>
    public required int SlowRuns { get; init; }

    public required long OneFileBytes { get; init; }

    public required int LocalFiles { get; init; }

    public required long LocalFileBytes { get; init; }

    public required int PublishedFiles { get; init; }

    public int PublishedFileBytes { get; init; } = 4096;

    public int VerifyLatencyMs { get; init; } = 20;

    public required int CleanupFolders { get; init; }

    public required int CleanupFilesPerFolder { get; init; }

    public required int CleanupKeepLatest { get; init; }

    public int CleanupLatencyMs { get; init; } = 5;

    public required int ReleaseRecords { get; init; }

    /// <summary>Latency added to release pages: large against the spread of one wave, so waves are told apart in the log.</summary>
    public int ReleaseLatencyMs { get; init; } = 50;

    public required int BuildRuns { get; init; }

    public required long PeakMemoryFileBytes { get; init; }

    public required TimeSpan LoadDuration { get; init; }

    public int InFlight { get; init; } = 32;

    /// <summary>Case 9a: files published per run, their size, and the latency added to every request.</summary>
    public int PublishFiles { get; init; } = 200;

    public long PublishFileBytes { get; init; } = 8L << 20;

    public int PublishLatencyMs { get; init; } = 20;

    /// <summary>Case 9b: the one large file published.</summary>
    public long PublishMemoryFileBytes { get; init; } = 4L << 30;

    public int CleanupDeletions => CleanupFolders * (CleanupFilesPerFolder - CleanupKeepLatest);

    public static BenchSizes Full { get; } = new()
    {
        Mode = "full",
        Runs = 5,
        SlowRuns = 3,
        OneFileBytes = 1L << 30,
        LocalFiles = 200,
        LocalFileBytes = 8L << 20,
        PublishedFiles = 1_000,
        CleanupFolders = 100,
        CleanupFilesPerFolder = 100,
        CleanupKeepLatest = 10,
        ReleaseRecords = 1_000,
        BuildRuns = 15,
        PeakMemoryFileBytes = 4L << 30,
        LoadDuration = TimeSpan.FromSeconds(5),
    };

    public static BenchSizes Quick { get; } = new()
    {
        Mode = "quick",
        Runs = 3,
        SlowRuns = 1,
        OneFileBytes = 64L << 20,
        LocalFiles = 16,
        LocalFileBytes = 4L << 20,
        PublishedFiles = 100,
        CleanupFolders = 5,
        CleanupFilesPerFolder = 50,
        CleanupKeepLatest = 5,
        ReleaseRecords = 1_000,
        BuildRuns = 3,
        PeakMemoryFileBytes = 256L << 20,
        LoadDuration = TimeSpan.FromSeconds(1.5),
        PublishFiles = 24,
        PublishFileBytes = 1L << 20,
        PublishMemoryFileBytes = 256L << 20,
    };
}
