namespace CodeArtifact.Emulator.Identity;

/// <summary>
/// The fixed development identities every emulator has (like Azurite's well-known
/// <c>devstoreaccount1</c>): the same values on every start, so samples, scripts and tests can
/// name them. Never valid anywhere but on the emulator.
/// </summary>
public static class WellKnownIdentities
{
    /// <summary>The region in repository ids and repository user names.</summary>
    public const string DefaultRegion = "cn-north-4";

    /// <summary>The main development user: member of <see cref="EmulatorIdentity.ProjectId"/> of its tenant.</summary>
    public static EmulatorIdentity Dev { get; } = Create(
        tenantId: "c0dea7f1ac7e4e55a00000000000d001",
        domainName: "codeartifact-dev",
        projectId: "c0dea7f1ac7e4e55b00000000000p001",
        projectName: "dev-project",
        userId: "c0dea7f1ac7e4e55c00000000000u001",
        userName: "dev-user",
        password: "Dev-Passw0rd!",
        accessKey: "CAEMUDEVACCESSKEY001",
        secretKey: "CAEmuDevSecretKey0000000000000000000001",
        repositoryPassword: "Dev-Repo-Passw0rd!");

    /// <summary>A user of another tenant, for permission tests (<c>CR.4102</c>).</summary>
    public static EmulatorIdentity Other { get; } = Create(
        tenantId: "c0dea7f1ac7e4e55a00000000000d002",
        domainName: "codeartifact-other",
        projectId: "c0dea7f1ac7e4e55b00000000000p002",
        projectName: "other-project",
        userId: "c0dea7f1ac7e4e55c00000000000u002",
        userName: "other-user",
        password: "Other-Passw0rd!",
        accessKey: "CAEMUOTHERACCESSKEY2",
        secretKey: "CAEmuOtherSecretKey00000000000000000002",
        repositoryPassword: "Other-Repo-Passw0rd!");

    /// <summary>A project of the dev tenant that the dev user does not belong to (<c>CR.4102</c> within one tenant).</summary>
    public const string UnjoinedProjectId = "c0dea7f1ac7e4e55b00000000000p003";

    public const string UnjoinedProjectName = "unjoined-project";

    /// <summary>The repository user name the service derives from region, tenant and user.</summary>
    public static string RepositoryUserName(string region, string tenantId, string userId) => $"{region}_{tenantId}_{userId}";

    private static EmulatorIdentity Create(
        string tenantId, string domainName, string projectId, string projectName, string userId, string userName,
        string password, string accessKey, string secretKey, string repositoryPassword) => new()
        {
            TenantId = tenantId,
            DomainName = domainName,
            ProjectId = projectId,
            ProjectName = projectName,
            UserId = userId,
            UserName = userName,
            Password = password,
            AccessKey = accessKey,
            SecretKey = secretKey,
            RepositoryUserName = RepositoryUserName(DefaultRegion, tenantId, userId),
            RepositoryPassword = repositoryPassword,
        };
}
