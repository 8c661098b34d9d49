using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Domain;

/// <summary>Creating, finding and checking access to repositories; the id scheme of the service.</summary>
internal sealed class RepositoryCatalog(EmulatorContext context)
{
    /// <summary>Every format any source lists (the service's lists disagree; the emulator takes their union).</summary>
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal)
    {
        "maven2", "maven", "docker", "docker2", "npm", "go", "pypi", "rpm", "composer", "debian", "conan", "nuget",
        "cocoapods", "ohpm", "generic", "helm", "conda",
    };

    public const string ReleaseRepositoryName = "release-repo";

    /// <summary>Creates the release and snapshot repositories of one Maven repository (one tab).</summary>
    public (RepositoryRecord Release, RepositoryRecord Snapshot) CreateMaven(
        string domainId, string? projectId, string name, string createdBy, string description = "", string includesPattern = "**/*",
        string shareRight = "PROJECT", bool isDefault = false)
    {
        var sequence = context.Store.NextRepositorySequence(domainId);
        var tab = $"{domainId}_tab_maven2_{sequence}";
        var release = New(domainId, projectId, "maven2", name, createdBy, sequence, "release", tab, description, includesPattern, shareRight, isDefault);
        var snapshot = New(domainId, projectId, "maven2", name, createdBy, sequence, "snapshot", tab, description, includesPattern, shareRight, isDefault);
        context.Store.AddRepository(release);
        context.Store.AddRepository(snapshot);
        return (release, snapshot);
    }

    /// <summary>Creates one repository; <paramref name="policy"/> only for maven2 (release or snapshot).</summary>
    public RepositoryRecord Create(
        string domainId, string? projectId, string format, string name, string createdBy, string type = "hosted", string? policy = null,
        string description = "", string includesPattern = "**/*", string shareRight = "PROJECT", bool isDefault = false,
        string? id = null, string? displayName = null)
    {
        var sequence = context.Store.NextRepositorySequence(domainId);
        var tab = format == "maven2" ? $"{domainId}_tab_maven2_{sequence}" : null;
        var repository = New(domainId, projectId, format, name, createdBy, sequence, policy, tab, description, includesPattern, shareRight, isDefault) with
        {
            Type = type,
            DisplayName = displayName,
        };
        if (id is not null)
        {
            repository = repository with { Id = id };
        }

        context.Store.AddRepository(repository);
        return repository;
    }

    /// <summary>An active repository, or null (unknown or in the recycle bin).</summary>
    public RepositoryRecord? FindActive(string id) =>
        context.Store.GetRepository(id) is { Status: "active" } repository ? repository : null;

    /// <summary>The active repositories of the caller's tenant that the caller may use.</summary>
    public IReadOnlyList<RepositoryRecord> Visible(Caller caller) =>
        context.Store.ListRepositories(caller.Tenant.DomainId).Where(r => r.Status == "active" && CanAccess(caller, r)).ToList();

    /// <summary>Same tenant, and a member of the repository's project when it has one.</summary>
    public static bool CanAccess(Caller caller, RepositoryRecord repository) =>
        repository.DomainId == caller.Tenant.DomainId && (repository.ProjectId is null || caller.BelongsTo(repository.ProjectId));

    /// <summary>The active repository the caller may use, or the documented errors (404 unknown, 403 CR.4102 not permitted).</summary>
    public RepositoryRecord Require(Caller caller, string id)
    {
        var repository = FindActive(id) ?? throw EmulatorErrors.RepositoryNotFound(id);
        return CanAccess(caller, repository) ? repository : throw EmulatorErrors.NoProjectPermission();
    }

    /// <summary>The repository URL: Maven at <c>/artgalaxy/{id}/</c>, others at <c>/artgalaxy/api/{format}/{id}/</c>.</summary>
    public string Url(RepositoryRecord repository) => repository.IsMaven || repository.Format == "generic"
        ? $"{context.BaseUrl}/artgalaxy/{repository.Id}/"
        : $"{context.BaseUrl}/artgalaxy/api/{repository.Format}/{repository.Id}/";

    /// <summary>The generic repository that holds a project's release files (created on first use).</summary>
    public RepositoryRecord ReleaseRepositoryOf(string domainId, string projectId, string createdBy) =>
        context.Store.ListRepositories(domainId).FirstOrDefault(r => r.ProjectId == projectId && r.Name == ReleaseRepositoryName)
        ?? Create(domainId, projectId, "generic", ReleaseRepositoryName, createdBy, description: "Release files of the project");

    private RepositoryRecord New(
        string domainId, string? projectId, string format, string name, string createdBy, int sequence, string? policy, string? tab,
        string description, string includesPattern, string shareRight, bool isDefault)
    {
        var now = context.Now;
        var id = format == "maven2"
            ? $"{context.Options.Region}_{domainId}_maven_{(policy == "snapshot" ? 2 : 1)}_{sequence}"
            : $"{context.Options.Region}_{domainId}_{format}_{sequence}";
        return new RepositoryRecord
        {
            Id = id,
            DomainId = domainId,
            ProjectId = projectId,
            Name = name,
            Format = format,
            Policy = policy,
            TabId = tab,
            Description = description,
            IncludesPattern = includesPattern,
            DeploymentPolicy = "allowRedeploy",
            ShareRight = shareRight,
            IsDefault = isDefault,
            Created = now,
            Modified = now,
            CreatedBy = createdBy,
            Sequence = sequence,
        };
    }
}
