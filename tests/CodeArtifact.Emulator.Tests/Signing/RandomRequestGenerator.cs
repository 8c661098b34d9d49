using System.Globalization;
using System.Text;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>
/// Seeded random requests for the differential signing tests: paths with unicode, spaces and
/// reserved characters; repeated keys and empty values; extra headers with odd case, padding and
/// <c>_</c> in the name; bodies; declared and unsigned payloads; each escaped in one of the legal
/// wire styles.
/// </summary>
internal sealed class RandomRequestGenerator(int seed)
{
    private const string Plain = "abcxyzABCXYZ0189";
    private const string Unreserved = "-_.~";
    private const string Reserved = "!$&'()*+,;=:@/?#[]%";
    private static readonly string[] Unicode = ["é", "ü", "ß", "ж", "ñ", "一", "库", "😀", "\u00A0"];
    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"];
    private static readonly string[] KnownKeys = ["path", "format", "limit", "offset", "file_name", "is_recycle_bin"];
    private static readonly string[] Hosts = ["service.region.example.com", "127.0.0.1:10150", "artifact.cn-north-4.myhuaweicloud.com"];

    private readonly Random _random = new(seed);

    /// <summary>A request to any path.</summary>
    public RandomRequest Next() => Build(Pick(Methods), Segments(), null, null) with { TrailingSlash = _random.Next(4) == 0 };

    /// <summary>A request with the given method and (decoded) path, for the routes of a running emulator.</summary>
    public RandomRequest Next(string method, IReadOnlyList<string> segments, DateTimeOffset signedAt, string host) =>
        Build(method, segments, signedAt, host);

    /// <summary>A decoded text of up to <paramref name="maxLength"/> characters from every class the canonicaliser treats differently.</summary>
    public string Text(int maxLength, bool allowSlash = true)
    {
        var length = _random.Next(maxLength + 1);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(_random.Next(10) switch
            {
                < 4 => Plain[_random.Next(Plain.Length)].ToString(),
                4 => Unreserved[_random.Next(Unreserved.Length)].ToString(),
                5 => " ",
                6 or 7 => Reserved[_random.Next(Reserved.Length)].ToString(),
                _ => Unicode[_random.Next(Unicode.Length)],
            });
        }

        return allowSlash ? text.ToString() : text.ToString().Replace('/', '-');
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public int Next(int max) => _random.Next(max);

    private RandomRequest Build(string method, IReadOnlyList<string> segments, DateTimeOffset? signedAt, string? host)
    {
        var body = method is "GET" or "HEAD" ? [] : Body();
        var payload = _random.Next(10) switch
        {
            < 6 => PayloadMode.Hashed,
            < 8 => PayloadMode.Unsigned,
            _ => PayloadMode.Declared,
        };
        var date = signedAt ?? DateTimeOffset.UnixEpoch.AddSeconds(_random.NextInt64(1_560_000_000, 1_900_000_000));
        return new RandomRequest(
            method,
            segments,
            false,
            Query(),
            Headers(host ?? Pick(Hosts), date, body, payload),
            body,
            payload,
            (WireStyle)_random.Next(3));
    }

    private List<string> Segments()
    {
        var segments = new List<string>();
        var count = 1 + _random.Next(5);
        for (var i = 0; i < count; i++)
        {
            string segment;
            do
            {
                // Now and then an empty segment (a double slash); "." and ".." are never path segments of the API.
                segment = _random.Next(12) == 0 ? string.Empty : Text(10);
            }
            while (segment is "." or ".." || (segment.Length == 0 && i == 0));

            segments.Add(segment);
        }

        return segments;
    }

    private List<QueryPair> Query()
    {
        var pairs = new List<QueryPair>();
        var count = _random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var key = pairs.Count > 0 && _random.Next(4) == 0
                ? pairs[_random.Next(pairs.Count)].Key
                : _random.Next(2) == 0 ? Pick(KnownKeys) : NonEmpty(Text(6));
            var value = _random.Next(4) == 0 ? string.Empty : Text(12);
            pairs.Add(new QueryPair(key, value, value.Length == 0 && _random.Next(2) == 0));
        }

        return pairs;
    }

    private List<KeyValuePair<string, string>> Headers(string host, DateTimeOffset date, byte[] body, PayloadMode payload)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", host),
            new(SdkHmacSigner.DateHeader, SdkHmacSigner.FormatDate(date)),
        };
        if (_random.Next(2) == 0)
        {
            headers.Add(new("X-Project-Id", Hex(32)));
        }
        else if (_random.Next(3) == 0)
        {
            headers.Add(new("X-Domain-Id", Hex(32)));
        }

        if (_random.Next(4) == 0)
        {
            headers.Add(new("X-Security-Token", Convert.ToBase64String(RandomBytes(24))));
        }

        if (body.Length > 0)
        {
            headers.Add(new("Content-Type", "application/json;charset=UTF-8"));
        }

        switch (payload)
        {
            case PayloadMode.Unsigned:
                headers.Add(new(SdkHmacSigner.ContentSha256Header, SdkHmacSigner.UnsignedPayload));
                break;
            case PayloadMode.Declared:
                var hash = SdkHmacSigner.HexSha256(body);
                headers.Add(new(SdkHmacSigner.ContentSha256Header, _random.Next(2) == 0 ? hash : hash.ToUpperInvariant()));
                break;
        }

        for (var i = _random.Next(4); i > 0; i--)
        {
            headers.Add(new(Case($"X-Extra-{i}"), Pad(HeaderValue())));
        }

        for (var i = _random.Next(3); i > 0; i--)
        {
            headers.Add(new(i == 1 ? "TEST_UNDERSCORE" : Case($"X_Custom_{i}"), HeaderValue()));
        }

        return headers;
    }

    private byte[] Body() => _random.Next(4) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes($$"""{"name":"{{Text(20).Replace("\"", "'", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal)}}","id":{{_random.Next(1000)}}}"""),
        _ => RandomBytes(1 + _random.Next(2048)),
    };

    private string HeaderValue()
    {
        const string printable = "abcXYZ0123 -_.:;,=/+*()";
        return new string(Enumerable.Range(0, 1 + _random.Next(16)).Select(_ => printable[_random.Next(printable.Length)]).ToArray());
    }

    private string Pad(string value) => new string(' ', _random.Next(3)) + value + new string(' ', _random.Next(3));

    private string Case(string name) => _random.Next(3) switch
    {
        0 => name.ToLowerInvariant(),
        1 => name.ToUpperInvariant(),
        _ => name,
    };

    private string Hex(int length) => Convert.ToHexStringLower(RandomBytes(length / 2));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string NonEmpty(string text) => text.Length > 0 ? text : "k" + _random.Next(100).ToString(CultureInfo.InvariantCulture);
}
