using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class GetCodeArtifactReleaseFileVersionsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Should_List_Versions_In_Version_Order_With_The_Latest_Release()
    {
        // Given versions whose text order is not their version order
        var name = $"tool{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.10.0", "1.2.0", "1.9.3", "2.0.0-rc.1" })
        {
            emulator.Server.Seed.AddReleaseFile(name, version);
        }

        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = name }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal(["1.2.0", "1.9.3", "1.10.0", "2.0.0-rc.1"], task.Versions.Select(v => v.ItemSpec));
        Assert.Equal("1.10.0", task.LatestVersion);
        Assert.Equal(task.Versions[2].GetMetadata("DownloadUrl"), task.LatestDownloadUrl);
        Assert.StartsWith("http", task.LatestDownloadUrl, StringComparison.Ordinal);
        Assert.Contains("1.10.0", task.Versions[2].GetMetadata("Path"), StringComparison.Ordinal);
        Assert.Single(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.High && m.Message!.Contains("latest 1.10.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Let_A_Prerelease_Be_The_Latest_If_Asked_And_Keep_The_Highest()
    {
        // Given
        var name = $"tool{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.0.0", "1.1.0", "2.0.0-rc.1" })
        {
            emulator.Server.Seed.AddReleaseFile(name, version);
        }

        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = name, IncludePrerelease = true, MaxResults = "2" }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal("2.0.0-rc.1", task.LatestVersion);
        Assert.Equal(["1.1.0", "2.0.0-rc.1"], task.Versions.Select(v => v.ItemSpec));
    }

    [Fact]
    public void Should_Warn_With_CART0401_If_There_Is_No_Version()
    {
        // Given
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = $"none{Guid.NewGuid():N}"[..12] }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal("CART0401", Assert.Single(engine.Warnings).Code);
        Assert.Empty(task.Versions);
        Assert.Equal(string.Empty, task.LatestVersion);
    }

    [Fact]
    public void Should_Stop_With_CART0403_If_The_Name_Is_Ambiguous_And_Let_PathFilter_Choose()
    {
        // Given a .zip and a .tar.gz of every version, both named as asked
        var name = $"pf{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.0.0", "1.1.0" })
        {
            emulator.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.zip");
            emulator.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.tar.gz");
            emulator.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.zip.sha256");
        }

        var ambiguousEngine = new MockEngine();
        var ambiguous = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = name }, ambiguousEngine);
        var chosenEngine = new MockEngine();
        var chosen = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = name, PathFilter = "**/*.tar.gz" }, chosenEngine);

        // When
        var ambiguousSucceeded = ambiguous.Execute();
        var chosenSucceeded = chosen.Execute();

        // Then the name alone is refused with the names found, and the filter picks the .tar.gz
        Assert.False(ambiguousSucceeded);
        var error = Assert.Single(ambiguousEngine.Errors);
        Assert.Equal("CART0403", error.Code);
        Assert.Contains($"{name}.tar.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("PathFilter", error.Message, StringComparison.Ordinal);
        Assert.Empty(ambiguous.Versions);
        Assert.True(chosenSucceeded, chosenEngine.Log);
        Assert.Equal(["1.0.0", "1.1.0"], chosen.Versions.Select(v => v.ItemSpec));
        Assert.All(chosen.Versions, v => Assert.EndsWith(".tar.gz", v.GetMetadata("Path"), StringComparison.Ordinal));
        Assert.EndsWith($"{name}-1.1.0.tar.gz", chosen.LatestDownloadUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app zip!", null, "FileName")]
    [InlineData("app.zip", "many", "MaxResults")]
    [InlineData("app.zip", "0", "MaxResults")]
    [InlineData("", null, "FileName")]
    public void Should_Refuse_Invalid_Input_Before_Any_Request(string fileName, string? maxResults, string parameter)
    {
        // Given
        var mark = emulator.Server.RequestLog.Count;
        var engine = new MockEngine();
        var task = emulator.Connect(new GetCodeArtifactReleaseFileVersions { FileName = fileName, MaxResults = maxResults }, engine);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.StartsWith("CART000", error.Code, StringComparison.Ordinal);
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestsSince(mark));
    }
}
