namespace CodeArtifact.Core.Auth;

/// <summary>
/// The connection inputs both front ends pass on, as plain text exactly as the user gave them
/// (MSBuild properties, Cake settings). Never a secret: the secret key, security token,
/// password and token are read by <see cref="CredentialChain"/> from the environment or the
/// credentials file, so they cannot end up in a build log. Null or empty means "not given".
/// </summary>
public sealed class CodeArtifactConnectionSettings
{
    /// <summary>The service endpoint, such as <c>https://artifact.ap-southeast-3.myhuaweicloud.com</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The region, such as <c>ap-southeast-3</c>: gives the service and IAM endpoints when they are not given.</summary>
    public string? Region { get; init; }

    /// <summary>The IAM endpoint, for an IAM user's password sign-in.</summary>
    public string? IamEndpoint { get; init; }

    /// <summary>The tenant (account) id of v5 paths: 8–32 letters or digits; the domain id when not given.</summary>
    public string? TenantId { get; init; }

    /// <summary>The project id: 32 letters or digits.</summary>
    public string? ProjectId { get; init; }

    /// <summary>The access key id (not secret); its secret key comes from the environment or the credentials file.</summary>
    public string? AccessKey { get; init; }

    /// <summary>An IAM user's name; the password comes from <c>CODEARTIFACT_PASSWORD</c>.</summary>
    public string? UserName { get; init; }

    /// <summary>The account (domain) name of <see cref="UserName"/>.</summary>
    public string? DomainName { get; init; }

    /// <summary>A credentials file in the official SDKs' INI format, instead of <c>~/.huaweicloud/credentials</c>.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Time limit of one attempt in seconds, 1–3600 (default 100).</summary>
    public string? TimeoutSeconds { get; init; }

    /// <summary>Retries of transient failures, 0–10 (default 4).</summary>
    public string? MaxRetries { get; init; }

    /// <summary>Requests in flight at once, 1–256 (default 32).</summary>
    public string? MaxConcurrency { get; init; }

    /// <summary><c>true</c> to allow plain <c>http://</c> to a host that is not this machine.</summary>
    public string? AllowInsecureHttp { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"Endpoint={Endpoint}, Region={Region}, IamEndpoint={IamEndpoint}, TenantId={TenantId}, ProjectId={ProjectId}, AccessKey={AccessKey}, UserName={UserName}, DomainName={DomainName}, CredentialsFile={CredentialsFile}";
}
