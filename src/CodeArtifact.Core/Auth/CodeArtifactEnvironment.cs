namespace CodeArtifact.Core.Auth;

/// <summary>
/// The environment variables the credential chain reads: those of the official Huawei Cloud
/// SDKs, and this product's own for what they do not cover (an IAM password, a pre-issued
/// token, and the endpoint for CI runs against the emulator).
/// </summary>
public static class CodeArtifactEnvironment
{
    public const string AccessKey = "HUAWEICLOUD_SDK_AK";
    public const string SecretKey = "HUAWEICLOUD_SDK_SK";
    public const string SecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string ProjectId = "HUAWEICLOUD_SDK_PROJECT_ID";
    public const string DomainId = "HUAWEICLOUD_SDK_DOMAIN_ID";
    public const string IamEndpoint = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
    public const string CredentialsFile = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

    public const string Password = "CODEARTIFACT_PASSWORD";
    public const string AuthToken = "CODEARTIFACT_AUTH_TOKEN";
    public const string UserName = "CODEARTIFACT_USER_NAME";
    public const string DomainName = "CODEARTIFACT_DOMAIN_NAME";
    public const string Endpoint = "CODEARTIFACT_ENDPOINT";
    public const string Region = "CODEARTIFACT_REGION";
    public const string TenantId = "CODEARTIFACT_TENANT_ID";

    /// <summary>The repository user for uploads (publish), instead of the one Maven info returns; with <see cref="RepositoryPassword"/>.</summary>
    public const string RepositoryUser = "CODEARTIFACT_REPOSITORY_USER";

    /// <summary>The password of <see cref="RepositoryUser"/>: a secret.</summary>
    public const string RepositoryPassword = "CODEARTIFACT_REPOSITORY_PASSWORD";

    /// <summary>The variables that hold secrets; a front end must never log their values.</summary>
    public static readonly IReadOnlyList<string> Secrets = [SecretKey, SecurityToken, Password, AuthToken, RepositoryPassword];
}
