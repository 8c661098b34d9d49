namespace CodeArtifact.Core.Auth;

/// <summary>
/// The account a repository URL takes with HTTP basic auth (uploads and downloads): the
/// account-specific repository user and password that <c>ShowMavenInfo</c> returns, or the one
/// given in <c>CODEARTIFACT_REPOSITORY_USER</c> and <c>CODEARTIFACT_REPOSITORY_PASSWORD</c>.
/// </summary>
/// <param name="UserName">The repository user name (not a secret: it appears in logs and reports).</param>
/// <param name="Password">The repository password, redacted wherever it is printed.</param>
public sealed record RepositoryAccount(string UserName, Secret Password)
{
    /// <inheritdoc />
    public override string ToString() => $"{UserName} (password {Secret.Redacted})";
}
