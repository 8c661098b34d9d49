using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CodeArtifact.Emulator.Domain.Maven;

/// <summary>One <c>&lt;snapshotVersion&gt;</c>: the timestamped file name of one classifier and extension.</summary>
internal sealed record MavenSnapshotVersion(string? Classifier, string Extension, string Value, string Updated)
{
    /// <summary>The build number in <see cref="Value"/> (<c>1.0-20240102.030405-7</c> → 7), or 0.</summary>
    public int BuildNumber => int.TryParse(Value[(Value.LastIndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

/// <summary>
/// A <c>maven-metadata.xml</c>, at artifact level (<see cref="Versions"/>, <see cref="Latest"/>,
/// <see cref="Release"/>) or at snapshot-version level (<see cref="SnapshotTimestamp"/>,
/// <see cref="SnapshotBuildNumber"/>, <see cref="SnapshotVersions"/>), read leniently (any
/// namespace, unknown elements ignored) and written as Maven writes it.
/// </summary>
internal sealed record MavenMetadata
{
    /// <summary>The file name Maven asks for.</summary>
    public const string FileName = "maven-metadata.xml";

    public string? GroupId { get; init; }

    public string? ArtifactId { get; init; }

    /// <summary>Set at snapshot-version level only.</summary>
    public string? Version { get; init; }

    public IReadOnlyList<string> Versions { get; init; } = [];

    public string? Latest { get; init; }

    public string? Release { get; init; }

    /// <summary><c>yyyyMMddHHmmss</c>, UTC.</summary>
    public string? LastUpdated { get; init; }

    /// <summary><c>yyyyMMdd.HHmmss</c>, UTC.</summary>
    public string? SnapshotTimestamp { get; init; }

    public int SnapshotBuildNumber { get; init; }

    /// <summary>Set by non-unique (Maven 2) snapshot deploys.</summary>
    public bool SnapshotLocalCopy { get; init; }

    public IReadOnlyList<MavenSnapshotVersion> SnapshotVersions { get; init; } = [];

    public bool IsSnapshotLevel => Version is not null || SnapshotTimestamp is not null || SnapshotLocalCopy || SnapshotVersions.Count > 0;

    /// <summary>A time as Maven writes <c>lastUpdated</c> and <c>updated</c>.</summary>
    public static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Reads uploaded metadata; null when it is not a metadata document at all.</summary>
    public static MavenMetadata? TryParse(byte[] content)
    {
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XDocument.Load(reader).Root!;
        }
        catch (XmlException)
        {
            return null;
        }

        if (root.Name.LocalName != "metadata")
        {
            return null;
        }

        var versioning = Child(root, "versioning");
        var snapshot = versioning is null ? null : Child(versioning, "snapshot");
        return new MavenMetadata
        {
            GroupId = Text(root, "groupId"),
            ArtifactId = Text(root, "artifactId"),
            Version = Text(root, "version"),
            Versions = versioning is null ? [] : Children(Child(versioning, "versions"), "version").Select(v => v.Value.Trim()).Where(v => v.Length > 0).ToList(),
            Latest = versioning is null ? null : Text(versioning, "latest"),
            Release = versioning is null ? null : Text(versioning, "release"),
            LastUpdated = versioning is null ? null : Text(versioning, "lastUpdated"),
            SnapshotTimestamp = snapshot is null ? null : Text(snapshot, "timestamp"),
            SnapshotBuildNumber = snapshot is not null && int.TryParse(Text(snapshot, "buildNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var build) ? build : 0,
            SnapshotLocalCopy = snapshot is not null && Text(snapshot, "localCopy") == "true",
            SnapshotVersions = versioning is null ? [] : Children(Child(versioning, "snapshotVersions"), "snapshotVersion")
                .Select(s => new MavenSnapshotVersion(Text(s, "classifier"), Text(s, "extension") ?? string.Empty, Text(s, "value") ?? string.Empty, Text(s, "updated") ?? string.Empty))
                .Where(s => s.Value.Length > 0)
                .ToList(),
        };
    }

    /// <summary>The document as Maven writes it (UTF-8, two-space indent, <c>\n</c>): the same metadata always gives the same bytes.</summary>
    public byte[] Render()
    {
        var versioning = new XElement("versioning");
        if (IsSnapshotLevel)
        {
            versioning.Add(new XElement(
                "snapshot",
                SnapshotTimestamp is null ? null : new XElement("timestamp", SnapshotTimestamp),
                SnapshotBuildNumber > 0 ? new XElement("buildNumber", SnapshotBuildNumber.ToString(CultureInfo.InvariantCulture)) : null,
                SnapshotLocalCopy ? new XElement("localCopy", "true") : null));
            versioning.Add(LastUpdated is null ? null : new XElement("lastUpdated", LastUpdated));
            versioning.Add(new XElement(
                "snapshotVersions",
                SnapshotVersions.Select(s => new XElement(
                    "snapshotVersion",
                    s.Classifier is null ? null : new XElement("classifier", s.Classifier),
                    new XElement("extension", s.Extension),
                    new XElement("value", s.Value),
                    new XElement("updated", s.Updated)))));
        }
        else
        {
            versioning.Add(
                Latest is null ? null : new XElement("latest", Latest),
                Release is null ? null : new XElement("release", Release),
                new XElement("versions", Versions.Select(v => new XElement("version", v))),
                LastUpdated is null ? null : new XElement("lastUpdated", LastUpdated));
        }

        var root = new XElement(
            "metadata",
            IsSnapshotLevel ? new XAttribute("modelVersion", "1.1.0") : null,
            GroupId is null ? null : new XElement("groupId", GroupId),
            ArtifactId is null ? null : new XElement("artifactId", ArtifactId),
            Version is null ? null : new XElement("version", Version),
            versioning);

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement? element, string name) => element?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    private static string? Text(XElement element, string name) => Child(element, name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
