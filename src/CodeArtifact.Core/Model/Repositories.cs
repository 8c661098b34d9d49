namespace CodeArtifact.Core.Model;

/// <summary>What <c>CreateMavenRepo</c> creates: a Maven release/snapshot repository pair.</summary>
public sealed class MavenRepositoryCreateRequest
{
    /// <summary>The repository name shown in the console (required).</summary>
    public string RepositoryName { get; init; } = string.Empty;

    /// <summary><c>maven2</c>.</summary>
    public string Format { get; init; } = "maven2";

    public string? Description { get; init; }

    /// <summary>Name of the release repository; the service's choice when null.</summary>
    public string? Release { get; init; }

    /// <summary>Name of the snapshot repository; the service's choice when null.</summary>
    public string? Snapshot { get; init; }

    /// <summary>Path whitelist, such as <c>**/*</c>.</summary>
    public string? IncludesPattern { get; init; }

    /// <summary>Sharing, such as <c>PROJECT</c>.</summary>
    public string? ShareRight { get; init; }

    /// <summary>The project to create it in; the client's project when null.</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>hosted</c> (local) or <c>virtual</c>.</summary>
    public string Type { get; init; } = "hosted";
}

/// <summary>What <c>ModifyRepository</c> changes on a Maven repository pair (null leaves a field out).</summary>
public sealed class MavenRepositoryUpdateRequest
{
    public string? RepositoryName { get; init; }

    public string? IncludesPattern { get; init; }

    public string? ProjectId { get; init; }

    public string? Description { get; init; }

    public string? Snapshot { get; init; }

    public string? Release { get; init; }
}

/// <summary>The ids of a Maven release/snapshot pair.</summary>
public sealed record MavenRepositoryPair(string? Release, string? Snapshot);

/// <summary>What <c>CreateDockerRepositories</c> creates.</summary>
public sealed class DockerRepositoryCreateRequest
{
    /// <summary>The display name (required).</summary>
    public string DisplayName { get; init; } = string.Empty;

    public string? Description { get; init; }

    /// <summary><c>docker</c> (the documented example) or <c>docker2</c>.</summary>
    public string Format { get; init; } = "docker";

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c>.</summary>
    public string Type { get; init; } = "hosted";
}

/// <summary>What <c>CreateArtifactory</c> creates: a non-Maven repository.</summary>
public sealed class RepositoryCreateRequest
{
    /// <summary>The repository name (required).</summary>
    public string RepositoryName { get; init; } = string.Empty;

    /// <summary>The format, such as <c>npm</c>, <c>pypi</c> or <c>generic</c> (not Maven).</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c>.</summary>
    public string Type { get; init; } = "hosted";

    public string? Description { get; init; }

    /// <summary>Path whitelist (required by the API).</summary>
    public string IncludesPattern { get; init; } = "**/*";

    /// <summary>The project to create it in; the client's project when null.</summary>
    public string? ProjectId { get; init; }

    public string? ShareRight { get; init; }
}

/// <summary>What <c>UpdateArtifactory</c> changes on non-Maven repositories.</summary>
public sealed class RepositoryUpdateRequest
{
    /// <summary>The repository name (required).</summary>
    public string RepositoryName { get; init; } = string.Empty;

    /// <summary>The format (required).</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>The repositories to change (required, at least one).</summary>
    public IReadOnlyList<string> RepositoryIds { get; init; } = Array.Empty<string>();

    public string? Description { get; init; }

    public string? IncludesPattern { get; init; }

    /// <summary>Deployment policy, such as <c>allowRedeploy</c>.</summary>
    public string? DeploymentPolicy { get; init; }

    public bool? AutoCleanSnapshot { get; init; }

    public string? SnapshotAliveDays { get; init; }

    public string? MaxUniqueSnapshots { get; init; }

    public bool? AllowAnonymous { get; init; }
}

/// <summary>Filters of <c>ListAllRepositories</c>; every one is optional.</summary>
public sealed class RepositoryListQuery
{
    /// <summary>The project of the path; the client's project when null.</summary>
    public string? ProjectId { get; init; }

    public string? GroupId { get; init; }

    /// <summary>Page number, from 1.</summary>
    public int? PageNumber { get; init; }

    /// <summary>Records per page, 1–100.</summary>
    public int? PageSize { get; init; }

    public string? Sort { get; init; }

    /// <summary>Text to look for in names (<c>qname</c>).</summary>
    public string? Name { get; init; }

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c>.</summary>
    public string? Type { get; init; }

    public string? Format { get; init; }

    /// <summary>Several formats (<c>format_list</c>, sent comma-separated).</summary>
    public IReadOnlyList<string> Formats { get; init; } = Array.Empty<string>();

    public bool? RecycleBin { get; init; }

    /// <summary>False for one answer with every repository.</summary>
    public bool? Paging { get; init; }

    public bool? InProject { get; init; }
}

/// <summary>One page of <c>ListAllRepositories</c>.</summary>
public sealed class RepositoryPage
{
    public int Total { get; init; }

    public IReadOnlyList<RepositorySummary> Repositories { get; init; } = Array.Empty<RepositorySummary>();
}

/// <summary>A repository as the listing and details operations describe it: the common fields and its storage.</summary>
public sealed record RepositorySummary : RepositoryRecord
{
    /// <summary>Artifact counts; only <c>GetRepositoryDetailsAsync</c> collects them.</summary>
    public RepositoryStorage? Storage { get; init; }
}

/// <summary>What a repository holds.</summary>
/// <param name="FilesCount">The number of files.</param>
/// <param name="UsedSpace">The space as the service displays it, such as <c>0 MB</c>.</param>
public sealed record RepositoryStorage(long? FilesCount, string? UsedSpace);
