using System.Text.RegularExpressions;

namespace CodeArtifact.Core.Validation;

/// <summary>
/// The documented shape of a repository id, <c>{region}_{domainId}_{format}_{sequence}</c>
/// (file-detail and file-tree pages; the English pages print it without the underscores):
/// <c>cn-north-7_5a775fdcb14f4431b6c0015618140bc3_go_4</c>. Maven ids carry the policy before the
/// sequence: <c>cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201</c>.
/// </summary>
/// <remarks>
/// Checked as far as the documents allow without guessing a list of regions: the region is a
/// letter followed by letters, digits and <c>-</c> (<c>cn-north-4</c>, <c>ap-southeast-3</c>);
/// the domain id is letters and digits (the service's are 32 hex digits, but test and partner
/// accounts differ, so the length is not fixed); the format is one the documents name
/// (<see cref="KnownValues.RepositoryFormats"/> or <c>maven</c>); the sequence is a number, and
/// for <c>maven</c> two numbers (policy and sequence). At most 128 characters: the id is one
/// path segment of the v5 URLs.
/// </remarks>
internal static partial class RepositoryIdShape
{
    public const int MaxLength = 128;

    public const string Rule =
        "a repository id has the shape {region}_{domainId}_{format}_{sequence}, such as cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1 "
        + "(Maven: …_maven_1_201); copy it from the repository's general page, where it is the part of the repository URL between the last two slashes";

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length > MaxLength)
        {
            return false;
        }

        var match = Shape().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var format = match.Groups["format"].Value;
        var numbers = match.Groups["number"].Captures.Count;
        return string.Equals(format, "maven", StringComparison.OrdinalIgnoreCase)
            ? numbers == 2
            : numbers == 1 && KnownValues.RepositoryFormats.Contains(format, StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{0,31}_[A-Za-z0-9]{1,64}_(?<format>[A-Za-z0-9]+)(?:_(?<number>[0-9]{1,10})){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
