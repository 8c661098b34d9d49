namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Why a file is kept, as reports, outputs and <see cref="CleanupFile.Reason"/> name it. When
/// several rules keep a file, the first in this order is given.
/// </summary>
public static class RetentionReasons
{
    /// <summary>No include glob matches it.</summary>
    public const string NotIncluded = "not-included";

    /// <summary>An exclude glob matches it.</summary>
    public const string Excluded = "excluded";

    /// <summary>A protect glob matches it.</summary>
    public const string Protected = "protected";

    /// <summary>Its modified time is unknown, and a rule that needs it is on (KeepLatest, KeepLatestVersions, OlderThanDays).</summary>
    public const string TimeUnknown = "time-unknown";

    /// <summary>KeepLatestVersions is on and no folder of its path reads as a version.</summary>
    public const string NoVersion = VersionRanking.NoVersion;

    /// <summary>It belongs to one of the KeepLatestVersions highest versions of its package.</summary>
    public const string KeepLatestVersions = VersionRanking.KeptAsLatest;

    /// <summary>It belongs to the highest release version of its package (kept whenever KeepLatestVersions ≥ 1).</summary>
    public const string LatestRelease = VersionRanking.KeptAsLatestRelease;

    /// <summary>It is among the KeepLatest newest files of its folder.</summary>
    public const string KeepLatest = "keep-latest";

    /// <summary>It was modified less than OlderThanDays ago.</summary>
    public const string TooNew = "too-new";

    /// <summary>It was downloaded less than NotDownloadedForDays ago.</summary>
    public const string RecentlyDownloaded = "recently-downloaded";

    /// <summary>It was uploaded (created, or uploaded again) less than NotDownloadedForDays ago, and not downloaded since long.</summary>
    public const string RecentlyUploaded = "recently-uploaded";

    /// <summary>NotDownloadedForDays is on, and none of its last download, creation and modification is known (or its detail could not be read).</summary>
    public const string UsageUnknown = "usage-unknown";
}
