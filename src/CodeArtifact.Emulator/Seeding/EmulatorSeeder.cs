using System.Text;
using System.Text.Json;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Seeding;

/// <summary>A repository created by seeding.</summary>
/// <param name="Id">The repository id (<c>{region}_{tenant}_{format}_{n}</c>).</param>
/// <param name="Name">The repository name.</param>
/// <param name="Format">maven2, generic, npm…</param>
/// <param name="Policy">release or snapshot for Maven, else null.</param>
/// <param name="TenantId">The tenant it belongs to.</param>
/// <param name="ProjectId">The project it belongs to, or null.</param>
/// <param name="Url">The repository URL (uploads: <c>PUT {Url}{path}</c>).</param>
public sealed record SeededRepository(string Id, string Name, string Format, string? Policy, string TenantId, string? ProjectId, string Url);

/// <summary>A file put by seeding, with the digests the server computed.</summary>
public sealed record SeededFile(string RepositoryId, string Path, long Size, string Md5, string Sha1, string Sha256, string Sha512);

/// <summary>
/// Puts data into a running emulator without HTTP, for tests: repositories, files (one
/// transaction per call, so thousands of files take well under a second), release files, and
/// the seed file format.
/// </summary>
public sealed class EmulatorSeeder
{
    private static readonly JsonSerializerOptions SeedJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly EmulatorContext _emulator;

    internal EmulatorSeeder(EmulatorContext emulator) => _emulator = emulator;

    /// <summary>Creates a repository of the dev tenant (or of <paramref name="owner"/>'s tenant) in its project.</summary>
    /// <param name="format">maven2, generic, npm, pypi…</param>
    /// <param name="name">The repository name; generated when null.</param>
    /// <param name="policy">release or snapshot for maven2.</param>
    /// <param name="projectId">The project; the owner's project when null, none when empty.</param>
    /// <param name="owner">The identity whose tenant owns it; <see cref="WellKnownIdentities.Dev"/> when null.</param>
    /// <param name="isDefault">Marks it as a default repository (Maven info <c>default=true</c>).</param>
    public SeededRepository CreateRepository(
        string format, string? name = null, string? policy = null, string? projectId = null, EmulatorIdentity? owner = null, bool isDefault = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        if (!Domain.RepositoryCatalog.Formats.Contains(format))
        {
            throw new ArgumentException($"Unknown repository format '{format}'.", nameof(format));
        }

        owner ??= WellKnownIdentities.Dev;
        var repository = _emulator.Repositories.Create(
            owner.TenantId, projectId is null ? owner.ProjectId : projectId.Length == 0 ? null : projectId, format,
            name ?? $"{format}-{Guid.NewGuid():N}"[..20], owner.UserId, policy: format == "maven2" ? policy ?? "release" : policy, isDefault: isDefault);
        return View(repository);
    }

    /// <summary>Creates a Maven repository as the service does: a release and a snapshot repository sharing one tab.</summary>
    public (SeededRepository Release, SeededRepository Snapshot) CreateMavenRepository(
        string name, string? projectId = null, EmulatorIdentity? owner = null, bool isDefault = false)
    {
        owner ??= WellKnownIdentities.Dev;
        var (release, snapshot) = _emulator.Repositories.CreateMaven(
            owner.TenantId, projectId is null ? owner.ProjectId : projectId.Length == 0 ? null : projectId, name, owner.UserId, isDefault: isDefault);
        return (View(release), View(snapshot));
    }

    /// <summary>Puts one file (replacing any file at the path).</summary>
    public SeededFile PutFile(string repositoryId, string path, byte[] content, DateTimeOffset? modified = null)
    {
        PutFiles(repositoryId, [(path, content, modified ?? _emulator.Now)]);
        return File(repositoryId, path);
    }

