using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>
/// Makes documents for the parser fuzz tests from one seeded <see cref="Random"/>: byte-level
/// mutations of real answers (flips, cuts, splices, stray tokens), structure-aware ones (a value
/// replaced by one of another type or an edge value, a field dropped or renamed, an array wrapped),
/// documents generated from scratch with the real field names, and bodies that are not JSON.
/// </summary>
internal sealed class JsonMutator(int seed, IReadOnlyList<byte[]> seeds)
{
    private static readonly string[] StrayTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "1e999", "\\u0000", "\"\\ud800\"", "NaN", "/*", "\u00ff", "0x10", "\uFEFF",
    ];

    private static readonly string[] EdgeStrings =
    [
        "", " ", "true", "false", "yes", "TRUE", "1", "0", "-1", "null", "2023-11-29 09:56:51", "2023-13-45 99:99:99", "0000-00-00 00:00:00",
        "9999-12-31 23:59:59", "1701222411000", "-62135596800001", "253402300800000", "99999999999999999999", "1e3", "NaN", "Infinity",
        "2023-11-29T09:56:51+08:00", "2023-11-29T09:56:51+99:00", "release", "releases", "snapshot", "SNAPSHOT", "success", "\u0000",
        "/", "//", "/../..", "a/b/../../../c", "cn-north-4_x_generic_1/", "\ud83d\ude00", new string('z', 5000),
    ];

    private readonly Random _random = new(seed);
    private readonly string[] _names = FieldNames(seeds);

    /// <summary>The next document: derived from <paramref name="original"/> most of the time.</summary>
    public byte[] Next(byte[] original) => _random.Next(100) switch
    {
        < 30 => MutateBytes(original),
        < 60 => MutateStructure(original),
        < 75 => Encoding.UTF8.GetBytes(GenerateEnvelope()),
        < 88 => MutateBytes(MutateStructure(original)),
        _ => NotJson(),
    };

    private byte[] MutateBytes(byte[] original)
    {
        var bytes = new List<byte>(original);
        var rounds = 1 + _random.Next(6);
        for (var round = 0; round < rounds; round++)
        {
            var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
            switch (_random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)_random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(16)));
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(StrayTokens[_random.Next(StrayTokens.Length)]));
                    break;
                case 3 when bytes.Count > 0:
                    var length = Math.Min(bytes.Count - at, 1 + _random.Next(64));
                    bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << _random.Next(8));
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private byte[] MutateStructure(byte[] original)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(original);
        }
        catch (JsonException)
        {
            return MutateBytes(original);
        }

        var rounds = 1 + _random.Next(4);
        for (var round = 0; round < rounds; round++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            if (nodes.Count == 0)
            {
                break;
            }

            var target = nodes[_random.Next(nodes.Count)];
            var parent = target.Parent;
            switch (parent)
            {
                case JsonObject owner:
                    var name = target.GetPropertyName();
                    switch (_random.Next(4))
                    {
                        case 0: owner.Remove(name); break;
                        case 1: owner.Remove(name); owner[_names[_random.Next(_names.Length)]] = RandomValue(2); break;
                        case 2: owner[name] = new JsonArray(RandomValue(1)); break;
                        default: owner[name] = RandomValue(3); break;
                    }

                    break;
                case JsonArray array:
                    var index = target.GetElementIndex();
                    if (_random.Next(3) == 0)
                    {
                        array.RemoveAt(index);
                    }
                    else
                    {
                        array[index] = RandomValue(3);
                    }

                    break;
                default:
                    root = RandomValue(3);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(root?.ToJsonString() ?? "null");
    }

    private string GenerateEnvelope()
    {
        var result = RandomValue(4)?.ToJsonString() ?? "null";
        return _random.Next(4) switch
        {
            0 => result,
            1 => $$"""{"result":{{result}}}""",
            2 => $$"""{"status":"{{(_random.Next(5) == 0 ? "error" : "success")}}","trace_id":"t","result":{{result}}}""",
            _ => "{\"result\":{\"data\":" + result + ",\"total_records\":" + Number(_random.Next(-5, 500)) + ",\"total_pages\":" + Number(_random.Next(-2, 9)) + "}}",
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private byte[] NotJson() => _random.Next(8) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"),
        2 => Encoding.UTF8.GetBytes(new string('[', 200 + _random.Next(5000))),
        3 => Encoding.UTF8.GetBytes(new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 100)) + "}"),
        4 => [0xEF, 0xBB, 0xBF],
        5 => Encoding.UTF8.GetBytes("   \r\n\t "),
        6 => [0xEF, 0xBB, 0xBF, (byte)'{', 0xC3, 0x28, (byte)'}'],
        _ => RandomBytes(),
    };

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 300)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth <= 0 ? 6 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(EdgeStrings[_random.Next(EdgeStrings.Length)]),
        3 => RandomNumber(),
        4 => JsonValue.Create(RandomText()),
        5 => JsonValue.Create(_random.NextInt64(long.MinValue, long.MaxValue)),
        6 => new JsonArray(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth - 1)).ToArray()),
        _ => RandomObject(depth - 1),
    };

    private JsonObject RandomObject(int depth)
    {
        var obj = new JsonObject();
        var count = _random.Next(7);
        for (var i = 0; i < count; i++)
        {
            obj[_names[_random.Next(_names.Length)]] = RandomValue(depth);
        }

        return obj;
    }

    private JsonNode RandomNumber() => _random.Next(6) switch
    {
        0 => JsonValue.Create(double.MaxValue),
        1 => JsonValue.Create(-0.5),
        2 => JsonValue.Create(decimal.MaxValue),
        3 => JsonNode.Parse("1" + new string('0', 40))!,
        4 => JsonNode.Parse("-9223372036854775809")!,
        _ => JsonValue.Create(_random.NextDouble() * Math.Pow(10, _random.Next(-5, 20))),
    };

    private string RandomText()
    {
        var length = _random.Next(24);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)_random.Next(0x20, 0x3000));
        }

        return builder.ToString();
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    /// <summary>Every property name of the real answers, so that generated documents hit the readers' fields.</summary>
    private static string[] FieldNames(IEnumerable<byte[]> documents)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { "status", "result", "error_code", "error_msg", "trace_id" };
        foreach (var document in documents)
        {
            var reader = new Utf8JsonReader(document);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    names.Add(reader.GetString()!);
                }
            }
        }

        return [.. names];
    }

    public static string Excerpt(byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        return text.Length <= 300 ? text : text[..300] + string.Create(CultureInfo.InvariantCulture, $"… ({document.Length} bytes)");
    }
}
