namespace CodeArtifact.Emulator.Identity;

/// <summary>
/// A tenant user the emulator knows, with every credential it accepts: AK/SK, IAM user name and
/// password (for <c>POST /v3/auth/tokens</c>), and the repository user name and password that
/// <c>maven/info</c> returns (basic auth for uploads and downloads). These are development
/// credentials printed at start; <see cref="ToString"/> still leaves the secrets out.
/// </summary>
public sealed record EmulatorIdentity
{
    /// <summary>The tenant (account, domain) id used in v5 paths.</summary>
    public required string TenantId { get; init; }

    /// <summary>The account (domain) name used to obtain an IAM token.</summary>
    public required string DomainName { get; init; }

    /// <summary>The project this user belongs to.</summary>
    public required string ProjectId { get; init; }

    public required string ProjectName { get; init; }

    public required string UserId { get; init; }

    /// <summary>The IAM user name.</summary>
    public required string UserName { get; init; }

    /// <summary>The IAM password.</summary>
    public required string Password { get; init; }

    public required string AccessKey { get; init; }

    public required string SecretKey { get; init; }

    /// <summary>The repository (basic auth) user name: <c>{region}_{tenantId}_{userId}</c>.</summary>
    public required string RepositoryUserName { get; init; }

    /// <summary>The repository password as configured at start (the reset API can change it later).</summary>
    public required string RepositoryPassword { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"EmulatorIdentity {{ TenantId = {TenantId}, DomainName = {DomainName}, ProjectId = {ProjectId}, UserName = {UserName}, AccessKey = {AccessKey} }}";
}

/// <summary>Temporary AK/SK with the security token that must accompany them (<c>X-Security-Token</c>).</summary>
public sealed record TemporaryCredentials(string AccessKey, string SecretKey, string SecurityToken, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"TemporaryCredentials {{ AccessKey = {AccessKey}, ExpiresAt = {ExpiresAt:O} }}";
}
