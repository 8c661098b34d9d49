using System.Text;
using System.Xml;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Writes a task's output items as an MSBuild project fragment of <see cref="ItemName"/> items,
/// which CodeArtifact.Build.targets imports when the project is evaluated. A ready target that
/// MSBuild skips as up to date runs no task, so no task output exists; the imported items give
/// the outputs of the last successful run instead, without the cost of an MSBuild task call.
/// </summary>
internal static class ResultsProject
{
    /// <summary>The item type of the fragment (shared by the jobs: their output names differ).</summary>
    public const string ItemName = "_CodeArtifactCachedResult";

    /// <summary>The metadata that names the task output an item came from (<c>Versions</c>, <c>VerifiedFiles</c> …).</summary>
    public const string OutputMetadata = "CodeArtifactOutput";

    // Characters MSBuild reads specially in an Include or a metadata value (item lists, properties,
    // globs, transforms); written as %XX they come back unchanged.
    private const string MSBuildSpecialCharacters = "%*?@$();'";

    // MSBuild lists the newest of a project's imports in MSBuildAllProjects, an input of CoreCompile
    // and others: a fragment written after the compiler ran would make the next build compile again
    // (and, when the verified file is a build output, verify again, for ever). So the fragment is
    // dated before any real file. Each write goes one second further back, since MSBuild's cache of
    // parsed imports sees a change only when the time stamp differs.
    private static readonly DateTime NewestTimeStamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static void Write(string path, IEnumerable<(string Output, ITaskItem Item)> results)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var previous = File.Exists(fullPath) ? File.GetLastWriteTimeUtc(fullPath) : NewestTimeStamp;
        var timeStamp = (previous < NewestTimeStamp ? previous : NewestTimeStamp).AddSeconds(-1);

        // Written aside and moved into place: every evaluation imports the file, so a half-written
        // one would break the project until it is deleted.
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            WriteXml(temporary, results);
            File.SetLastWriteTimeUtc(temporary, timeStamp);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Escapes a value the way MSBuild's own escaping does, so that it is read back literally.</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (MSBuildSpecialCharacters.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void WriteXml(string path, IEnumerable<(string Output, ITaskItem Item)> results)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
        };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartElement("Project");
        xml.WriteComment(" Written by CodeArtifact.Build: the outputs of the last successful run, read back when the target is up to date. ");
        xml.WriteStartElement("ItemGroup");
        foreach (var (output, item) in results)
        {
            xml.WriteStartElement(ItemName);
            xml.WriteAttributeString("Include", Escape(item.ItemSpec));

            // Metadata as elements: any name that is valid on an item is valid here, even one
            // that is reserved as an attribute.
            xml.WriteElementString(OutputMetadata, output);
            foreach (var name in item.MetadataNames.Cast<string>().Order(StringComparer.Ordinal))
            {
                if (IsCustomMetadata(name))
                {
                    xml.WriteElementString(name, Escape(item.GetMetadata(name)));
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // Well-known metadata (FullPath, Extension …) is computed by MSBuild; the rest are MSBuild's
    // bookkeeping of where an item came from.
    private static bool IsCustomMetadata(string name) =>
        !WellKnownMetadata.Contains(name) && name != OutputMetadata;

    private static readonly HashSet<string> WellKnownMetadata = new(StringComparer.OrdinalIgnoreCase)
    {
        "FullPath", "RootDir", "Filename", "Extension", "RelativeDir", "Directory", "RecursiveDir",
        "Identity", "ModifiedTime", "CreatedTime", "AccessedTime", "DefiningProjectFullPath",
        "DefiningProjectDirectory", "DefiningProjectName", "DefiningProjectExtension",
        "MSBuildSourceProjectFile", "MSBuildSourceTargetName", "OriginalItemSpec",
    };
}
