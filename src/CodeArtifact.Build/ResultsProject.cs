using System.Text;
using System.Xml;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Writes a task's output items as a tiny MSBuild project whose target
/// <see cref="TargetName"/> returns them. A ready target that MSBuild skips as up to date runs no
/// task, so no task output exists; reading this file back (with the MSBuild task) gives the items
/// and metadata of the last successful run instead.
/// </summary>
internal static class ResultsProject
{
    /// <summary>The target of the generated project that returns the items.</summary>
    public const string TargetName = "GetCodeArtifactResults";

    /// <summary>The metadata that names the task output an item came from (<c>Versions</c>, <c>VerifiedFiles</c> …).</summary>
    public const string OutputMetadata = "CodeArtifactOutput";

    private const string ItemName = "CodeArtifactResult";

    // Characters MSBuild reads specially in an Include or a metadata value (item lists, properties,
    // globs, transforms); written as %XX they come back unchanged.
    private const string MSBuildSpecialCharacters = "%*?@$();'";

    public static void Write(string path, IEnumerable<(string Output, ITaskItem Item)> results)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
        };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartElement("Project");
        xml.WriteComment(" Written by CodeArtifact.Build: the outputs of the last successful run, read back when the target is up to date. ");
        xml.WriteStartElement("Target");
        xml.WriteAttributeString("Name", TargetName);
        xml.WriteAttributeString("Returns", $"@({ItemName})");
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
        xml.WriteEndElement();
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
