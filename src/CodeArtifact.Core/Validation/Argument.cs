using System.Globalization;
using System.Text;

namespace CodeArtifact.Core.Validation;

/// <summary>
/// The one guard every operation calls before it sends anything (as Azure.Core's <c>Argument</c>).
/// Each failure is a <see cref="CodeArtifactException"/> (CART0001 invalid, CART0002 missing) whose
/// message names the parameter, quotes the bad value (shortened) and says what is allowed.
/// </summary>
internal static class Argument
{
    /// <summary>The documented maximum of <c>path</c> in file detail and file tree.</summary>
    public const int MaxPathLength = 1280;

    /// <summary>The documented maximum of the joined Maven info <c>ids</c>.</summary>
    public const int MaxJoinedIdsLength = 512;

    /// <summary>Longest value quoted in a message; longer ones are cut with an ellipsis.</summary>
    private const int MaxQuotedLength = 64;

    public static string Required(string? value, string name, string rule)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw CodeArtifactException.Missing(name, $"{name} is required: {rule}.");
        }

        return value;
    }

    public static T RequiredObject<T>(T? value, string name, string rule)
        where T : class =>
        value ?? throw CodeArtifactException.Missing(name, $"{name} is required: {rule}.");

    public static CodeArtifactException Invalid(string name, string? value, string rule) =>
        CodeArtifactException.Invalid(name, $"Invalid {name} {Quote(value)}: {rule}.");

    /// <summary>Tenant (account) id: 8–32 letters or digits.</summary>
    public static string TenantId(string? value, string name)
    {
        const string rule = "a tenant id is 8 to 32 letters or digits";
        Required(value, name, rule);
        return value!.Length is >= 8 and <= 32 && IsAlphanumeric(value) ? value : throw Invalid(name, value, rule);
    }

    /// <summary>Project id: exactly 32 letters or digits.</summary>
    public static string ProjectId(string? value, string name)
    {
        const string rule = "a project id is exactly 32 letters or digits";
        Required(value, name, rule);
        return value!.Length == 32 && IsAlphanumeric(value) ? value : throw Invalid(name, value, rule);
    }

    public static string? OptionalProjectId(string? value, string name) =>
        value is null ? null : ProjectId(value, name);

    /// <summary>Release <c>file_name</c>: 1–200 of letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</summary>
    public static string FileName(string? value, string name)
    {
        const string rule = "a file name is 1 to 200 letters, digits, '_', '-' or '.'";
        Required(value, name, rule);
        return value!.Length <= 200 && value.All(c => IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? value
            : throw Invalid(name, value, rule);
    }

    /// <summary>
    /// Repository id in the documented shape <c>{region}_{domainId}_{format}_{sequence}</c>
    /// (see <see cref="RepositoryIdShape"/>), so that a malformed id such as <c>generic_3</c> is
    /// refused before any request instead of being reported as a missing file per file.
    /// </summary>
    public static string RepositoryId(string? value, string name)
    {
        Required(value, name, RepositoryIdShape.Rule);
        return RepositoryIdShape.IsValid(value) ? value! : throw Invalid(name, value, RepositoryIdShape.Rule);
    }

    /// <summary>
    /// A path inside a repository, answered in the form file detail and file tree take: with a
    /// leading <c>/</c> (added when missing), at most 1,280 characters, no <c>..</c> segment, no
    /// control character.
    /// </summary>
    public static string RepositoryPath(string? value, string name)
    {
        const string rule = "a repository path such as /app/1.0/app.zip has at most 1,280 characters, no '..' segment and no control character";
        Required(value, name, rule);
        var path = value![0] == '/' ? value : "/" + value;
        CheckPathText(path, value, name, rule);
        return path;
    }

    /// <summary>
    /// Free path text (component ids, recycle-bin uris): at most 1,280 characters, no <c>..</c>
    /// segment, no control character.
    /// </summary>
    public static string PathText(string? value, string name)
    {
        const string rule = "a path has at most 1,280 characters, no '..' segment and no control character";
        Required(value, name, rule);
        CheckPathText(value!, value!, name, rule);
        return value!;
    }

    /// <summary>A short identifier (tab id, module, user id): 1–<paramref name="maxLength"/> letters, digits, '_' or '-'.</summary>
    public static string Identifier(string? value, string name, string what, int maxLength = 128)
    {
        var rule = $"{what} is 1 to {maxLength} letters, digits, '_' or '-'";
        Required(value, name, rule);
        return value!.Length <= maxLength && value.All(c => IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? value
            : throw Invalid(name, value, rule);
    }

    /// <summary>Free text with a maximum length and no control character (names, descriptions).</summary>
    public static string? Text(string? value, string name, int maxLength, bool required = false)
    {
        var rule = $"at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters without control characters";
        // Optional text may be empty: the documented examples send "description": "".
        if (!required && value is null)
        {
            return null;
        }

        if (required)
        {
            Required(value, name, rule);
        }

        return value!.Length <= maxLength && !value.Any(char.IsControl) ? value : throw Invalid(name, value, rule);
    }

    public static int PageSize(int value, string name) =>
        value is >= 1 and <= 100 ? value : throw Invalid(name, Number(value), "a page size (limit) is 1 to 100");

    public static int? OptionalPageSize(int? value, string name) => value is null ? null : PageSize(value.Value, name);

    public static int Offset(int value, string name) =>
        value >= 0 ? value : throw Invalid(name, Number(value), "an offset is 0 or more (records to skip)");

    public static int PageNumber(int value, string name) =>
        value >= 1 ? value : throw Invalid(name, Number(value), "a page number starts at 1");

    public static int? OptionalPageNumber(int? value, string name) => value is null ? null : PageNumber(value.Value, name);

    /// <summary>One of a documented list (compared case-insensitively); returns the documented spelling.</summary>
    public static string OneOf(string? value, string name, IReadOnlyList<string> allowed)
    {
        var rule = "use one of " + string.Join(", ", allowed);
        Required(value, name, rule);
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw Invalid(name, value, rule);
    }

    public static string? OptionalOneOf(string? value, string name, IReadOnlyList<string> allowed) =>
        value is null ? null : OneOf(value, name, allowed);

    /// <summary>A list with at least one element and no null element.</summary>
    public static IReadOnlyList<T> NotEmpty<T>(IReadOnlyList<T>? value, string name, string what)
        where T : class
    {
        if (value is null || value.Count == 0)
        {
            throw CodeArtifactException.Missing(name, $"{name} is required: give at least one {what}.");
        }

        for (var i = 0; i < value.Count; i++)
        {
            if (value[i] is null)
            {
                throw CodeArtifactException.Invalid($"{name}[{i}]", $"Invalid {name}[{i}]: the list holds a null {what}.");
            }
        }

        return value;
    }

    /// <summary>Repository ids joined with commas, at most 512 characters (Maven info <c>ids</c>).</summary>
    public static string? JoinedRepositoryIds(IReadOnlyList<string>? ids, string name)
    {
        if (ids is null || ids.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            RepositoryId(ids[i], $"{name}[{i}]");
        }

        var joined = string.Join(',', ids);
        return joined.Length <= MaxJoinedIdsLength
            ? joined
            : throw Invalid(name, joined, $"the ids joined with commas have {joined.Length} characters; at most {MaxJoinedIdsLength} are allowed, so ask in smaller groups");
    }

    /// <summary>A hex digest: MD5 (32), SHA-1 (40), SHA-256 (64) or SHA-512 (128) hex digits.</summary>
    public static string Checksum(string? value, string name)
    {
        const string rule = "a checksum is the hex digest of MD5 (32), SHA-1 (40), SHA-256 (64) or SHA-512 (128 digits)";
        Required(value, name, rule);
        return value!.Length is 32 or 40 or 64 or 128 && value.All(char.IsAsciiHexDigit)
            ? value.ToLowerInvariant()
            : throw Invalid(name, value, rule);
    }

    /// <summary>Quotes a value for a message: shortened, control characters escaped.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var builder = new StringBuilder("\"");
        var shown = value.Length > MaxQuotedLength ? value[..MaxQuotedLength] : value;
        foreach (var c in shown)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (c == '"')
            {
                builder.Append("\\\"");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (shown.Length < value.Length)
        {
            builder.Append('…');
        }

        return builder.Append('"').ToString();
    }

    private static void CheckPathText(string path, string original, string name, string rule)
    {
        if (path.Length > MaxPathLength || path.Any(char.IsControl) || path.Split('/', '\\').Any(segment => segment == ".."))
        {
            throw Invalid(name, original, rule);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsAlphanumeric(string value) => value.All(IsAsciiLetterOrDigit);

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
