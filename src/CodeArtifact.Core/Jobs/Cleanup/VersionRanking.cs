namespace CodeArtifact.Core.Jobs;

/// <summary>
/// The <c>KeepLatestVersions</c> rule: per package, the N highest versions are kept (all their
/// files, sidecars included), in the release versions job's order. With N ≥ 1 the highest release
/// (a version without a pre-release part) is kept too, so that newer pre-releases never push the
/// latest release out.
/// </summary>
internal static class VersionRanking
{
    public const string KeptAsLatest = "keep-latest-versions";
    public const string KeptAsLatestRelease = "latest-release";
    public const string NoVersion = "no-version";

    /// <summary>
    /// For each file (relative paths, in order), why this rule keeps it, or null when the rule lets
    /// it go. Versions are counted among <paramref name="ranked"/> files only (those the globs select).
    /// </summary>
    public static string?[] Judge(string[] relative, Func<int, bool> ranked, int keepLatestVersions)
    {
        var located = relative.Select(VersionSegments.Locate).ToArray();
        var kept = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var package in Enumerable.Range(0, relative.Length)
            .Where(i => ranked(i) && located[i] is not null)
            .GroupBy(i => located[i]!.Package, StringComparer.Ordinal))
        {
            var versions = package.Select(i => located[i]!.Version).Distinct(StringComparer.Ordinal)
                .OrderByDescending(v => v, VersionComparer.Instance)
                .ToList();
            var reasons = versions.Take(keepLatestVersions).ToDictionary(v => v, _ => KeptAsLatest, StringComparer.Ordinal);
            if (versions.FirstOrDefault(v => !VersionComparer.IsPrerelease(v)) is { } latestRelease)
            {
                reasons.TryAdd(latestRelease, KeptAsLatestRelease);
            }

            kept[package.Key] = reasons;
        }

        var result = new string?[relative.Length];
        for (var i = 0; i < relative.Length; i++)
        {
            result[i] = located[i] is not { } at ? NoVersion
                : kept.TryGetValue(at.Package, out var reasons) && reasons.TryGetValue(at.Version, out var reason) ? reason
                : null;
        }

        return result;
    }
}
