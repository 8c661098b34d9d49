using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// CodeArtifactReleasePathFilter through the ready target, in process against the emulator: an
/// ambiguous name is refused naming the property to set, the property chooses, and a new filter
/// is a new question (the cached answer of the old one is not reused).
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class ReleasePathFilterBuildTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _keys = new("cab-keys");

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void Should_Name_The_Property_If_The_Name_Is_Ambiguous_And_Ask_Again_For_Another_Filter()
    {
        // Given a .zip and a .tar.gz of every version
        var name = $"rf{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.0.0", "2.0.0" })
        {
            emulator.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.zip");
            emulator.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.tar.gz");
        }

        var credentials = _keys.WriteFile("credentials", $"[basic]\nak = {emulator.Dev.AccessKey}\nsk = {emulator.Dev.SecretKey}\n");
        using var project = new TestProject(string.Empty, new Dictionary<string, string>
        {
            ["_CodeArtifactTaskAssembly"] = typeof(CodeArtifactTask).Assembly.Location,
            ["_CodeArtifactStampKeyFile"] = _keys.Combine("stamp.key"),
            ["CodeArtifactEndpoint"] = emulator.Server.Endpoint.ToString(),
            ["CodeArtifactTenantId"] = emulator.Dev.TenantId,
            ["CodeArtifactProjectId"] = emulator.Dev.ProjectId,
            ["CodeArtifactCredentialsFile"] = credentials,
            ["CodeArtifactMaxRetries"] = "0",
            ["CodeArtifactReleaseFileName"] = name,
        });

        // When the name alone is asked for, then the error names the property that chooses
        var (ambiguous, _, ambiguousLog) = project.Build("CodeArtifactGetReleaseFileVersions");
        Assert.False(ambiguous);
        var error = Assert.Single(ambiguousLog.Errors);
        Assert.Equal("CART0403", error.Code);
        Assert.Contains("CodeArtifactReleasePathFilter", error.Message, StringComparison.Ordinal);

        // When the property picks the .tar.gz, then its versions and latest are the .tar.gz's
        project.Project.SetGlobalProperty("CodeArtifactReleasePathFilter", "**/*.tar.gz");
        var (tar, tarInstance, tarLog) = project.Build("CodeArtifactGetReleaseFileVersions");
        Assert.True(tar, tarLog.Describe());
        Assert.EndsWith($"{name}-2.0.0.tar.gz", tarInstance.GetPropertyValue("CodeArtifactLatestDownloadUrl"), StringComparison.Ordinal);

        // And when it picks the .zip instead, inside the cache window, then the service is asked again
        project.Project.SetGlobalProperty("CodeArtifactReleasePathFilter", "**/*.zip");
        var mark = emulator.Server.RequestLog.Count;
        var (zip, zipInstance, zipLog) = project.Build("CodeArtifactGetReleaseFileVersions");
        Assert.True(zip, zipLog.Describe());
        Assert.Contains("GetCodeArtifactReleaseFileVersions", zipLog.TasksStarted);
        Assert.NotEmpty(emulator.RequestsSince(mark));
        Assert.EndsWith($"{name}-2.0.0.zip", zipInstance.GetPropertyValue("CodeArtifactLatestDownloadUrl"), StringComparison.Ordinal);
    }
}
