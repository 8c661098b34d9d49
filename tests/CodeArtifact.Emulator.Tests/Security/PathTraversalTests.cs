using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CodeArtifact.Emulator.Tests.Security;

/// <summary>
/// <c>..</c> and its disguises in the paths of uploads and deletes, sent byte for byte (no
/// client-side normalisation): refused with the API's error body, and neither the dev repository
/// nor the other tenant's changed.
/// </summary>
public sealed class PathTraversalTests(SecurityEmulator emulator) : IClassFixture<SecurityEmulator>
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    /// <summary>Ways to climb out of the dev repository into the other tenant's ({0} is its id).</summary>
    public static TheoryData<string> Climbs => new()
    {
        "../{0}/secret/keys.txt",
        "app/../../{0}/secret/keys.txt",
        "%2e%2e/{0}/secret/keys.txt",
        "%2E%2E%2F{0}%2Fsecret%2Fkeys.txt",
        "..%2F{0}%2Fsecret%2Fkeys.txt",
        "app/..%5C..%5C{0}/secret/keys.txt",
        "app\\..\\..\\{0}\\secret\\keys.txt",
        "./../{0}/secret/keys.txt",
    };

    [Theory]
    [MemberData(nameof(Climbs))]
    public async Task An_Upload_That_Climbs_Out_Of_The_Repository_Is_Refused_And_Changes_Nothing(string climb)
    {
        // Given
        var before = await emulator.StateAsync();
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, climb, emulator.OtherRepository.Id);

        // When the dev user uploads through its own repository's URL
        var request = emulator.Raw(HttpMethod.Put, $"/artgalaxy/{emulator.DevRepository.Id}/{path}", emulator.Client.RepositoryBasic(), "planted by a traversal"u8.ToArray());
        var (status, body, response) = await emulator.SendAsync(request);
        response.Dispose();

        // Then
        Assert.True(Refusals.Contains(status), $"{climb}: HTTP {(int)status} {body?.ToJsonString()}");
        ErrorShapes.Repository(body, status);
        Assert.Equal(before, await emulator.StateAsync());
    }

    [Theory]
    [InlineData("{1}/../{0}/secret/keys.txt")]
    [InlineData("{1}/app/../../{0}/secret/keys.txt")]
    [InlineData("../{0}/secret/keys.txt")]
    [InlineData("{1}/app/..\\..\\{0}\\secret\\keys.txt")]
    [InlineData("{1}/./../{0}/secret/keys.txt")]
    [InlineData("{1}/..")]
    [InlineData("{1}/app/../..")]
    [InlineData("{1}/%2e%2e/{0}/secret/keys.txt")]
    public async Task A_Delete_That_Climbs_Out_Of_The_Repository_Is_Refused_And_Changes_Nothing(string climb)
    {
        // Given
        var before = await emulator.StateAsync();
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, climb, emulator.OtherRepository.Id, emulator.DevRepository.Id);

        // When
        var (status, body, response) = await emulator.SendAsync(emulator.SignedDelete(path));
        response.Dispose();

        // Then
        Assert.True(Refusals.Contains(status), $"{climb}: HTTP {(int)status} {body?.ToJsonString()}");
        ErrorShapes.V5(body, "CR.4000", "CR.4102", "CR.4004");
        Assert.Equal(before, await emulator.StateAsync());
    }
}

/// <summary>
/// The same climbs in downloads and look-ups, against an emulator no upload test has written to:
/// refused with the API's error body, and none of the other tenant's bytes or digests given away.
/// </summary>
public sealed class PathTraversalReadTests(SecurityEmulator emulator) : IClassFixture<SecurityEmulator>
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    [Theory]
    [MemberData(nameof(PathTraversalTests.Climbs), MemberType = typeof(PathTraversalTests))]
    public async Task A_Download_That_Climbs_Out_Of_The_Repository_Is_Refused(string climb)
    {
        // Given
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, climb, emulator.OtherRepository.Id);

        // When
        var request = emulator.Raw(HttpMethod.Get, $"/artgalaxy/{emulator.DevRepository.Id}/{path}", emulator.Client.RepositoryBasic());
        var (status, body, response) = await emulator.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.Dispose();

        // Then: refused, in the repository's shape, and not one of the other tenant's bytes
        Assert.True(Refusals.Contains(status), $"{climb}: HTTP {(int)status} {text}");
        ErrorShapes.Repository(body, status);
        Assert.DoesNotContain(Encoding.UTF8.GetString(emulator.OtherBytes), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file-detail?format=generic&path=%2F..%2F..%2F{0}%2Fsecret%2Fkeys.txt")]
    [InlineData("file-detail?format=generic&path=%2Fapp%2F..%2F..%2Fsecret%2Fkeys.txt")]
    [InlineData("file-tree?path=%2F..")]
    [InlineData("file-tree?path=%2Fapp%2F..%2F..%2F{0}")]
    public async Task A_Lookup_That_Climbs_Out_Of_The_Repository_Is_Refused(string query)
    {
        // Given
        var dev = emulator.Server.Identity;
        var url = $"/cloudartifact/v5/{dev.TenantId}/{dev.ProjectId}/{emulator.DevRepository.Id}/"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, emulator.OtherRepository.Id);

        // When
        var (status, body, response) = await emulator.SendAsync(emulator.Signed(HttpMethod.Get, url));
        response.Dispose();

        // Then
        Assert.True(Refusals.Contains(status), $"{query}: HTTP {(int)status} {body?.ToJsonString()}");
        ErrorShapes.V5(body, "CR.4000", "CR.4004");
        Assert.DoesNotContain(SecurityEmulator.Sha256(emulator.OtherBytes), body!.ToJsonString(), StringComparison.Ordinal);
    }
}
