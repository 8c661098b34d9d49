using System.Globalization;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Json;

/// <summary>
/// The JSON shapes of the service, field for field as the documentation's examples show them
/// (including their quirks: <c>size</c> as a string, both <c>userName</c> and <c>username</c>, …).
/// </summary>
internal sealed class Views(EmulatorContext emulator)
{
    private ServiceTime Times => emulator.Times;

    private string Base => emulator.BaseUrl;

    public string StorageUri(string repositoryId, string path) => $"{Base}/artgalaxy/api/storage/{repositoryId}/{Escape(path)}";

    public string DownloadUri(string repositoryId, string path) => $"{Base}/artgalaxy/{repositoryId}/{Escape(path)}";

    public string TrashUri(string repositoryId, string path) => $"{Base}/artgalaxy/api/storage/auto-trashcan/{repositoryId}/{Escape(path)}";

    // A file name may hold any character (space, '#', '?'); each segment is escaped so the URL
    // still names the file.
    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>RepositoryBuildVO: repository info, Maven info (with credentials), created repositories.</summary>
    public JsonObject RepositoryVo(RepositoryRecord r, string? username = null, string? password = null)
    {
        var user = r.CreatedBy.Length > 0 ? emulator.Identities.FindUser(r.CreatedBy) : null;
        var vo = new JsonObject
        {
            ["status"] = r.Status,
            ["domainId"] = r.DomainId,
            ["region"] = emulator.Options.Region,
            ["createdTime"] = Times.Plain(r.Created),
            ["modifiedTime"] = Times.Plain(r.Modified),
            ["createdUserId"] = r.CreatedBy,
            ["createdUserName"] = user?.Name,
            ["modifiedUserId"] = null,
            ["modifiedUserName"] = null,
            ["name"] = r.Id,
            ["disable"] = false,
            ["format"] = r.Format,
            ["type"] = r.Type,
            ["policy"] = r.Policy,
            ["tabId"] = r.TabId,
            ["repositoryName"] = r.Name,
            ["displayName"] = r.DisplayName ?? r.Name,
            ["description"] = r.Description,
            ["snapshot"] = r.Policy == "snapshot" ? r.Name : null,
            ["release"] = r.Policy == "release" ? r.Name : null,
            ["npm"] = null,
            ["snapshotStatus"] = r.Policy == "snapshot" ? r.Status : null,
            ["releaseStatus"] = r.Policy == "release" ? r.Status : null,
            ["projectId"] = r.ProjectId,
            ["includesPattern"] = r.IncludesPattern,
            ["repositoryIds"] = null,
            ["uri"] = null,
            ["deploymentPolicy"] = r.DeploymentPolicy,
            ["repositories"] = null,
            ["parentRepoName"] = null,
            ["userName"] = null,
            ["password"] = password,
            ["remoteUrl"] = null,
            ["defaultDeployRepository"] = null,
            ["remoteType"] = null,
            ["proxy"] = null,
            ["allowAnonymous"] = r.AllowAnonymous,
            ["autoCleanSnapshot"] = null,
            ["snapshotAliveDays"] = null,
            ["maxUniqueSnapshots"] = r.Policy == "snapshot" ? "10" : null,
            ["shareRight"] = r.ShareRight,
            ["nexuRepo"] = false,
        };
        if (username is not null)
        {
            vo["username"] = username;
        }

        vo["url"] = emulator.Repositories.Url(r);
        vo["packageType"] = PackageType(r.Format);
        return vo;
    }

    /// <summary>A repository as the list APIs show it, with an optional storage summary.</summary>
    public JsonObject RepositoryListItem(RepositoryRecord r, (long Count, long Bytes)? usage = null)
    {
        var user = emulator.Identities.FindUser(r.CreatedBy);
        return new JsonObject
        {
            ["id"] = null,
            ["name"] = r.Id,
            ["description"] = r.Description,
            ["createdTime"] = Times.Plain(r.Created),
            ["createdUserId"] = r.CreatedBy,
            ["createdUserName"] = user?.Name,
            ["modifiedTime"] = Times.Plain(r.Modified),
            ["modifiedUserId"] = r.CreatedBy,
            ["modifiedUserName"] = user?.Name,
            ["format"] = r.Format,
            ["repoType"] = r.Type,
            ["includesPattern"] = r.IncludesPattern,
            ["url"] = emulator.Repositories.Url(r),
            ["storageSummaryInfo"] = usage is { } u
                ? new JsonObject { ["filesCount"] = u.Count, ["usedSpace"] = Sizes.Megabytes(u.Bytes) }
                : null,
            ["projectId"] = r.ProjectId,
            ["shareRight"] = r.ShareRight,
            ["deploymentPolicy"] = r.DeploymentPolicy,
            ["repositoryName"] = r.Name,
            ["displayName"] = r.DisplayName,
            ["policy"] = r.Policy,
            ["tabId"] = r.TabId,
            ["status"] = r.Status,
            ["domainId"] = r.DomainId,
            ["region"] = emulator.Options.Region,
            ["uri"] = null,
            ["disable"] = false,
            ["packageType"] = PackageType(r.Format),
        };
    }

