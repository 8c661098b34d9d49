using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Writes a Maven <c>settings.xml</c> with one <c>&lt;server&gt;</c> per repository (id, username,
/// password) and one active profile whose <c>&lt;repositories&gt;</c> and
/// <c>&lt;pluginRepositories&gt;</c> list them, releases and snapshots enabled per policy;
/// optionally merged into a copy of the user's own settings (<see cref="MavenBaseSettings"/>, see
/// <see cref="MavenSettingsMerger"/> for what is kept).
/// </summary>
/// <remarks>
/// The file holds passwords, so: it is replaced atomically by <see cref="PrivateFileWriter"/>
/// (created 0600 on Unix, renamed into place, never half-written); a file this writer did not
/// write (it has no <see cref="Marker"/> comment before its root) is replaced only when asked
/// (<c>overwrite</c>), else CART0201; the base file is never the target; and an identical file is
/// not rewritten. Values are escaped by <see cref="XmlWriter"/>.
/// </remarks>
public static class MavenSettingsWriter
{
    /// <summary>The text of the comment that marks a file as written by this product.</summary>
    public const string Marker = "codeartifact-build:generated-settings";

    /// <summary>The id of the profile that lists the repositories.</summary>
    public const string ProfileId = "codeartifact";

    private const string Skeleton = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{MavenSettingsXml.DefaultSchemaLocation}">
        </settings>
        """;

    /// <summary>Writes <paramref name="repositories"/> to <paramref name="path"/> when its content would change.</summary>
    public static Task<MavenSettingsWriteResult> WriteAsync(
        string path,
        IReadOnlyList<MavenRepositoryCredential> repositories,
        bool overwrite = false,
        CancellationToken cancellationToken = default) =>
        WriteAsync(path, repositories, baseSettings: null, overwrite, cancellationToken);

    /// <summary>Writes <paramref name="repositories"/> merged into <paramref name="baseSettings"/> (when given) to <paramref name="path"/>.</summary>
    public static Task<MavenSettingsWriteResult> WriteAsync(
        string path,
        IReadOnlyList<MavenRepositoryCredential> repositories,
        MavenBaseSettings? baseSettings,
        bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        var fullPath = TargetPath(path, baseSettings);
        return WriteAsync(fullPath, Compose(repositories, baseSettings, overwrite), overwrite, PrivateFileWriter.Default, cancellationToken);
    }

    /// <summary>The file's bytes (UTF-8, no BOM, the base's line ends or <c>\n</c>): the same input always gives the same bytes.</summary>
    public static byte[] Render(IReadOnlyList<MavenRepositoryCredential> repositories, MavenBaseSettings? baseSettings = null, bool overwrite = false) =>
        Compose(repositories, baseSettings, overwrite).Content;

    /// <summary>True when the bytes are a settings file this writer produced (its marker comment precedes the root element).</summary>
    public static bool IsOurs(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Comment && reader.Value.Contains(Marker, StringComparison.Ordinal))
                {
                    return true;
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    return false;
                }
            }
        }
        catch (XmlException)
        {
            // Not XML at all: certainly not ours.
        }

        return false;
    }

    /// <summary>
    /// The full path to write, checked: <c>SettingsFile</c> given, not the base file (compared
    /// after following symbolic links), and, when it exists, written by us or <paramref name="overwrite"/>.
    /// Called by the job before any request, and again right before writing.
    /// </summary>
    internal static string CheckTarget(string path, MavenBaseSettings? baseSettings, bool overwrite)
    {
        var fullPath = TargetPath(path, baseSettings);
        try
        {
            if (File.Exists(fullPath) && !overwrite && !IsOurs(File.ReadAllBytes(fullPath)))
            {
                throw NotOurs(fullPath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(path, ex);
        }

        return fullPath;
    }

    /// <summary>Our settings merged into the base (or into an empty settings file), serialized, with what the merge found.</summary>
    internal static MavenSettingsComposition Compose(IReadOnlyList<MavenRepositoryCredential> repositories, MavenBaseSettings? baseSettings, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        var document = baseSettings?.Parse() ?? XDocument.Parse(Skeleton, LoadOptions.PreserveWhitespace);
        var replaced = MavenSettingsMerger.Merge(document, repositories, baseSettings?.Path, overwrite);
        MarkAsOurs(document);
        var catches = MavenMirrorSelector.Catches(document.Root!, repositories);
        return new MavenSettingsComposition(Serialize(document, baseSettings?.NewLine ?? "\n"), replaced, catches, baseSettings?.Path, repositories.Count > 0);
    }

    internal static async Task<MavenSettingsWriteResult> WriteAsync(
        string fullPath, MavenSettingsComposition composition, bool overwrite, PrivateFileWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            var changed = await WriteContentAsync(fullPath, composition.Content, overwrite, writer, cancellationToken).ConfigureAwait(false);
            return new MavenSettingsWriteResult(fullPath, changed)
            {
                BaseSettingsFile = composition.BaseSettingsFile,
                ReplacedBaseServers = composition.ReplacedBaseServers,
                HoldsPasswords = composition.HoldsPasswords,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw WriteFailed(fullPath, ex);
        }
    }

    private static async Task<bool> WriteContentAsync(string fullPath, byte[] content, bool overwrite, PrivateFileWriter writer, CancellationToken cancellationToken)
    {
        if (File.Exists(fullPath))
        {
            var existing = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
            if (!IsOurs(existing) && !overwrite)
            {
                throw NotOurs(fullPath);
            }

            if (existing.AsSpan().SequenceEqual(content))
            {
                PrivateFileWriter.Restrict(fullPath);
                return false;
            }
        }

        await writer.ReplaceAsync(fullPath, content, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string TargetPath(string path, MavenBaseSettings? baseSettings)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CodeArtifactException.Missing("SettingsFile", "SettingsFile is required: the path of the settings.xml to write.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw WriteFailed(path, ex);
        }

        if (baseSettings is not null && SameFile(fullPath, baseSettings.Path))
        {
            throw CodeArtifactException.Invalid(
                "SettingsFile",
                $"SettingsFile {fullPath} is the base settings file itself, which is never modified. Write to another file (such as obj/settings.xml) and pass it to Maven with -s.");
        }

        return fullPath;
    }

    private static bool SameFile(string target, string basePath)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(Resolve(target), Resolve(basePath), comparison);

        static string Resolve(string path)
        {
            try
            {
                return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            }
            catch (IOException)
            {
                return path;
            }
        }
    }

    private static void MarkAsOurs(XDocument document)
    {
        var root = document.Root!;
        foreach (var comment in document.Nodes().TakeWhile(n => n != root).OfType<XComment>().Where(c => c.Value.Contains(Marker, StringComparison.Ordinal)).ToList())
        {
            if (comment.NextNode is XText whitespace)
            {
                whitespace.Remove();
            }

            comment.Remove();
        }

        var marker = new XComment($" {Marker}: written by CodeArtifact.Build from CodeArts Artifact; it is rewritten on each run, so edit the build, not this file. It holds passwords: keep it private and delete it after use. ");
        root.AddBeforeSelf(marker, new XText("\n"));
        if (marker.PreviousNode is not XText)
        {
            marker.AddBeforeSelf(new XText("\n"));
        }

        if (document.LastNode is not XText)
        {
            document.Add(new XText("\n"));
        }
    }

    private static byte[] Serialize(XDocument document, string newLine)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            NewLineChars = newLine,
            NewLineHandling = NewLineHandling.Replace,
            CheckCharacters = true,
        };
        try
        {
            using var xml = XmlWriter.Create(buffer, settings);
            document.Save(xml);
        }
        catch (ArgumentException)
        {
            // XmlWriter's message quotes the offending character, which may belong to a password.
            throw new CodeArtifactException(
                ErrorCodes.InvalidResponse,
                "A repository value (id, URL, user name or password) holds a character that XML cannot represent, so no settings.xml was written.");
        }

        return buffer.ToArray();
    }

    private static CodeArtifactException NotOurs(string fullPath) => new(
        ErrorCodes.SettingsFileNotOurs,
        $"The settings file {fullPath} was not written by CodeArtifact.Build (it has no <!-- {Marker} --> comment), so it is left alone. Choose another SettingsFile, merge it in with BaseSettingsFile, or set Overwrite to true to replace it.")
    {
        ParameterName = "Overwrite",
    };

    private static CodeArtifactException WriteFailed(string path, Exception ex) =>
        new(ErrorCodes.SettingsFileWriteFailed, $"Could not write the settings file {path}: {ex.Message} Choose another SettingsFile.", ex)
        {
            ParameterName = "SettingsFile",
        };
}
