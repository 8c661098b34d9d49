using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Reads a successful answer into the operation's result. A v5 envelope is read in one pass of
/// one <see cref="Utf8JsonReader"/> over the buffered body: <c>status</c>, <c>trace_id</c> and the
/// error fields are picked up on the way, and <c>result</c> is deserialized straight from the
/// same reader, so the body is never parsed twice.
/// </summary>
internal sealed class ResultReader
{
    private readonly ErrorTranslator _errors;

    public ResultReader(ErrorTranslator errors) => _errors = errors;

    public T Read<T>(RequestState state, ApiEnvelope envelope, HttpResponseMessage response, byte[] body, JsonTypeInfo<T> resultType)
    {
        var json = ServiceErrorBody.SkipBom(body);
        if (envelope == ApiEnvelope.None)
        {
            try
            {
                return JsonSerializer.Deserialize(json, resultType) ?? throw _errors.InvalidAnswer(state, response, body, "the body is null");
            }
            catch (JsonException ex)
            {
                throw _errors.InvalidAnswer(state, response, body, Describe(ex), ex);
            }
        }

        return ReadEnvelope(state, response, body, resultType);
    }

    private T ReadEnvelope<T>(RequestState state, HttpResponseMessage response, byte[] body, JsonTypeInfo<T> resultType)
    {
        string? status = null, traceId = null, errorCode = null, errorMessage = null;
        var hasResult = false;
        T? result = default;
        JsonException? resultFailure = null;
        try
        {
            var reader = new Utf8JsonReader(ServiceErrorBody.SkipBom(body));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw _errors.InvalidAnswer(state, response, body, "it is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    hasResult = true;
                    if (IsError(status))
                    {
                        reader.Skip();
                        continue;
                    }

                    // Deserialize in place; on failure go back and skip, since status may still say "error".
                    var before = reader;
                    try
                    {
                        result = JsonSerializer.Deserialize(ref reader, resultType);
                    }
                    catch (JsonException ex)
                    {
                        resultFailure = ex;
                        reader = before;
                        reader.Skip();
                    }

                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                switch (name)
                {
                    case "status": status = value; break;
                    case "trace_id" or "traceId": traceId = value; break;
                    case "error_code": errorCode = value; break;
                    case "error_msg": errorMessage = value; break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw _errors.InvalidAnswer(state, response, body, "the JSON ends early");
            }
        }
        catch (JsonException ex)
        {
            if (IsError(status))
            {
                throw _errors.FromErrorStatus(state, response, errorCode, errorMessage, traceId);
            }

            throw _errors.InvalidAnswer(state, response, body, Describe(ex), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw _errors.InvalidAnswer(state, response, body, "it holds text that is not valid UTF-8", ex);
        }

        if (IsError(status))
        {
            throw _errors.FromErrorStatus(state, response, errorCode, errorMessage, traceId);
        }

        if (resultFailure is not null)
        {
            throw _errors.InvalidAnswer(state, response, body, "\"result\" does not have the documented shape: " + Describe(resultFailure), resultFailure);
        }

        if (!hasResult)
        {
            throw _errors.InvalidAnswer(state, response, body, "the answer has no \"result\"");
        }

        return result ?? throw _errors.InvalidAnswer(state, response, body, "\"result\" is null");
    }

    private static bool IsError(string? status) => string.Equals(status, "error", StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonException ex) =>
        ex.Path is null
            ? $"at byte {ex.BytePositionInLine ?? 0} of line {(ex.LineNumber ?? 0) + 1}"
            : $"at {ex.Path}, byte {ex.BytePositionInLine ?? 0} of line {(ex.LineNumber ?? 0) + 1}";
}
