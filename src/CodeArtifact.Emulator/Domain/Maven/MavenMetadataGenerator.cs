using System.Globalization;
using System.Text.RegularExpressions;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Domain.Maven;

/// <summary>
/// Generates <c>maven-metadata.xml</c> for a Maven repository from what it holds, on every read,
/// as the service does: so it is never stale, whether the versions were seeded or uploaded.
/// </summary>
/// <remarks>
/// <para>
/// Artifact level (<c>{group path}/{artifactId}/maven-metadata.xml</c>): every sub-folder holding
/// a file named <c>{artifactId}-…</c> is a version. Versions are in Maven's order;
/// <c>latest</c> is the highest, <c>release</c> the highest without <c>-SNAPSHOT</c> (as
/// repository managers compute them), <c>lastUpdated</c> the newest file time.
/// </para>
/// <para>
/// Snapshot-version level (<c>…/{version}-SNAPSHOT/maven-metadata.xml</c>): from the
/// timestamped files <c>{artifactId}-{base}-{yyyyMMdd.HHmmss}-{build}[-{classifier}].{ext}</c>,
/// the newest build of each classifier and extension, and the newest build overall as
/// <c>snapshot</c>.
/// </para>
/// <para>
/// A client's own upload of the file (Maven uploads it after each deploy) is kept as stored and
/// merged on read, so neither writer can lose the other's versions: the versions served are the
/// union of the uploaded list and the stored version folders; per classifier and extension the
/// higher build number wins, and so does the higher snapshot build; <c>lastUpdated</c> is the
/// later of the two. Where the store holds no version at all (group-level plugin metadata, say),
/// the uploaded file is served byte for byte.
/// </para>
/// </remarks>
internal sealed partial class MavenMetadataGenerator(EmulatorContext context)
{
    private const string SnapshotSuffix = "-SNAPSHOT";
    private static readonly string[] ChecksumExtensions = [".md5", ".sha1", ".sha256", ".sha512"];

    /// <summary>The metadata served at <paramref name="path"/>, or null when there is none to generate.</summary>
    public GeneratedFile? Generate(RepositoryRecord repository, string path)
    {
        if (!repository.IsMaven || RepoPath.NameOf(path) != MavenMetadata.FileName)
        {
            return null;
        }

        var folder = RepoPath.ParentOf(path);
        if (folder.Length == 0)
        {
            return null;
        }

        var uploadedFile = context.Store.GetActiveFile(repository.Id, path);
        var uploaded = uploadedFile is null ? null : Read(uploadedFile);
        var generated = RepoPath.NameOf(folder).EndsWith(SnapshotSuffix, StringComparison.Ordinal)
            ? SnapshotLevel(repository.Id, folder, uploaded)
            : ArtifactLevel(repository.Id, folder, uploaded);
        if (generated is not { } found)
        {
            return null;
        }

        var modified = uploadedFile is not null && uploadedFile.Modified > found.Modified ? uploadedFile.Modified : found.Modified;
        return new GeneratedFile(found.Metadata.Render(), modified);
    }

    private (MavenMetadata Metadata, DateTimeOffset Modified)? ArtifactLevel(string repositoryId, string folder, MavenMetadata? uploaded)
    {
        var artifactId = RepoPath.NameOf(folder);
        var stored = new List<(string Version, DateTimeOffset Modified)>();
        foreach (var child in context.Store.ListChildren(repositoryId, folder).Where(e => e.IsFolder))
        {
            var files = context.Store.ListChildren(repositoryId, child.Path)
                .Where(e => !e.IsFolder && e.Name.StartsWith(artifactId + "-", StringComparison.Ordinal))
                .ToList();
            if (files.Count > 0)
            {
                stored.Add((child.Name, files.Max(f => f.Modified)));
            }
        }

        if (stored.Count == 0)
        {
            return null;
        }

        var versions = stored.Select(s => s.Version)
            .Union(uploaded is { IsSnapshotLevel: false } ? uploaded.Versions : [], StringComparer.Ordinal)
            .Order(MavenVersionComparer.Instance)
            .ThenBy(v => v, StringComparer.Ordinal)
            .ToList();
        var modified = stored.Max(s => s.Modified);
        var metadata = new MavenMetadata
        {
            GroupId = uploaded?.GroupId ?? GroupOf(folder),
            ArtifactId = uploaded?.ArtifactId ?? artifactId,
            Versions = versions,
            Latest = versions[^1],
            Release = versions.LastOrDefault(v => !v.EndsWith(SnapshotSuffix, StringComparison.Ordinal)),
            LastUpdated = Later(MavenMetadata.Stamp(modified), uploaded?.LastUpdated),
        };
        return (metadata, modified);
    }