    /// <summary>The file-detail result (ListArtifactoryComponent).</summary>
    public JsonObject FileDetail(RepositoryRecord repository, FileRecord f, bool followed)
    {
        var (groupId, artifactId, version) = repository.IsMaven ? Coordinates(f.Path) : (null, null, null);
        return new JsonObject
        {
            ["repo"] = repository.Id,
            ["path"] = "/" + f.Path,
            ["name"] = f.Name,
            ["created"] = Times.Plain(f.Created),
            ["createdBy"] = f.CreatedBy,
            ["lastModified"] = Times.Plain(f.Modified),
            ["lastUpdated"] = Times.Plain(f.Modified),
            ["modifiedBy"] = f.ModifiedBy,
            ["uri"] = StorageUri(repository.Id, f.Path),
            ["downloadUri"] = DownloadUri(repository.Id, f.Path),
            ["mimeType"] = null,
            ["size"] = f.Size.ToString(CultureInfo.InvariantCulture),
            ["attention"] = followed ? "1" : "0",
            ["checksums"] = new JsonObject
            {
                ["sha512"] = f.Checksums.Sha512,
                ["sha256"] = f.Checksums.Sha256,
                ["sha1"] = f.Checksums.Sha1,
                ["md5"] = f.Checksums.Md5,
            },
            ["packageName"] = artifactId,
            ["version"] = version,
            ["groupId"] = groupId,
            ["artifactId"] = artifactId,
            ["properties"] = null,
            ["downloadInfo"] = new JsonObject
            {
                ["uri"] = StorageUri(repository.Id, f.Path),
                ["downloadCount"] = f.DownloadCount,
                ["lastDownloaded"] = f.LastDownloaded?.ToUnixTimeMilliseconds() ?? 0,
                ["remoteDownloadCount"] = 0,
                ["remoteLastDownloaded"] = 0,
                ["lastDownloadedBy"] = f.LastDownloadedBy ?? string.Empty,
            },
            ["gavDisplay"] = new JsonObject
            {
                ["gavInfo"] = groupId is null ? null : $"{groupId}:{artifactId}:{version}",
                ["configInfo"] = string.Empty,
            },
            ["originalChecksums"] = new JsonObject(),
            ["displayName"] = repository.DisplayName ?? repository.Name,
            ["display_size"] = Sizes.Display(f.Size),
        };
    }

    /// <summary>A search hit; the checksum search spells the old id <c>oldRepoid</c>, advanced search <c>oldRepoId</c>.</summary>
    public JsonObject SearchHit(RepositoryRecord repository, FileRecord f, string oldRepoIdName)
    {
        var creator = emulator.Identities.FindUser(repository.DomainId, f.CreatedBy);
        return new JsonObject
        {
            ["name"] = f.Name,
            ["relativePath"] = f.Path,
            ["createdBy"] = creator is null ? null : $"{emulator.Options.Region}_{repository.DomainId}_{creator.UserId}",
            ["createdUserName"] = f.CreatedBy,
            ["created"] = ServiceTime.EpochMillis(f.Created),
            ["modified"] = Times.Iso(f.Modified),
            ["repo"] = repository.Id,
            ["repoName"] = repository.Name,
            ["displayName"] = repository.DisplayName,
            [oldRepoIdName] = repository.Id,
            ["repoType"] = repository.Format,
        };
    }

    public static string PackageType(string format) => format switch
    {
        "maven2" => "maven",
        "docker2" => "docker",
        _ => format,
    };

    /// <summary>Maven coordinates from <c>group/path/artifact/version/file</c>.</summary>
    private static (string? GroupId, string? ArtifactId, string? Version) Coordinates(string path)
    {
        var segments = path.Split('/');
        return segments.Length < 4
            ? (null, null, null)
            : (string.Join('.', segments[..^3]), segments[^3], segments[^2]);
    }
}
