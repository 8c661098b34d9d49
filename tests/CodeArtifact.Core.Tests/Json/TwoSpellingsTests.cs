using System.Text.Json;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Json.Converters;

namespace CodeArtifact.Core.Tests.Json;

public sealed class TwoSpellingsTests
{
    [Theory]
    [InlineData("a", null, "a")]
    [InlineData(null, "b", "b")]
    [InlineData("", "b", "b")]
    [InlineData("a", "b", "a")]
    [InlineData(null, null, null)]
    [InlineData("", null, "")]
    public void Should_Prefer_A_Set_Spelling(string? first, string? second, string? expected) =>
        Assert.Equal(expected, TwoSpellings.Either(first, second));

    [Theory]
    [InlineData("""{"userName":null,"username":"cn-north-7_user"}""")]
    [InlineData("""{"username":"cn-north-7_user","userName":null}""")]
    [InlineData("""{"username":"cn-north-7_user"}""")]
    public void Should_Never_Let_Null_User_Name_Hide_The_Set_One_Whatever_The_Order(string json)
    {
        var dto = JsonSerializer.Deserialize(json, CodeArtifactJsonContext.Default.RepositoryBuildDto)!;
        Assert.Equal("cn-north-7_user", dto.ToMavenModel(TimeSpan.FromHours(8)).UserName);
    }

    [Theory]
    [InlineData("""{"name":"a","oldRepoId":"repo_1"}""")]
    [InlineData("""{"name":"a","oldRepoid":"repo_1"}""")]
    [InlineData("""{"name":"a","oldRepoid":"repo_1","oldRepoId":null}""")]
    public void Should_Read_Old_Repo_Id_In_Either_Spelling(string json)
    {
        var dto = JsonSerializer.Deserialize(json, CodeArtifactJsonContext.Default.ArtifactSearchResultDto)!;
        Assert.Equal("repo_1", dto.ToModel(TimeSpan.FromHours(8)).OldRepositoryId);
    }
}
