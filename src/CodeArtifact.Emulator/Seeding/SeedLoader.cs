using System.Text;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator.Seeding;

/// <summary>Applies a <see cref="SeedDocument"/>: identities first, then (for new data only) repositories, files and release files.</summary>
internal static class SeedLoader
{
    public static void Apply(EmulatorContext emulator, EmulatorSeeder seeder, SeedDocument document, bool includeData)
    {
        var devTenant = WellKnownIdentities.Dev.TenantId;
        foreach (var tenant in document.Tenants)
        {
            Require(tenant.Id, "tenants[].id");
            emulator.Identities.AddTenant(new Tenant(tenant.Id, tenant.DomainName.Length > 0 ? tenant.DomainName : tenant.Id));
        }

        foreach (var project in document.Projects)
        {
            Require(project.Id, "projects[].id");
            emulator.Identities.AddProject(new Project(project.Id, project.Name.Length > 0 ? project.Name : project.Id, project.TenantId ?? devTenant));
        }

        foreach (var user in document.Users)
        {
            Require(user.UserId, "users[].userId");
            Require(user.Name, "users[].name");
            var tenantId = user.TenantId ?? devTenant;
            emulator.Identities.AddUser(
                new User(user.UserId, user.Name, tenantId, user.Password,
                    WellKnownIdentities.RepositoryUserName(emulator.Options.Region, tenantId, user.UserId), user.Projects),
                user.RepositoryPassword ?? user.Password);
            if (user.AccessKey is not null && user.SecretKey is not null)
            {
                emulator.Identities.AddAccessKey(new AccessKeyRecord(user.AccessKey, user.SecretKey, user.UserId, null, null));
            }
        }

        if (!includeData)
        {
            return;
        }

        foreach (var seed in document.Repositories)
        {
            var owner = OwnerOf(emulator, seed.TenantId ?? devTenant);
            var projectId = seed.ProjectId ?? (seed.TenantId is null or "" || seed.TenantId == devTenant ? WellKnownIdentities.Dev.ProjectId : null);
            var repository = emulator.Repositories.Create(
                seed.TenantId ?? devTenant, string.IsNullOrEmpty(projectId) ? null : projectId, seed.Format,
                seed.Name.Length > 0 ? seed.Name : seed.Format + "-repo", owner,
                seed.Type, seed.Format == "maven2" ? seed.Policy ?? "release" : seed.Policy, seed.Description,
                isDefault: seed.Default, id: seed.Id);
            seeder.PutFiles(repository.Id, seed.Files.Select(f => (f.Path, ContentOf(f), f.Modified ?? emulator.Now)));
        }

        foreach (var release in document.ReleaseFiles)
        {
            seeder.AddReleaseFile(
                release.Name, release.Version, release.Content is null ? null : Encoding.UTF8.GetBytes(release.Content),
                release.FileName, release.ProjectId, release.Created);
        }
    }

    private static string OwnerOf(EmulatorContext emulator, string tenantId) =>
        tenantId == WellKnownIdentities.Other.TenantId ? WellKnownIdentities.Other.UserId
        : tenantId == WellKnownIdentities.Dev.TenantId ? WellKnownIdentities.Dev.UserId
        : emulator.Identities.FindTenant(tenantId) is null ? throw new InvalidDataException($"Seed: tenant '{tenantId}' is not defined.") : "emulator";

    private static byte[] ContentOf(SeedFile file)
    {
        if (file.Content is not null)
        {
            return Encoding.UTF8.GetBytes(file.Content);
        }

        if (file.ContentBase64 is not null)
        {
            return Convert.FromBase64String(file.ContentBase64);
        }

        // Repeatable filler: the same path and size always give the same bytes (and digests).
        var bytes = new byte[file.Size ?? 1024];
        new Random(BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(file.Path))) ^ bytes.Length).NextBytes(bytes);
        return bytes;
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidDataException($"Seed: {name} is required.");
        }
    }
}
