using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Tests.Runner;

/// <summary>Core's parameter names in messages become the names the user set, and nothing else changes.</summary>
public sealed class ParameterRenamerTests
{
    private static readonly ParameterRenamer Renamer = new(new Dictionary<string, string>
    {
        ["ProjectId"] = "CodeArtifactProjectId",
        ["Include"] = "CodeArtifactCleanupInclude",
        ["Path"] = "CodeArtifactPath",
        ["Paths"] = "CodeArtifactRestorePaths",
        ["FileName"] = "fileName",
    });

    [Theory]
    [InlineData("Invalid ProjectId \"short\": a project id is 32 letters.", "Invalid CodeArtifactProjectId \"short\": a project id is 32 letters.")]
    [InlineData("Check FileName and ProjectId.", "Check fileName and CodeArtifactProjectId.")]
    [InlineData("narrow the policy (Include, Exclude)", "narrow the policy (CodeArtifactCleanupInclude, Exclude)")]
    [InlineData("Paths[2] is required", "CodeArtifactRestorePaths[2] is required")]
    public void Should_Rename_Whole_Parameter_Names(string message, string expected) =>
        Assert.Equal(expected, Renamer.Rename(message));

    [Theory]
    [InlineData("Set CodeArtifactCleanupInclude or HUAWEICLOUD_SDK_PROJECT_ID.")]
    [InlineData("Files[0].ProjectId is wrong")]
    [InlineData("/app/ProjectId/a.zip is not in the repository")]
    [InlineData("IncludePrerelease is false")]
    [InlineData("https://example.com/Include")]
    public void Should_Leave_Names_Inside_Other_Words_Paths_And_Urls(string message) =>
        Assert.Equal(message, Renamer.Rename(message));

    [Fact]
    public void Should_Rename_Once_And_Name_Single_Parameters()
    {
        Assert.Equal("CodeArtifactProjectId", Renamer.Name("ProjectId"));
        Assert.Equal("MaxDeletions", Renamer.Name("MaxDeletions"));
        Assert.Equal("CodeArtifactProjectId CodeArtifactProjectId", Renamer.Rename("ProjectId CodeArtifactProjectId"));
        Assert.Equal("ProjectId", new ParameterRenamer(null).Rename("ProjectId"));
    }
}
