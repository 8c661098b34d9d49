using System.Text;
using System.Text.Json;

namespace CodeArtifact.Core.Http;

/// <summary>What an answer's body turned out to be, for the error translator.</summary>
internal enum BodyKind
{
    Empty,
    Json,
    InvalidJson,
    Html,
    Text,
}

/// <summary>
/// The fields of every error shape the service, its gateway and IAM send, read best-effort in
/// one pass with <see cref="Utf8JsonReader"/> (it never throws): v5
/// <c>{error_code, error_msg, status, trace_id}</c>, gateway <c>{error_code, error_msg, request_id}</c>,
/// the SDKs' fallback <c>{code, message}</c>, and IAM's nested <c>{"error": {code, message}}</c>.
/// </summary>
internal sealed record ServiceErrorBody(BodyKind Kind, string? Code, string? Message, string? Status, string? TraceId)
{
    public static readonly ServiceErrorBody None = new(BodyKind.Empty, null, null, null, null);

    public static ServiceErrorBody Read(ReadOnlySpan<byte> body, string? mediaType)
    {
        body = SkipBom(body);
        var first = FirstNonWhitespace(body);
        if (first < 0)
        {
            return None;
        }

        if (body[first] == (byte)'<' || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return None with { Kind = BodyKind.Html };
        }

        if (body[first] is not ((byte)'{' or (byte)'['))
        {
            return None with { Kind = BodyKind.Text };
        }

        string? errorCode = null, errorMsg = null, code = null, message = null, status = null, traceId = null, requestId = null;
        string? nestedCode = null, nestedMessage = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return None with { Kind = BodyKind.Json };
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "error" && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadNested(ref reader, ref nestedCode, ref nestedMessage);
                    continue;
                }

                var value = Scalar(ref reader);
                switch (name)
                {
                    case "error_code": errorCode = value; break;
                    case "error_msg": errorMsg = value; break;
                    case "code": code = value; break;
                    case "message": message = value; break;
                    case "error": nestedMessage ??= value; break;
                    case "status": status = value; break;
                    case "trace_id" or "traceId": traceId = value; break;
                    case "request_id": requestId = value; break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                return None with { Kind = BodyKind.InvalidJson };
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: Utf8JsonReader.GetString on text that is not valid UTF-8.
            return new ServiceErrorBody(BodyKind.InvalidJson, errorCode ?? code ?? nestedCode, errorMsg ?? message ?? nestedMessage, status, traceId ?? requestId);
        }

        return new ServiceErrorBody(BodyKind.Json, errorCode ?? code ?? nestedCode, errorMsg ?? message ?? nestedMessage, status, traceId ?? requestId);
    }

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> body) =>
        body.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;

    private static void ReadNested(ref Utf8JsonReader reader, ref string? code, ref string? message)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            var value = Scalar(ref reader);
            if (name == "code")
            {
                code = value;
            }
            else if (name == "message")
            {
                message = value;
            }
        }
    }

    /// <summary>A string, number or boolean as text; objects and arrays are skipped (null).</summary>
    private static string? Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    private static int FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
