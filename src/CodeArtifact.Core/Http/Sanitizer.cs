using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Makes text safe to show: every message and log event of the connection passes through it
/// (as Azure.Core's <c>HttpMessageSanitizer</c>). It removes the values of the secrets it was
/// given (secret key, security token, password, tokens as they are issued), and by pattern the
/// values of secret headers (<c>Authorization</c>, <c>X-Auth-Token</c>, <c>X-Security-Token</c>,
/// <c>X-Subject-Token</c> …), signatures, basic credentials, IAM tokens and JSON password fields,
/// whatever their source (a service that echoes a header back, a proxy page).
/// </summary>
internal sealed partial class Sanitizer
{
    /// <summary>Headers whose values are never shown.</summary>
    public static readonly ImmutableHashSet<string> SecretHeaders = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Authorization", "Proxy-Authorization", "X-Auth-Token", "X-Security-Token", "X-Subject-Token", "Cookie", "Set-Cookie");

    /// <summary>Shorter values are not searched for: replacing them would mangle ordinary words.</summary>
    private const int MinSecretLength = 4;

    private ImmutableArray<string> _secrets = ImmutableArray<string>.Empty;

    /// <summary>Adds a secret whose value must never be shown (no-op for null or very short values).</summary>
    public void Add(Secret? secret)
    {
        if (secret is not null)
        {
            Add(secret.Reveal());
        }
    }

    public void Add(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < MinSecretLength)
        {
            return;
        }

        ImmutableInterlocked.Update(ref _secrets, (list, v) => list.Contains(v) ? list : list.Add(v), value);
    }

    /// <summary>The text with every known secret and every secret-looking value replaced by <see cref="Secret.Redacted"/>.</summary>
    public string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        // Longest first, so that a secret containing another is removed whole.
        foreach (var secret in _secrets.Sort((a, b) => b.Length.CompareTo(a.Length)))
        {
            text = text.Replace(secret, Secret.Redacted, StringComparison.Ordinal);
        }

        text = SecretHeaderPattern().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Secret.Redacted);
        text = SignaturePattern().Replace(text, "Signature=" + Secret.Redacted);
        text = SchemePattern().Replace(text, m => m.Groups["scheme"].Value + " " + Secret.Redacted);
        text = JsonSecretPattern().Replace(text, m => m.Groups["key"].Value + "\"" + Secret.Redacted + "\"");
        text = IamTokenPattern().Replace(text, Secret.Redacted);
        return text;
    }

    /// <summary>
    /// Text from the far side (a service message, a page excerpt): sanitized, control characters
    /// removed, whitespace collapsed and cut to <paramref name="maxLength"/> characters.
    /// </summary>
    public string SanitizeRemote(string? text, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength * 2));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (builder.Length >= maxLength * 4)
            {
                break;
            }
        }

        // Sanitize before cutting, so that a cut can never leave half a secret that no longer matches.
        var clean = Sanitize(builder.ToString().TrimEnd());
        return clean.Length <= maxLength ? clean : clean[..maxLength].TrimEnd() + "…";
    }

    /// <summary>
    /// The readable text of an HTML page (a proxy's or gateway's error page): the title and the
    /// visible text, without scripts, styles or tags, sanitized and cut short.
    /// </summary>
    public string HtmlExcerpt(string html, int maxLength = 200)
    {
        var withoutCode = ScriptOrStylePattern().Replace(html, " ");
        var title = TitlePattern().Match(withoutCode) is { Success: true } m ? m.Groups["title"].Value : null;
        var body = SanitizeRemote(WebUtility.HtmlDecode(TagPattern().Replace(TitlePattern().Replace(withoutCode, " "), " ")), maxLength * 4);
        title = SanitizeRemote(WebUtility.HtmlDecode(title ?? string.Empty), maxLength);

        // Error pages usually repeat their title as the first heading: show it once.
        if (title.Length > 0 && body.StartsWith(title, StringComparison.Ordinal))
        {
            body = body[title.Length..].TrimStart();
        }

        var text = title.Length == 0 ? body : body.Length == 0 ? title : title + ": " + body;
        return SanitizeRemote(text, maxLength);
    }

    [GeneratedRegex(@"(?<name>\b(?:authorization|proxy-authorization|x-auth-token|x-security-token|x-subject-token|cookie|set-cookie)\b)(?<sep>[""']?\s*[:=]\s*[""']?)[^\r\n""',;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretHeaderPattern();

    [GeneratedRegex(@"Signature=[0-9A-Fa-f]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"\b(?<scheme>Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"(?<key>""(?:password|passwd|sk|secret|secret_key|secretkey|security_token|securitytoken|token|access_token|auth_token)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretPattern();

    // IAM tokens are long base64 PKI blobs that start with "MII".
    [GeneratedRegex(@"\bMII[A-Za-z0-9+/=_-]{40,}", RegexOptions.CultureInvariant)]
    private static partial Regex IamTokenPattern();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStylePattern();

    [GeneratedRegex(@"<title\b[^>]*>(?<title>.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
