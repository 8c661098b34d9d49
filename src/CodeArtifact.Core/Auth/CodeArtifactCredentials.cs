namespace CodeArtifact.Core.Auth;

/// <summary>How requests are authenticated. One of the records below.</summary>
public abstract record CodeArtifactCredentials
{
    private protected CodeArtifactCredentials()
    {
    }

    /// <summary>A short, secret-free description for logs ("AK/SK AKIA…", "IAM user alice@corp").</summary>
    public abstract string Describe();
}

/// <summary>
/// Permanent or temporary AK/SK: every request is signed with <c>SDK-HMAC-SHA256</c>;
/// temporary credentials also send <c>X-Security-Token</c>.
/// </summary>
public sealed record AccessKeyCredentials(string AccessKey, Secret SecretKey, Secret? SecurityToken = null) : CodeArtifactCredentials
{
    /// <inheritdoc />
    public override string Describe() => SecurityToken is null ? $"AK/SK {AccessKey}" : $"temporary AK/SK {AccessKey}";
}

/// <summary>
/// An IAM user and password: a project-scoped token is obtained from IAM
/// (<c>POST /v3/auth/tokens</c>), cached and refreshed before its 24 h expiry.
/// </summary>
public sealed record IamPasswordCredentials(string UserName, string DomainName, Secret Password) : CodeArtifactCredentials
{
    /// <inheritdoc />
    public override string Describe() => $"IAM user {UserName} of {DomainName}";
}

/// <summary>A pre-issued IAM token, sent as <c>X-Auth-Token</c>.</summary>
public sealed record TokenCredentials(Secret Token) : CodeArtifactCredentials
{
    /// <inheritdoc />
    public override string Describe() => "IAM token";
}
