using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Which mirror of a settings file Maven sends a repository's requests to, by Maven's own rules
/// (Maven Resolver's <c>DefaultMirrorSelector</c>, as used by Maven 3.x).
/// </summary>
/// <remarks>
/// <para>
/// A mirror whose <c>mirrorOf</c> is exactly the repository id wins over every pattern; otherwise
/// the first mirror, in file order, whose pattern matches. A pattern is <c>*</c>, or a
/// comma-separated list of tokens (each trimmed) read left to right: <c>!id</c> excludes the
/// repository and ends the list, <c>id</c> includes it and ends the list, while <c>*</c>,
/// <c>external:*</c> and <c>external:http:*</c> include it and go on (a later <c>!id</c> still
/// excludes it). The mirror must also serve the repository's layout (<c>mirrorOfLayouts</c>,
/// default <c>default,legacy</c>); ours are <c>default</c>.
/// </para>
/// <para>
/// <c>external:*</c> matches every repository that is not "local", and Maven calls local only a
/// <c>file:</c> URL or the host names <c>localhost</c> and <c>127.0.0.1</c>, compared as written.
/// We decide exactly as Maven does, so the emulator at <c>http://127.0.0.1:port</c> is not caught
/// by <c>external:*</c>, while <c>http://[::1]:port</c> or another loopback name is (Maven would
/// send those to the mirror too). <c>external:http:*</c> matches the external repositories reached
/// over plain <c>http</c> (or <c>dav</c>, <c>dav:http</c>, <c>dav+http</c>): the pattern of
/// Maven's own <c>maven-default-http-blocker</c>.
/// </para>
/// </remarks>
internal static class MavenMirrorSelector
{
    private const string Wildcard = "*";
    private const string ExternalWildcard = "external:*";
    private const string ExternalHttpWildcard = "external:http:*";
    private const string RepositoryLayout = "default";
    private const string DefaultMirrorOfLayouts = "default,legacy";

