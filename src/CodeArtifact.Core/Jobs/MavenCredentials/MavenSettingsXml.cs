using System.Xml.Linq;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// The layout rules of a settings file that the merge keeps: the file's own namespace (settings
/// 1.0.0, 1.1.0, 1.2.0 or none), its indentation, and the comment that marks an element as ours.
/// </summary>
/// <remarks>
/// The mark is a comment right before the element, not inside it: Maven reads a text element
/// such as <c>&lt;activeProfile&gt;</c> with a pull parser that does not expect a comment within
/// it, while comments between elements are skipped everywhere.
/// </remarks>
internal static class MavenSettingsXml
{
    /// <summary>The text of the comment placed before each element this product owns in a settings file.</summary>
    public const string ElementMarker = "codeartifact-build:managed";

    /// <summary>Every settings namespace Maven has published starts so (1.0.0, 1.1.0, 1.2.0, and later ones).</summary>
    public const string NamespacePrefix = "http://maven.apache.org/SETTINGS/";

    /// <summary>The namespace of a file written without a base.</summary>
    public static readonly XNamespace DefaultNamespace = "http://maven.apache.org/SETTINGS/1.0.0";

    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string DefaultSchemaLocation = "http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd";

    /// <summary>True for the root of a Maven settings file, in any settings namespace or in none.</summary>
    public static bool IsSettingsRoot(XElement root) =>
        root.Name.LocalName == "settings"
        && (root.Name.Namespace == XNamespace.None || root.Name.NamespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal));

    /// <summary>The trimmed text of a child element, or null when there is none (Maven trims values too).</summary>
    public static string? Child(XElement element, string name) => element.Element(element.Name.Namespace + name)?.Value.Trim();

    /// <summary>True when the element is preceded by this product's marker comment.</summary>
    public static bool IsManaged(XElement element) =>
        PreviousNonWhitespace(element) is XComment comment && comment.Value.Contains(ElementMarker, StringComparison.Ordinal);

    /// <summary>Removes an element that <see cref="IsManaged"/> and its marker, with the whitespace the merge put before each.</summary>
    public static void RemoveManaged(XElement element)
    {
        var comment = (XComment)PreviousNonWhitespace(element)!;
        RemoveWhitespaceBefore(element);
        RemoveWhitespaceBefore(comment);
        comment.Remove();
        element.Remove();
    }

    /// <summary>The indentation of one level: what precedes the root's first child element, else two spaces.</summary>
    public static string IndentUnit(XElement root)
    {
        foreach (var node in root.Nodes())
        {
            if (node is XElement)
            {
                break;
            }

            if (node is XText text && string.IsNullOrWhiteSpace(text.Value) && text.Value.Contains('\n', StringComparison.Ordinal))
            {
                var unit = text.Value[(text.Value.LastIndexOf('\n') + 1)..];
                if (unit.Length > 0)
                {
                    return unit;
                }
            }
        }

        return "  ";
    }

    /// <summary>Appends <paramref name="element"/> (preceded by the marker when <paramref name="managed"/>) as the last child of a container at <paramref name="depth"/>.</summary>
    public static void Append(XElement container, XElement element, int depth, string unit, bool managed)
    {
        var closing = container.LastNode is XText last && string.IsNullOrWhiteSpace(last.Value) ? last : null;
        if (closing is null)
        {
            closing = new XText(Indent(depth - 1, unit));
            container.Add(closing);
        }

        Indented(element, depth, unit);
        if (managed)
        {
            closing.AddBeforeSelf(new XText(Indent(depth, unit)), Marker(), new XText(Indent(depth, unit)), element);
        }
        else
        {
            closing.AddBeforeSelf(new XText(Indent(depth, unit)), element);
        }
    }

    /// <summary>Puts <paramref name="replacement"/>, marked as ours, where <paramref name="existing"/> was.</summary>
    public static void ReplaceManaged(XElement existing, XElement replacement, int depth, string unit)
    {
        Indented(replacement, depth, unit);
        existing.AddBeforeSelf(Marker(), new XText(Indent(depth, unit)));
        existing.ReplaceWith(replacement);
    }

    /// <summary>The element, or a new one appended to <paramref name="parent"/> (at <paramref name="depth"/>) when it has none.</summary>
    public static XElement Container(XElement parent, string name, int depth, string unit)
    {
        var ns = parent.Name.Namespace;
        var existing = parent.Element(ns + name);
        if (existing is not null)
        {
            return existing;
        }

        var created = new XElement(ns + name);
        Append(parent, created, depth, unit, managed: false);
        return created;
    }

    private static XComment Marker() => new($" {ElementMarker}: written by CodeArtifact.Build, replaced on each run ");

    private static string Indent(int depth, string unit) => "\n" + string.Concat(Enumerable.Repeat(unit, Math.Max(depth, 0)));

    /// <summary>Adds the whitespace that lays out a new element's children one level deeper each.</summary>
    private static void Indented(XElement element, int depth, string unit)
    {
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            return;
        }

        foreach (var child in children)
        {
            child.AddBeforeSelf(new XText(Indent(depth + 1, unit)));
            Indented(child, depth + 1, unit);
        }

        element.Add(new XText(Indent(depth, unit)));
    }

    private static XNode? PreviousNonWhitespace(XNode node)
    {
        var previous = node.PreviousNode;
        while (previous is XText text && string.IsNullOrWhiteSpace(text.Value))
        {
            previous = previous.PreviousNode;
        }

        return previous;
    }

    private static void RemoveWhitespaceBefore(XNode node)
    {
        if (node.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value) && text is not XCData)
        {
            text.Remove();
        }
    }
}
