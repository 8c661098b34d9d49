using CodeArtifact.Build.Tests.Infrastructure;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Build.Tests.Tasks;

/// <summary>
/// The results fragment is imported by every evaluation: dated in the past, so that MSBuild does not
/// take it for the newest import (an input of CoreCompile), and dated anew on every write, so that
/// MSBuild's cache of parsed imports notices the change.
/// </summary>
public sealed class ResultsProjectTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Should_Date_The_Results_Before_Any_Build_Output_And_Differently_On_Every_Write()
    {
        // Given
        var path = _temp.Combine("obj", "codeartifact", "release.results.proj");

        // When written twice
        ResultsProject.Write(path, [("Versions", new TaskItem("1.0.0"))]);
        var first = File.GetLastWriteTimeUtc(path);
        ResultsProject.Write(path, [("Versions", new TaskItem("1.1.0"))]);
        var second = File.GetLastWriteTimeUtc(path);

        // Then
        Assert.True(first < new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.NotEqual(first, second);
        Assert.Contains("1.1.0", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    public void Dispose() => _temp.Dispose();
}
