using System.Net;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests.Security;

/// <summary>
/// A valid user of one tenant reaching for another tenant's project, repository or files, through
/// every API that names one: refused with CR.4102 (403) in the shape of that API, nothing changed,
/// nothing of the other tenant's given away.
/// </summary>
public sealed class TenantIsolationTests(SecurityEmulator emulator) : IClassFixture<SecurityEmulator>
{
    [Fact]
    public async Task Reading_Another_Tenants_Tree_Detail_Or_Releases_Is_Refused()
    {
        // Given the other tenant's repository and release file
        var other = emulator.Server.OtherIdentity;
        emulator.Server.Seed.AddReleaseFile("other-app", "9.9.9", projectId: other.ProjectId);
        var prefix = $"/cloudartifact/v5/{other.TenantId}/{other.ProjectId}/{emulator.OtherRepository.Id}";

        // When the dev user asks for them by the other tenant's ids, and by its own tenant with the other's repository
        var (tree, treeBody, r1) = await emulator.SendAsync(emulator.Signed(HttpMethod.Get, $"{prefix}/file-tree?path=/"));
        var (detail, detailBody, r2) = await emulator.SendAsync(emulator.Signed(HttpMethod.Get, $"{prefix}/file-detail?format=generic&path={Uri.EscapeDataString(SecurityEmulator.OtherFile)}"));
        var dev = emulator.Server.Identity;
        var (crossed, crossedBody, r3) = await emulator.SendAsync(emulator.Signed(
            HttpMethod.Get, $"/cloudartifact/v5/{dev.TenantId}/{dev.ProjectId}/{emulator.OtherRepository.Id}/file-detail?format=generic&path={Uri.EscapeDataString(SecurityEmulator.OtherFile)}"));
        var (releases, releaseBody, r4) = await emulator.SendAsync(emulator.Signed(HttpMethod.Get, $"/v2/{other.ProjectId}/release/files?file_name=other-app"));
        var (unjoined, unjoinedBody, r5) = await emulator.SendAsync(emulator.Signed(
            HttpMethod.Get, $"/cloudartifact/v5/{dev.TenantId}/{emulator.Server.UnjoinedProjectId}/{emulator.DevRepository.Id}/file-tree?path=/"));
        Array.ForEach([r1, r2, r3, r4, r5], r => r.Dispose());

        // Then each is refused in its API's shape, and no answer holds the other tenant's data
        Assert.Equal(HttpStatusCode.Forbidden, tree);
        ErrorShapes.V5(treeBody, "CR.4102");
        Assert.Equal(HttpStatusCode.Forbidden, detail);
        ErrorShapes.V5(detailBody, "CR.4102");
        Assert.Contains(crossed, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        ErrorShapes.V5(crossedBody, "CR.4102", "CR.4004");
        Assert.Equal(HttpStatusCode.Forbidden, releases);
        ErrorShapes.Release(releaseBody, "CR.4102");
        Assert.Equal(HttpStatusCode.Forbidden, unjoined);
        ErrorShapes.V5(unjoinedBody, "CR.4102");
        foreach (var body in new[] { treeBody, detailBody, crossedBody, releaseBody })
        {
            var text = body!.ToJsonString();
            Assert.DoesNotContain("keys.txt", text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecurityEmulator.Sha256(emulator.OtherBytes), text, StringComparison.Ordinal);
            Assert.DoesNotContain("9.9.9", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deleting_Or_Restoring_Another_Tenants_Files_Is_Refused_And_Changes_Nothing()
    {
        // Given
        var before = await emulator.StateAsync();
        var otherPath = emulator.OtherRepository.Id + SecurityEmulator.OtherFile;
        var restoreItem = new JsonArray(new JsonObject { ["id"] = emulator.OtherRepository.Id, ["format"] = "generic", ["uri"] = otherPath, ["status"] = "active" }).ToJsonString();

        // When the dev user deletes, restores and purges in the other tenant's repository
        var (deleted, deleteBody, r1) = await emulator.SendAsync(emulator.SignedDelete(otherPath));
        var (restored, restoreBody, r2) = await emulator.SendAsync(emulator.Signed(HttpMethod.Put, "/cloudartifact/v5/trashes", restoreItem));
        var (purged, purgeBody, r3) = await emulator.SendAsync(emulator.Signed(HttpMethod.Delete, "/cloudartifact/v5/trashes", restoreItem));
        Array.ForEach([r1, r2, r3], r => r.Dispose());

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, deleted);
        ErrorShapes.V5(deleteBody, "CR.4102");
        Assert.Equal(HttpStatusCode.Forbidden, restored);
        ErrorShapes.V5(restoreBody, "CR.4102");
        Assert.Equal(HttpStatusCode.Forbidden, purged);
        ErrorShapes.V5(purgeBody, "CR.4102");
        Assert.Equal(before, await emulator.StateAsync());
    }

    [Fact]
    public async Task Uploading_To_Or_Downloading_From_Another_Tenants_Repository_Is_Refused_And_Changes_Nothing()
    {
        // Given the dev user's repository account
        var before = await emulator.StateAsync();
        var basic = emulator.Client.RepositoryBasic();
        var url = $"/artgalaxy/{emulator.OtherRepository.Id}";

        // When it uploads over the other tenant's file and downloads it
        var (uploaded, uploadBody, r1) = await emulator.SendAsync(emulator.Raw(HttpMethod.Put, url + SecurityEmulator.OtherFile, basic, "overwritten"u8.ToArray()));
        var (downloaded, downloadBody, r2) = await emulator.SendAsync(emulator.Raw(HttpMethod.Get, url + SecurityEmulator.OtherFile, basic));
        var (listed, listBody, r3) = await emulator.SendAsync(emulator.Raw(HttpMethod.Get, $"/artgalaxy/api/storage/{emulator.OtherRepository.Id}{SecurityEmulator.OtherFile}", basic));
        Array.ForEach([r1, r2, r3], r => r.Dispose());

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, uploaded);
        ErrorShapes.Repository(uploadBody, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, downloaded);
        ErrorShapes.Repository(downloadBody, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, listed);
        ErrorShapes.Repository(listBody, HttpStatusCode.Forbidden);
        Assert.Equal(before, await emulator.StateAsync());
    }

    [Fact]
    public async Task Maven_Info_Of_Another_Tenants_Project_Is_Refused_And_Gives_No_Password()
    {
        // Given a Maven repository of the other tenant
        var other = emulator.Server.OtherIdentity;
        emulator.Server.Seed.CreateMavenRepository("sec-other-maven", owner: other);

        // When the dev user asks for that project's Maven info
        var (status, body, response) = await emulator.SendAsync(emulator.Signed(HttpMethod.Get, $"/cloudartifact/v5/maven/info?project_id={other.ProjectId}"));
        response.Dispose();

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, status);
        ErrorShapes.V5(body, "CR.4102");
        Assert.DoesNotContain(emulator.Server.RepositoryPassword(other), body!.ToJsonString(), StringComparison.Ordinal);
    }
}
