using System.Text;
using System.Xml;

namespace CodeArtifact.Core.Jobs;

/// <summary>What <see cref="MavenSettingsWriter.WriteAsync"/> did.</summary>
/// <param name="Path">The full path of the file.</param>
/// <param name="Changed">False when the file already had exactly this content and was left alone.</param>
public sealed record MavenSettingsWriteResult(string Path, bool Changed);

/// <summary>
/// Writes a Maven <c>settings.xml</c> with one <c>&lt;server&gt;</c> per repository (id, username,
/// password) and one active profile whose <c>&lt;repositories&gt;</c> and
/// <c>&lt;pluginRepositories&gt;</c> list them, releases and snapshots enabled per policy.
/// </summary>
/// <remarks>
/// The file holds passwords, so: on Unix it is created with mode 0600 (a temporary file made
/// with that mode and moved over the target, so there is no moment where it is readable by
/// others, and a reader never sees half a file); a file this writer did not write (it has no
/// <see cref="Marker"/> comment) is replaced only when asked (<c>overwrite</c>), else CART0201;
/// and an identical file is not rewritten. Values are escaped by <see cref="XmlWriter"/>.
/// </remarks>
public static class MavenSettingsWriter
{
    /// <summary>The text of the comment that marks a file as written by this product.</summary>
    public const string Marker = "codeartifact-build:generated-settings";

    /// <summary>The id of the profile that lists the repositories.</summary>
    public const string ProfileId = "codeartifact";

    private const string Namespace = "http://maven.apache.org/SETTINGS/1.0.0";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    private const string SchemaLocation = "http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="repositories"/> to <paramref name="path"/> when its content would change.</summary>
    public static async Task<MavenSettingsWriteResult> WriteAsync(
        string path,
        IReadOnlyList<MavenRepositoryCredential> repositories,
        bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CodeArtifactException.Missing("SettingsFile", "SettingsFile is required: the path of the settings.xml to write.");
        }

        ArgumentNullException.ThrowIfNull(repositories);
        var content = Render(repositories);
        try
        {
            return await WriteContentAsync(Path.GetFullPath(path), content, overwrite, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CodeArtifactException(ErrorCodes.SettingsFileWriteFailed, $"Could not write the settings file {path}: {ex.Message} Choose another SettingsFile.", ex)
            {
                ParameterName = "SettingsFile",
            };
        }
    }

    private static async Task<MavenSettingsWriteResult> WriteContentAsync(string fullPath, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        if (File.Exists(fullPath))
        {
            var existing = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
            if (!IsOurs(existing) && !overwrite)
            {
                throw new CodeArtifactException(
                    ErrorCodes.SettingsFileNotOurs,
                    $"The settings file {fullPath} was not written by CodeArtifact.Build (it has no <!-- {Marker} --> comment), so it is left alone. Choose another SettingsFile, or set Overwrite to true to replace it.")
                {
                    ParameterName = "Overwrite",
                };
            }

            if (existing.AsSpan().SequenceEqual(content))
            {
                RestrictMode(fullPath);
                return new MavenSettingsWriteResult(fullPath, Changed: false);
            }
        }

        await ReplaceAtomicallyAsync(fullPath, content, cancellationToken).ConfigureAwait(false);
        return new MavenSettingsWriteResult(fullPath, Changed: true);
    }

    /// <summary>The file's bytes (UTF-8, no BOM, <c>\n</c> line ends): the same input always gives the same bytes.</summary>
    public static byte[] Render(IReadOnlyList<MavenRepositoryCredential> repositories)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CheckCharacters = true,
        };
        try
        {
            using (var xml = XmlWriter.Create(buffer, settings))
            {
                WriteDocument(xml, repositories);
            }
        }
        catch (ArgumentException)
        {
            // XmlWriter's message quotes the offending character, which may belong to a password.
            throw new CodeArtifactException(
                ErrorCodes.InvalidResponse,
                "A repository value (id, URL, user name or password) holds a character that XML cannot represent, so no settings.xml was written.");
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

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

    private static void WriteDocument(XmlWriter xml, IReadOnlyList<MavenRepositoryCredential> repositories)
    {
        xml.WriteStartDocument();
        xml.WriteComment($" {Marker}: written by CodeArtifact.Build from CodeArts Artifact; it is rewritten on each run, so edit the build, not this file. ");
        xml.WriteStartElement("settings", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, SchemaLocation);

        xml.WriteStartElement("servers", Namespace);
        foreach (var repository in repositories)
        {
            xml.WriteStartElement("server", Namespace);
            xml.WriteElementString("id", Namespace, repository.Id);
            xml.WriteElementString("username", Namespace, repository.UserName);
            xml.WriteElementString("password", Namespace, repository.Password.Reveal());
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("profiles", Namespace);
        xml.WriteStartElement("profile", Namespace);
        xml.WriteElementString("id", Namespace, ProfileId);
        WriteRepositories(xml, "repositories", "repository", repositories);
        WriteRepositories(xml, "pluginRepositories", "pluginRepository", repositories);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("activeProfiles", Namespace);
        xml.WriteElementString("activeProfile", Namespace, ProfileId);
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteRepositories(XmlWriter xml, string listName, string itemName, IReadOnlyList<MavenRepositoryCredential> repositories)
    {
        xml.WriteStartElement(listName, Namespace);
        foreach (var repository in repositories)
        {
            var (releases, snapshots) = Enabled(repository.Policy);
            xml.WriteStartElement(itemName, Namespace);
            xml.WriteElementString("id", Namespace, repository.Id);
            xml.WriteElementString("name", Namespace, repository.Name);
            xml.WriteElementString("url", Namespace, repository.Url);
            WriteEnabled(xml, "releases", releases);
            WriteEnabled(xml, "snapshots", snapshots);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteEnabled(XmlWriter xml, string name, bool enabled)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteElementString("enabled", Namespace, enabled ? "true" : "false");
        xml.WriteEndElement();
    }

    // A repository of unknown policy (a virtual one) may serve both kinds.
    private static (bool Releases, bool Snapshots) Enabled(string? policy) => policy?.ToLowerInvariant() switch
    {
        "release" or "releases" => (true, false),
        "snapshot" or "snapshots" => (false, true),
        _ => (true, true),
    };

    private static async Task ReplaceAtomicallyAsync(string fullPath, byte[] content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void RestrictMode(string fullPath)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(fullPath) & ~OwnerReadWrite) != 0)
        {
            File.SetUnixFileMode(fullPath, OwnerReadWrite);
        }
    }
}