    /// <summary>Puts many files in one transaction.</summary>
    public void PutFiles(string repositoryId, IEnumerable<(string Path, byte[] Content, DateTimeOffset Modified)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var repository = _emulator.Store.GetRepository(repositoryId) ?? throw new ArgumentException($"Repository '{repositoryId}' does not exist.", nameof(repositoryId));
        var by = _emulator.Identities.FindUser(repository.CreatedBy)?.Name ?? "emulator";
        _emulator.Files.PutMany(files.Select(f => (repositoryId, NormalizeOrThrow(f.Path), f.Content, f.Modified)), by);
    }

    /// <summary>Moves a file or folder to the recycle bin, as <c>DELETE /cloudartifact/v5/file</c> does.</summary>
    public bool DeleteFile(string repositoryId, string path)
    {
        var repository = _emulator.Store.GetRepository(repositoryId) ?? throw new ArgumentException($"Repository '{repositoryId}' does not exist.", nameof(repositoryId));
        return _emulator.Files.Delete(repository, NormalizeOrThrow(path), Domain.Actor.System);
    }

    /// <summary>The stored file, with its digests; null when there is no active file at the path.</summary>
    public SeededFile? FindFile(string repositoryId, string path)
    {
        var file = _emulator.Store.GetActiveFile(repositoryId, NormalizeOrThrow(path));
        return file is null ? null : ToSeeded(file);
    }

    /// <summary>Adds a version of a release file to a project (stored in the project's release repository).</summary>
    public SeededFile AddReleaseFile(
        string name, string version, byte[]? content = null, string? fileName = null, string? projectId = null, DateTimeOffset? created = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        projectId ??= WellKnownIdentities.Dev.ProjectId;
        var project = _emulator.Identities.FindProject(projectId) ?? throw new ArgumentException($"Project '{projectId}' does not exist.", nameof(projectId));
        var repository = _emulator.Repositories.ReleaseRepositoryOf(project.DomainId, project.Id, FirstUserOf(project));
        var path = $"{name}/{version}/{fileName ?? $"{name}-{version}.zip"}";
        var at = created ?? _emulator.Now;
        PutFiles(repository.Id, [(path, content ?? Encoding.UTF8.GetBytes($"{name} {version}\n"), at)]);
        _emulator.Store.AddReleaseFile(new ReleaseFileRecord(project.Id, name, version, repository.Id, path, at));
        return File(repository.Id, path);
    }

    /// <summary>Applies a seed file's identities (always) and, when <paramref name="includeData"/>, its repositories, files and release files.</summary>
    public void ApplySeedFile(string path, bool includeData = true) => ApplySeedJson(System.IO.File.ReadAllText(path), includeData);

    /// <summary>As <see cref="ApplySeedFile"/>, from JSON text.</summary>
    public void ApplySeedJson(string json, bool includeData = true)
    {
        var document = JsonSerializer.Deserialize<SeedDocument>(json, SeedJson) ?? new SeedDocument();
        SeedLoader.Apply(_emulator, this, document, includeData);
    }

    internal SeededRepository View(RepositoryRecord r) =>
        new(r.Id, r.Name, r.Format, r.Policy, r.DomainId, r.ProjectId, _emulator.Repositories.Url(r));

    private SeededFile File(string repositoryId, string path) => FindFile(repositoryId, path)!;

    private static SeededFile ToSeeded(FileRecord f) =>
        new(f.RepositoryId, "/" + f.Path, f.Size, f.Checksums.Md5, f.Checksums.Sha1, f.Checksums.Sha256, f.Checksums.Sha512);

    private string FirstUserOf(Project project) =>
        project.DomainId == WellKnownIdentities.Dev.TenantId ? WellKnownIdentities.Dev.UserId
        : project.DomainId == WellKnownIdentities.Other.TenantId ? WellKnownIdentities.Other.UserId
        : "emulator";

    private static string NormalizeOrThrow(string path) =>
        RepoPath.TryNormalize(path, out var normalized) && normalized.Length > 0
            ? normalized
            : throw new ArgumentException($"'{path}' is not a file path inside a repository.", nameof(path));
}
