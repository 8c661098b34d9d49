using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// The stamps of the three jobs that reuse an answer (Maven credentials, release versions, the
/// verification hook), built in process: the credentials are part of every stamp, a refresh and
/// the cache window apply to each, and a bad window is refused before any job runs. Nothing here
/// reaches a service: the jobs point at a closed loopback port and are never started.
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class CachedAnswersBuildTests : IDisposable
{
    private const string AccessKey = "AKSTAMPTEST000000001";

    private readonly TempDirectory _outside = new("cab-stamps");

    public void Dispose() => _outside.Dispose();

    public static TheoryData<string, string> Jobs => new()
    {
        { "maven", "_CodeArtifactResolveMavenCredentialsInputs" },
        { "release", "_CodeArtifactGetReleaseFileVersionsInputs" },
        { "verify", "_CodeArtifactVerifyChecksumsInputs" },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Should_Not_Reuse_An_Answer_Once_The_Secret_Key_Changed_Or_Went_Missing(string job, string inputsTarget)
    {
        // Given a fresh answer of the job, given with the key in the credentials file
        var credentials = _outside.WriteFile("credentials", $"[basic]\nak = {AccessKey}\nsk = first-secret-key\n");
        using var project = NewProject(credentials);
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        var marker = FreshAnswer(project, job);
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        Assert.True(File.Exists(marker), "An unchanged build did not keep the fresh answer.");

        // When the secret key is replaced
        File.WriteAllText(credentials, $"[basic]\nak = {AccessKey}\nsk = second-secret-key\n");
        var (changed, _, changedLog) = project.Build("_CodeArtifactPrepare", inputsTarget);

        // Then the answer is not reused, and no log line holds either key
        Assert.True(changed, changedLog.Describe());
        Assert.False(File.Exists(marker));
        Assert.DoesNotContain(changedLog.Messages, m => m.Contains("secret-key", StringComparison.Ordinal));

        // And when, after a fresh answer, the key goes missing, the answer is not reused either
        marker = FreshAnswer(project, job);
        File.WriteAllText(credentials, $"[basic]\nak = {AccessKey}\n");
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Should_Ask_Again_If_A_Refresh_Is_Asked_For_Or_The_Window_Is_Over(string job, string inputsTarget)
    {
        // Given a fresh answer
        using var project = NewProject(_outside.WriteFile("credentials", $"[basic]\nak = {AccessKey}\nsk = a-secret-key\n"));
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        var marker = FreshAnswer(project, job);

        // When a refresh is asked for, then it is not reused
        project.Project.SetGlobalProperty("CodeArtifactRefresh", "true");
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        Assert.False(File.Exists(marker));

        // When an answer is older than the window (3 minutes here), then it is not reused, and younger it is
        project.Project.SetGlobalProperty("CodeArtifactRefresh", "false");
        project.Project.SetGlobalProperty("CodeArtifactCacheMinutes", "3");
        marker = FreshAnswer(project, job, DateTime.UtcNow.AddMinutes(-2));
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        Assert.True(File.Exists(marker));
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddMinutes(-4));
        Assert.True(project.Build("_CodeArtifactPrepare", inputsTarget).Succeeded);
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("CodeArtifactGetReleaseFileVersions")]
    [InlineData("CodeArtifactResolveMavenCredentials")]
    [InlineData("CodeArtifactVerifyChecksums")]
    public void Should_Refuse_A_Window_That_Is_Not_A_Number_Of_Minutes_Before_The_Job_Runs(string target)
    {
        // Given
        using var project = NewProject(credentialsFile: null, extra: new() { ["CodeArtifactCacheMinutes"] = "ten" });

        // When
        var (succeeded, _, log) = project.Build(target);

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains("CodeArtifactCacheMinutes \"ten\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.TasksStarted, t => t is "ResolveCodeArtifactMavenCredentials" or "GetCodeArtifactReleaseFileVersions" or "VerifyCodeArtifactChecksums");
    }

    /// <summary>Writes the job's results and its marker as a successful run does (the marker at <paramref name="at"/>, default now).</summary>
    private static string FreshAnswer(TestProject project, string job, DateTime? at = null)
    {
        var state = Path.Combine(project.Directory, "obj", "codeartifact");
        ResultsProject.Write(Path.Combine(state, job + ".results.proj"), []);
        if (job == "maven")
        {
            // The Maven job's answer also needs the settings.xml it wrote.
            File.WriteAllText(Path.Combine(state, "settings.xml"), "<settings />");
        }

        var marker = Path.Combine(state, job + ".succeeded");
        File.WriteAllText(marker, string.Empty);
        File.SetLastWriteTimeUtc(marker, at ?? DateTime.UtcNow);
        return marker;
    }

    private TestProject NewProject(string? credentialsFile, Dictionary<string, string>? extra = null)
    {
        var globals = new Dictionary<string, string>
        {
            ["_CodeArtifactTaskAssembly"] = typeof(CodeArtifactTask).Assembly.Location,
            ["_CodeArtifactStampKeyFile"] = _outside.Combine("stamp.key"),
            ["CodeArtifactEndpoint"] = "http://127.0.0.1:1",
            ["CodeArtifactMaxRetries"] = "0",
            ["CodeArtifactReleaseFileName"] = "app.zip",
        };
        if (credentialsFile is not null)
        {
            globals["CodeArtifactCredentialsFile"] = credentialsFile;
        }

        foreach (var (key, value) in extra ?? [])
        {
            globals[key] = value;
        }

        return new TestProject(
            """
            <PropertyGroup><CodeArtifactRepository>cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1</CodeArtifactRepository></PropertyGroup>
            <ItemGroup><CodeArtifactVerifyFile Include="consumer.proj" RemotePath="/c/consumer.proj" /></ItemGroup>
            """,
            globals);
    }
}
