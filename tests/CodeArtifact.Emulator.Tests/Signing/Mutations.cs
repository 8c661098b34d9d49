using System.Globalization;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>
/// Copies of a signed request with one signed part changed after signing, keeping the original
/// <c>Authorization</c> header: each must be refused. Every change alters the meaning (the
/// decoded text or the trimmed value), never only how it is escaped.
/// </summary>
internal static class Mutations
{
    public static IEnumerable<(string Part, WireRequest Request)> Of(RandomRequest request, WireRequest signed, RandomRequestGenerator random)
    {
        var authorization = signed.Header("Authorization")!;
        WireRequest Resigned(RandomRequest changed) => changed.Render().WithHeader("Authorization", authorization);

        var otherMethod = random.Pick(new[] { "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD" }.Where(m => m != request.Method).ToArray());
        yield return ("method", signed with { Method = otherMethod });

        var segments = request.Segments.ToList();
        var index = segments.FindIndex(s => s.Length > 0);
        segments[index] = ChangeOneCharacter(segments[index], random);
        yield return ("path", Resigned(request with { Segments = segments }));

        if (request.Query.Count == 0)
        {
            yield return ("query value", Resigned(request with { Query = [new QueryPair("added", "1")] }));
        }
        else
        {
            var query = request.Query.ToList();
            var at = random.Next(query.Count);
            query[at] = query[at] with { Value = query[at].Value + "x", OmitEquals = false };
            yield return ("query value", Resigned(request with { Query = query }));
        }

        var signedNames = SdkHmacSigner.SignableHeaders(request.Headers).Select(h => h.Key)
            .Where(name => name is not "x-sdk-date").ToArray();
        var header = random.Pick(signedNames);
        var original = request.Headers.First(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase));
        yield return ($"signed header {header}", signed.WithHeader(original.Key, original.Value + "x"));

        var body = request.Body.Length == 0 ? [(byte)'x'] : (byte[])request.Body.Clone();
        if (request.Body.Length > 0)
        {
            body[random.Next(body.Length)] ^= 0x20;
        }

        yield return ("body", signed with { Body = body });

        var date = DateTimeOffset.ParseExact(request.Date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        yield return ("date", signed.WithHeader(SdkHmacSigner.DateHeader, SdkHmacSigner.FormatDate(date.AddSeconds(1))));
    }

    private static string ChangeOneCharacter(string text, RandomRequestGenerator random)
    {
        var at = random.Next(text.Length);
        var replacement = char.IsSurrogate(text[at]) || text[at] != 'q' ? "q" : "r";
        var end = at + (char.IsHighSurrogate(text[at]) ? 2 : 1);
        var start = char.IsLowSurrogate(text[at]) ? at - 1 : at;
        return text[..start] + replacement + text[end..];
    }
}
