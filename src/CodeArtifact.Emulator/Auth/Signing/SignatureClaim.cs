namespace CodeArtifact.Emulator.Auth.Signing;

/// <summary>
/// What an <c>Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=a;b, Signature=…</c> header
/// claims: the access key, the names of the signed headers in the client's order, and the signature.
/// </summary>
internal sealed record SignatureClaim(string AccessKey, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>True when the header is of this scheme at all (well-formed or not).</summary>
    public static bool IsOfScheme(string? authorization) =>
        authorization is not null && authorization.StartsWith(Algorithm, StringComparison.Ordinal);

    /// <summary>Reads the three fields (separated by <c>,</c>, each <c>Name=value</c>); null when one is missing or empty.</summary>
    public static SignatureClaim? Parse(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? access = null, signed = null, signature = null;
        foreach (var field in authorization[(Algorithm.Length + 1)..].Split(','))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = field[(equals + 1)..].Trim();
            switch (field[..equals].Trim())
            {
                case "Access": access = value; break;
                case "SignedHeaders": signed = value; break;
                case "Signature": signature = value; break;
            }
        }

        return string.IsNullOrEmpty(access) || string.IsNullOrEmpty(signed) || string.IsNullOrEmpty(signature)
            ? null
            : new SignatureClaim(access, signed.Split(';', StringSplitOptions.RemoveEmptyEntries), signature);
    }
}
