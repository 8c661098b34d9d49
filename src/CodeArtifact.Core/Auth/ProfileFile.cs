namespace CodeArtifact.Core.Auth;

/// <summary>
/// The official SDKs' credentials file (<c>~/.huaweicloud/credentials</c>): INI with a
/// <c>[basic]</c> section holding <c>ak</c>, <c>sk</c>, <c>project_id</c>, <c>domain_id</c>,
/// <c>security_token</c> and <c>iam_endpoint</c> (<c>[global]</c> is read when there is no
/// <c>[basic]</c>). Keys are case-insensitive; <c>#</c> and <c>;</c> start comments. A line that
/// cannot be read is reported by number only, since it may hold a secret.
/// </summary>
internal sealed class ProfileFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private ProfileFile(string path, string sectionName, Dictionary<string, Dictionary<string, string>> sections)
    {
        Path = path;
        SectionName = sectionName;
        _sections = sections;
    }

    public string Path { get; }

    /// <summary>The section the values come from: <c>basic</c>, or <c>global</c> when there is no <c>basic</c>.</summary>
    public string SectionName { get; }

    /// <summary>"the [basic] section of /home/me/.huaweicloud/credentials", for messages.</summary>
    public string Where => $"the [{SectionName}] section of {Path}";

    /// <summary>A value of the chosen section, trimmed; null when absent or empty.</summary>
    public string? this[string key] =>
        _sections.TryGetValue(SectionName, out var section) && section.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>
    /// Reads the file. A missing file gives null when <paramref name="required"/> is false, and
    /// CART0007 naming <paramref name="parameterName"/> when it is true; so does an unreadable one.
    /// </summary>
    public static ProfileFile? Load(string path, bool required, string parameterName)
    {
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return required
                    ? throw Invalid(parameterName, $"The credentials file {path} ({parameterName}) does not exist: give the path of an INI file with a [basic] section holding ak and sk.")
                    : null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid(parameterName, $"The credentials file {path} ({parameterName}) could not be read: {ex.GetType().Name}. Check its permissions.");
        }

        return Parse(path, text, parameterName);
    }

    public static ProfileFile Parse(string path, string text, string parameterName)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, string>? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw Invalid(parameterName, $"Line {i + 1} of the credentials file {path} is not a [section] header.");
                }

                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    sections[name] = current;
                }

                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || current is null)
            {
                throw Invalid(parameterName, current is null
                    ? $"Line {i + 1} of the credentials file {path} comes before any [section] header; put the keys under [basic]."
                    : $"Line {i + 1} of the credentials file {path} is not 'key = value'.");
            }

            current[line[..eq].Trim()] = Unquote(line[(eq + 1)..].Trim());
        }

        var sectionName = sections.ContainsKey("basic") || !sections.ContainsKey("global") ? "basic" : "global";
        return new ProfileFile(path, sectionName, sections);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;

    private static CodeArtifactException Invalid(string parameterName, string message) =>
        new(ErrorCodes.InvalidCredentialsFile, message) { ParameterName = parameterName };
}
