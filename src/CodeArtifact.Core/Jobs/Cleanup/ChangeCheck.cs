using System.Globalization;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Whether a candidate's file detail, read just before its delete, still shows the file that was
/// chosen. Against a plan: the same SHA-256 and the same <c>lastModified</c> (each compared when
/// the plan has it; a plan entry with neither cannot be confirmed). Against a listing: no newer
/// time than the listing gave and, with the usage rule, no download since.
/// </summary>
internal static class ChangeCheck
{
    public const string ChangedSincePlan = "changed-since-plan";
    public const string ChangedSinceListing = "changed-since-listing";
    public const string DownloadedSinceListing = "downloaded-since-listing";

    /// <summary>The reason and what changed, or null when the file is as expected.</summary>
    public static (string Reason, string Note)? Find(CleanupCandidate candidate, FileDetail detail, RetentionPolicy policy, DateTimeOffset now)
    {
        if (candidate.Planned is { } planned)
        {
            return AgainstPlan(planned, detail) is { } note ? (ChangedSincePlan, note) : null;
        }

        if (candidate.Listed is { } listed && detail.LastModified is { } modified && modified > listed)
        {
            return (ChangedSinceListing, $"it was modified at {Time(modified)}, after the listing's {Time(listed)} (a new upload)");
        }

        if (policy.JudgeUsage(detail.LastDownloaded, detail.Created, detail.LastModified, now) is { } usage)
        {
            return (DownloadedSinceListing, $"NotDownloadedForDays no longer selects it ({usage}; last download {Time(detail.LastDownloaded)})");
        }

        return null;
    }

    private static string? AgainstPlan(CleanupPlanEntry planned, FileDetail detail)
    {
        if (planned.Sha256 is null && planned.LastModified is null)
        {
            return "the plan has neither its SHA-256 nor its time, so it cannot be confirmed unchanged";
        }

        var changes = new List<string>();
        var sha256 = detail.Checksums.Sha256;
        if (planned.Sha256 is not null && !string.Equals(planned.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add($"its SHA-256 is {sha256 ?? "not reported"}, the plan has {planned.Sha256}");
        }

        if (planned.LastModified is { } plannedTime && detail.LastModified != plannedTime)
        {
            changes.Add($"it was modified at {Time(detail.LastModified)}, the plan has {Time(plannedTime)}");
        }

        return changes.Count == 0 ? null : "changed since the plan: " + string.Join("; ", changes);
    }

    private static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "unknown";
}
