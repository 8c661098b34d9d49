using System.Text.Json;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Tests.Json;

/// <summary>The listing record and RepositoryBuildVO share one definition of their common fields, read with the same quirks.</summary>
public sealed class RepositoryRecordDtoTests
{
    private static readonly TimeSpan ServiceOffset = TimeSpan.FromHours(8);

    // The forms the documentation and the examples disagree on: "releases", a numeric status,
    // "disable" as a string, one time as epoch milliseconds and one without an offset.
    private const string Common = """
        "name":"d001_maven_1","repositoryName":"app","displayName":"App","description":"d","format":"maven2",
        "packageType":"maven","policy":"releases","status":1,"url":"https://repo.example.com/app/","includesPattern":"**/*",
        "projectId":"p001","shareRight":"PROJECT","deploymentPolicy":"allowRedeploy","tabId":"d001_tab_maven2_201",
        "domainId":"d001","region":"cn-north-4","disable":"true","createdTime":1701223197469,"createdUserName":"alice",
        "modifiedTime":"2023-11-29 09:56:51","modifiedUserName":"bob"
        """;

    [Fact]
    public void Should_Read_The_Common_Fields_The_Same_Way_In_Both_Records()
    {
        // Given
        var build = JsonSerializer.Deserialize("{" + Common + ""","type":"hosted","username":"u","password":"pw"}""", CodeArtifactJsonContext.Default.RepositoryBuildDto)!;
        var summary = JsonSerializer.Deserialize("{" + Common + ""","repoType":"hosted","storageSummaryInfo":{"filesCount":"3","usedSpace":"0 MB"}}""", CodeArtifactJsonContext.Default.RepositorySummaryDto)!;

        // When
        RepositoryRecord info = build.ToModel(ServiceOffset);
        RepositoryRecord listed = summary.ToModel(ServiceOffset);

        // Then: the two models agree on every common field...
        foreach (var property in typeof(RepositoryRecord).GetProperties().Where(p => p.Name != "EqualityContract"))
        {
            Assert.Equal(property.GetValue(info), property.GetValue(listed));
        }

        // ...and read each quirk as the documentation means it.
        Assert.Equal("d001_maven_1", info.Id);
        Assert.Equal("hosted", info.Type);
        Assert.Equal("release", info.Policy);
        Assert.Equal("1", info.Status);
        Assert.True(info.Disabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1701223197469), info.Created);
        Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 56, 51, ServiceOffset), info.Modified);
        Assert.Equal("bob", info.ModifiedBy);
    }

    [Fact]
    public void Should_Keep_Each_Record_Its_Own_Fields()
    {
        var build = JsonSerializer.Deserialize("""{"name":"r","userName":null,"username":"u","password":"pw","repositoryIds":["a",null,""]}""", CodeArtifactJsonContext.Default.RepositoryBuildDto)!;
        var summary = JsonSerializer.Deserialize("""{"name":"r","storageSummaryInfo":{"filesCount":"3","usedSpace":"0 MB"}}""", CodeArtifactJsonContext.Default.RepositorySummaryDto)!;

        var info = build.ToModel(ServiceOffset);
        var listed = summary.ToModel(ServiceOffset);

        Assert.Equal("u", info.UserName);
        Assert.Equal("pw", info.Password!.Reveal());
        Assert.DoesNotContain("pw", info.ToString());
        Assert.Equal(["a"], info.RepositoryIds);
        Assert.Equal(new RepositoryStorage(3, "0 MB"), listed.Storage);
        Assert.False(listed.Disabled);
    }
}