    private static readonly Regex UrlPattern = new(@"^([^:/]+(:(?>[^:/]{2,})(?=://))?):(//([^@/]*@)?([^/:]+))?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The mirrors of <paramref name="root"/> that would catch one or more of <paramref name="repositories"/>, in file order.</summary>
    public static IReadOnlyList<MavenMirrorCatch> Catches(XElement root, IReadOnlyList<MavenRepositoryCredential> repositories)
    {
        var ns = root.Name.Namespace;
        var mirrors = root.Element(ns + "mirrors")?.Elements(ns + "mirror").Select(Read).Where(m => m.MirrorOf.Length > 0).ToList() ?? [];
        var caught = new List<(Mirror Mirror, string RepositoryId)>();
        foreach (var repository in repositories)
        {
            if (Select(mirrors, repository.Id, repository.Url) is { } mirror)
            {
                caught.Add((mirror, repository.Id));
            }
        }

        return mirrors
            .Select(m => (Mirror: m, Ids: caught.Where(c => ReferenceEquals(c.Mirror, m)).Select(c => c.RepositoryId).ToArray()))
            .Where(m => m.Ids.Length > 0)
            .Select(m => new MavenMirrorCatch(m.Mirror.Id, m.Mirror.MirrorOf, m.Mirror.Url, m.Mirror.Blocked, m.Ids, SuggestMirrorOf(m.Mirror.MirrorOf, m.Ids)))
            .ToList();
    }

    /// <summary>True when a <c>mirrorOf</c> pattern matches the repository, as Maven reads it.</summary>
    public static bool Matches(string pattern, string repositoryId, string repositoryUrl)
    {
        if (pattern == Wildcard || pattern == repositoryId)
        {
            return true;
        }

        var result = false;
        foreach (var raw in pattern.Split(','))
        {
            var token = raw.Trim();
            if (token.Length > 1 && token[0] == '!')
            {
                if (token[1..] == repositoryId)
                {
                    return false;
                }
            }
            else if (token == repositoryId)
            {
                return true;
            }
            else if ((token == ExternalWildcard && IsExternal(repositoryUrl))
                || (token == ExternalHttpWildcard && IsExternalHttp(repositoryUrl))
                || token == Wildcard)
            {
                result = true;
            }
        }

        return result;
    }

    /// <summary>True unless the URL's protocol is <c>file</c> or its host is written <c>localhost</c> or <c>127.0.0.1</c> (Maven's "local").</summary>
    public static bool IsExternal(string url)
    {
        var (protocol, host) = Parse(url);
        return !(IsLocalHost(host) || protocol.Equals("file", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a URL that is not local and uses plain HTTP (Maven counts the WebDAV forms too).</summary>
    public static bool IsExternalHttp(string url)
    {
        var (protocol, host) = Parse(url);
        var http = protocol.ToLowerInvariant() is "http" or "dav" or "dav:http" or "dav+http";
        return http && !IsLocalHost(host);
    }

    /// <summary>The <c>mirrorOf</c> that keeps the mirror for everything else and lets these repositories through; empty when nothing is left.</summary>
    public static string SuggestMirrorOf(string mirrorOf, IReadOnlyList<string> repositoryIds)
    {
        var tokens = mirrorOf.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0 && !repositoryIds.Contains(t, StringComparer.Ordinal)).ToList();
        if (!tokens.Any(t => !t.StartsWith('!')))
        {
            return string.Empty;
        }

        // Only a wildcard still catches them once their own names are gone; a plain list does not.
        var wildcard = tokens.Any(t => t is Wildcard or ExternalWildcard or ExternalHttpWildcard);
        var exclusions = wildcard ? repositoryIds.Where(id => !tokens.Contains("!" + id, StringComparer.Ordinal)).Select(id => "!" + id) : [];
        return string.Join(',', tokens.Concat(exclusions));
    }

    private static Mirror? Select(IReadOnlyList<Mirror> mirrors, string repositoryId, string repositoryUrl) =>
        mirrors.FirstOrDefault(m => m.MirrorOf == repositoryId && MatchesLayout(m.MirrorOfLayouts))
        ?? mirrors.FirstOrDefault(m => Matches(m.MirrorOf, repositoryId, repositoryUrl) && MatchesLayout(m.MirrorOfLayouts));

    private static bool MatchesLayout(string mirrorOfLayouts)
    {
        var pattern = mirrorOfLayouts.Length == 0 ? DefaultMirrorOfLayouts : mirrorOfLayouts;
        if (pattern == RepositoryLayout)
        {
            return true;
        }

        var result = false;
        foreach (var token in pattern.Split(','))
        {
            if (token.Length > 1 && token[0] == '!')
            {
                if (token[1..] == RepositoryLayout)
                {
                    return false;
                }
            }
            else if (token == RepositoryLayout)
            {
                return true;
            }
            else if (token == Wildcard)
            {
                result = true;
            }
        }

        return result;
    }

    // Maven compares the host as the URL spells it: "LOCALHOST", "[::1]" or "127.0.0.2" is not local to it.
    private static bool IsLocalHost(string host) => host is "localhost" or "127.0.0.1";

    /// <summary>The protocol and host as Maven Resolver's <c>RemoteRepository</c> reads them from a URL (its pattern, possessive quantifier as an atomic group).</summary>
    private static (string Protocol, string Host) Parse(string url)
    {
        var match = UrlPattern.Match(url);
        return match.Success ? (match.Groups[1].Value, match.Groups[5].Value) : (string.Empty, string.Empty);
    }

    private static Mirror Read(XElement mirror) => new(
        MavenSettingsXml.Child(mirror, "id") ?? string.Empty,
        MavenSettingsXml.Child(mirror, "mirrorOf") ?? string.Empty,
        MavenSettingsXml.Child(mirror, "url"),
        MavenSettingsXml.Child(mirror, "mirrorOfLayouts") ?? string.Empty,
        string.Equals(MavenSettingsXml.Child(mirror, "blocked"), "true", StringComparison.Ordinal));

    private sealed record Mirror(string Id, string MirrorOf, string? Url, string MirrorOfLayouts, bool Blocked);
}
