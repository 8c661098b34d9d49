namespace CodeArtifact.Core.Model;

/// <summary>The tenant's repository usage (<c>ShowStorage</c>).</summary>
/// <param name="TotalStorage">The space as the service displays it, such as <c>549.62 MB</c>.</param>
/// <param name="TotalCount">The number of repositories counted.</param>
public sealed record StorageUsage(string? TotalStorage, long? TotalCount);

/// <summary>Filters of <c>ListArtifactoryStorageStatistic</c>; every one is optional.</summary>
public sealed class StorageTrendQuery
{
    /// <summary>One repository id, or all when null.</summary>
    public string? Repository { get; init; }

    /// <summary>The first day, sent as <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last day, sent as <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? EndDate { get; init; }
}

/// <summary>The storage of one day.</summary>
public sealed class StorageTrendPoint
{
    public DateOnly? Date { get; init; }

    public long? FilesCount { get; init; }

    /// <summary>Bytes used.</summary>
    public long? UsedSpaceBytes { get; init; }

    /// <summary>As the service displays it, such as <c>1,010.15 KB</c>.</summary>
    public string? UsedSpace { get; init; }

    public long? FoldersCount { get; init; }

    public long? ItemsCount { get; init; }
}
