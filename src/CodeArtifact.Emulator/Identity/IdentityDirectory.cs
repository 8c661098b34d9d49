using System.Collections.Concurrent;
using System.Security.Cryptography;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Identity;

internal sealed record Tenant(string DomainId, string DomainName);

internal sealed record Project(string Id, string Name, string DomainId);

/// <summary>A user of a tenant with the projects it belongs to.</summary>
internal sealed class User(string userId, string name, string domainId, string password, string repositoryUserName, IEnumerable<string> projectIds)
{
    public string UserId { get; } = userId;

    public string Name { get; } = name;

    public string DomainId { get; } = domainId;

    public string Password { get; } = password;

    public string RepositoryUserName { get; } = repositoryUserName;

    public IReadOnlySet<string> ProjectIds { get; } = new HashSet<string>(projectIds, StringComparer.Ordinal);
}

internal sealed record AccessKeyRecord(string AccessKey, string SecretKey, string UserId, string? SecurityToken, DateTimeOffset? ExpiresAt);

internal sealed record IssuedToken(string UserId, string? ProjectId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Who made a request, and how it was authenticated.</summary>
internal sealed record Caller(User User, Tenant Tenant, string AuthKind)
{
    public bool BelongsTo(string projectId) => User.ProjectIds.Contains(projectId);
}

/// <summary>
/// Tenants, projects, users, access keys and issued tokens. Identities are configuration, not
/// data: they are built on every start from the well-known identities and the seed file, and
/// live in memory (read on every request, so no database round trip). Only the repository
/// passwords, which the API can reset, are kept in the metadata store.
/// </summary>
internal sealed class IdentityDirectory(IMetadataStore store, string region)
{
    private readonly ConcurrentDictionary<string, Tenant> _tenantsById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Project> _projects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _usersById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessKeyRecord> _accessKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _repositoryPasswords = new(StringComparer.Ordinal);

    public string Region { get; } = region;

    public void AddTenant(Tenant tenant) => _tenantsById[tenant.DomainId] = tenant;

    public void AddProject(Project project) => _projects[project.Id] = project;

    public void AddUser(User user, string defaultRepositoryPassword)
    {
        _usersById[user.UserId] = user;
        _repositoryPasswords[user.UserId] = store.GetRepositoryPassword(user.UserId) ?? defaultRepositoryPassword;
    }

    public void AddAccessKey(AccessKeyRecord key) => _accessKeys[key.AccessKey] = key;

    /// <summary>Adds one of the well-known identities (tenant, project, user, AK/SK).</summary>
    public void AddIdentity(EmulatorIdentity identity)
    {
        _tenantsById.TryAdd(identity.TenantId, new Tenant(identity.TenantId, identity.DomainName));
        AddProject(new Project(identity.ProjectId, identity.ProjectName, identity.TenantId));
        AddUser(
            new User(identity.UserId, identity.UserName, identity.TenantId, identity.Password, identity.RepositoryUserName, [identity.ProjectId]),
            identity.RepositoryPassword);
        AddAccessKey(new AccessKeyRecord(identity.AccessKey, identity.SecretKey, identity.UserId, null, null));
    }

    public Tenant? FindTenant(string domainId) => _tenantsById.GetValueOrDefault(domainId);

    public Tenant? FindTenantByName(string domainName) =>
        _tenantsById.Values.FirstOrDefault(t => string.Equals(t.DomainName, domainName, StringComparison.Ordinal));

    public Project? FindProject(string projectId) => _projects.GetValueOrDefault(projectId);

    public IEnumerable<Project> ProjectsOf(string domainId) => _projects.Values.Where(p => p.DomainId == domainId);

    public User? FindUser(string userId) => _usersById.GetValueOrDefault(userId);

    public User? FindUser(string domainId, string userName) =>
        _usersById.Values.FirstOrDefault(u => u.DomainId == domainId && string.Equals(u.Name, userName, StringComparison.Ordinal));

    public User? FindUserByRepositoryName(string repositoryUserName) =>
        _usersById.Values.FirstOrDefault(u => string.Equals(u.RepositoryUserName, repositoryUserName, StringComparison.Ordinal));

    public AccessKeyRecord? FindAccessKey(string accessKey) => _accessKeys.GetValueOrDefault(accessKey);

    public Caller CallerFor(User user, string authKind) =>
        new(user, FindTenant(user.DomainId) ?? new Tenant(user.DomainId, user.DomainId), authKind);

    public string RepositoryPassword(string userId) => _repositoryPasswords.GetValueOrDefault(userId, string.Empty);

    /// <summary>Gives the user a new random repository password and keeps it across restarts.</summary>
    public string ResetRepositoryPassword(string userId)
    {
        var password = RandomToken(12);
        store.SetRepositoryPassword(userId, password);
        _repositoryPasswords[userId] = password;
        return password;
    }

    public TemporaryCredentials CreateTemporaryCredentials(string userId, DateTimeOffset expiresAt)
    {
        var credentials = new TemporaryCredentials(
            "CAEMUTMP" + RandomToken(12).ToUpperInvariant(), RandomToken(40), "emu-sts-" + RandomToken(64), expiresAt);
        AddAccessKey(new AccessKeyRecord(credentials.AccessKey, credentials.SecretKey, userId, credentials.SecurityToken, expiresAt));
        return credentials;
    }

    public string IssueToken(string userId, string? projectId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var token = "MIIEmu" + RandomToken(120);
        _tokens[token] = new IssuedToken(userId, projectId, now, expiresAt);
        return token;
    }

    public IssuedToken? FindToken(string token) => _tokens.GetValueOrDefault(token);

    private static string RandomToken(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
