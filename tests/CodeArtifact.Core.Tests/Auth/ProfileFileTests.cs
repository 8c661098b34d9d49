using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Auth;

public sealed class ProfileFileTests
{
    [Fact]
    public void Should_Read_Basic_Section_Case_Insensitively()
    {
        var file = ProfileFile.Parse("creds", "\uFEFF; comment\n[Basic]\n AK = abc \nsk='s k'\n# x = y\n", "CredentialsFile");

        Assert.Equal("basic", file.SectionName);
        Assert.Equal("abc", file["ak"]);
        Assert.Equal("s k", file["SK"]);
        Assert.Null(file["x"]);
    }

    [Fact]
    public void Should_Fall_Back_To_Global_Section()
    {
        var file = ProfileFile.Parse("creds", "[global]\nak = g\ndomain_id = d\n", "CredentialsFile");

        Assert.Equal("global", file.SectionName);
        Assert.Equal("d", file["domain_id"]);
    }

    [Theory]
    [InlineData("ak = before-section\n", "comes before any [section]")]
    [InlineData("[basic]\nthis line has no equals sign\n", "is not 'key = value'")]
    [InlineData("[basic\nak=1\n", "not a [section] header")]
    public void Should_Name_The_Line_But_Not_Its_Content_If_Malformed(string text, string expected)
    {
        var error = Assert.Throws<CodeArtifactException>(() => ProfileFile.Parse("creds", text, "CredentialsFile"));

        Assert.Equal(ErrorCodes.InvalidCredentialsFile, error.Code);
        Assert.Contains(expected, error.Message);
        Assert.Contains("Line ", error.Message);
        Assert.DoesNotContain("before-section", error.Message);
        Assert.DoesNotContain("no equals sign", error.Message);
    }

    [Fact]
    public void Should_Give_Null_If_Default_File_Is_Missing()
    {
        Assert.Null(ProfileFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), required: false, "CredentialsFile"));
    }
}