    private (MavenMetadata Metadata, DateTimeOffset Modified)? SnapshotLevel(string repositoryId, string folder, MavenMetadata? uploaded)
    {
        var version = RepoPath.NameOf(folder);
        var baseVersion = version[..^SnapshotSuffix.Length];
        var artifactFolder = RepoPath.ParentOf(folder);
        var artifactId = RepoPath.NameOf(artifactFolder);
        var prefix = $"{artifactId}-{baseVersion}-";
        var builds = new List<(string Timestamp, int Build, MavenSnapshotVersion Entry, DateTimeOffset Modified)>();
        foreach (var file in context.Store.ListChildren(repositoryId, folder).Where(e => !e.IsFolder && e.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = TimestampedName().Match(file.Name[prefix.Length..]);
            if (!match.Success || ChecksumExtensions.Any(x => file.Name.EndsWith(x, StringComparison.Ordinal)))
            {
                continue;
            }

            var timestamp = match.Groups["timestamp"].Value;
            var build = int.Parse(match.Groups["build"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var classifier = match.Groups["classifier"].Success ? match.Groups["classifier"].Value : null;
            var entry = new MavenSnapshotVersion(classifier, match.Groups["extension"].Value, $"{baseVersion}-{timestamp}-{build}", MavenMetadata.Stamp(file.Modified));
            builds.Add((timestamp, build, entry, file.Modified));
        }

        if (builds.Count == 0)
        {
            return null;
        }

        var newest = builds.MaxBy(b => (b.Build, b.Timestamp));
        var useUploaded = uploaded is { SnapshotBuildNumber: > 0 } && uploaded.SnapshotBuildNumber >= newest.Build;
        var entries = new Dictionary<(string?, string), MavenSnapshotVersion>();
        foreach (var entry in (uploaded?.SnapshotVersions ?? []).Concat(builds.Select(b => b.Entry)))
        {
            var key = (entry.Classifier, entry.Extension);
            if (!entries.TryGetValue(key, out var known) || entry.BuildNumber > known.BuildNumber)
            {
                entries[key] = entry;
            }
        }

        var modified = builds.Max(b => b.Modified);
        var metadata = new MavenMetadata
        {
            GroupId = uploaded?.GroupId ?? GroupOf(artifactFolder),
            ArtifactId = uploaded?.ArtifactId ?? artifactId,
            Version = uploaded?.Version ?? version,
            SnapshotTimestamp = useUploaded ? uploaded!.SnapshotTimestamp : newest.Timestamp,
            SnapshotBuildNumber = useUploaded ? uploaded!.SnapshotBuildNumber : newest.Build,
            SnapshotLocalCopy = uploaded?.SnapshotLocalCopy ?? false,
            LastUpdated = Later(MavenMetadata.Stamp(modified), uploaded?.LastUpdated),
            SnapshotVersions = entries.Values.OrderBy(e => e.Extension, StringComparer.Ordinal).ThenBy(e => e.Classifier ?? string.Empty, StringComparer.Ordinal).ToList(),
        };
        return (metadata, modified);
    }

    private MavenMetadata? Read(FileRecord file)
    {
        using var body = context.Blobs.OpenRead(file.BlobKey);
        if (body is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        body.CopyTo(buffer);
        return MavenMetadata.TryParse(buffer.ToArray());
    }

    private static string? GroupOf(string artifactFolder)
    {
        var parent = RepoPath.ParentOf(artifactFolder);
        return parent.Length == 0 ? null : parent.Replace('/', '.');
    }

    // Both are yyyyMMddHHmmss, so the later one is the greater string.
    private static string Later(string generated, string? uploaded) =>
        uploaded is not null && string.CompareOrdinal(uploaded, generated) > 0 ? uploaded : generated;

    [GeneratedRegex(@"^(?<timestamp>\d{8}\.\d{6})-(?<build>\d{1,9})(?:-(?<classifier>[^.]+))?\.(?<extension>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampedName();
}
