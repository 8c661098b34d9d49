using System.Xml;
using System.Xml.Linq;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// A user's own settings file (<see cref="MavenCredentialsOptions.BaseSettingsFile"/>, such as
/// <c>~/.m2/settings.xml</c>) that the written file starts from. It is read once, checked before
/// any request is sent, and never written.
/// </summary>
public sealed class MavenBaseSettings
{
    private const string Parameter = nameof(MavenCredentialsOptions.BaseSettingsFile);

    private readonly byte[] _content;

    private MavenBaseSettings(string path, byte[] content, string newLine)
    {
        Path = path;
        _content = content;
        NewLine = newLine;
    }

    /// <summary>The full path of the base file.</summary>
    public string Path { get; }

    /// <summary>The base's line ends (<c>\r\n</c> when it uses them), which the written file keeps.</summary>
    internal string NewLine { get; }

    /// <summary>Reads and checks a base settings file: it must exist and be a well-formed Maven settings file without a DTD.</summary>
    /// <exception cref="CodeArtifactException">CART0204, naming <c>BaseSettingsFile</c>.</exception>
    public static MavenBaseSettings Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CodeArtifactException.Missing(Parameter, $"{Parameter} is empty: give the path of an existing Maven settings file (such as ~/.m2/settings.xml), or leave it unset.");
        }

        string fullPath;
        byte[] content;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Invalid($"The base settings file {path} does not exist. Give an existing Maven settings file as {Parameter} (such as ~/.m2/settings.xml), or leave it unset.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Invalid($"The base settings file {path} could not be read: {ex.Message} Check {Parameter}.", ex);
        }

        var settings = new MavenBaseSettings(fullPath, content, DetectNewLine(content));
        settings.Parse();
        return settings;
    }

    /// <summary>A fresh, mutable copy of the base document, whitespace and comments included.</summary>
    internal XDocument Parse()
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(_content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            // The parser's own text may quote a piece of the file, and the file may hold passwords: only the place is given.
            throw Invalid($"The base settings file {Path} is not well-formed XML, or holds a DTD (line {ex.LineNumber}, position {ex.LinePosition}). Fix it, or choose another {Parameter}.", innerException: null);
        }

        if (document.Root is not { } root || !MavenSettingsXml.IsSettingsRoot(root))
        {
            throw Invalid($"The base settings file {Path} is not a Maven settings file: its root element is <{document.Root?.Name.LocalName}> in namespace \"{document.Root?.Name.NamespaceName}\", where <settings> in no namespace or in {MavenSettingsXml.NamespacePrefix}x.y.z is expected. Choose another {Parameter}.", innerException: null);
        }

        return document;
    }

    private static string DetectNewLine(byte[] content) =>
        content.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";

    private static CodeArtifactException Invalid(string message, Exception? innerException) =>
        new(ErrorCodes.BaseSettingsFileInvalid, message, innerException) { ParameterName = Parameter };
}
