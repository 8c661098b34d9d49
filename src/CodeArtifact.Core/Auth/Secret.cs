namespace CodeArtifact.Core.Auth;

/// <summary>
/// A secret value (secret key, security token, password, token). Its <see cref="ToString"/>
/// redacts, so that it cannot reach a log, an exception message or a report by accident;
/// the value is read only through <see cref="Reveal"/>, at the point where it is sent or written.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    public const string Redacted = "***";

    private readonly string _value;

    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The value itself. Call only where the secret is sent or written to its one destination.</summary>
    public string Reveal() => _value;

    /// <summary>True when the value is the empty string.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>Creates a secret, or null for null or empty input.</summary>
    public static Secret? FromNullable(string? value) => string.IsNullOrEmpty(value) ? null : new Secret(value);

    /// <inheritdoc />
    public override string ToString() => Redacted;

    /// <inheritdoc />
    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
