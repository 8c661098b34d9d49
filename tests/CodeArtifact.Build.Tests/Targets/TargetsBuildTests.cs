using CodeArtifact.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// The ready targets built in process by the SDK's MSBuild: what runs, what is refused before any
/// task, and how a target skipped as up to date still gives its outputs. The tasks load from this
/// build's CodeArtifact.Build.dll and point at a closed loopback port, so nothing leaves the machine.
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class TargetsBuildTests
{
    private static readonly string[] OurTasks =
    [
        "ResolveCodeArtifactMavenCredentials", "VerifyCodeArtifactChecksums", "GetCodeArtifactReleaseFileVersions",
        "DeleteObsoleteCodeArtifactFiles", "RestoreCodeArtifactFiles", "DeleteCodeArtifactMavenSettings",
    ];

    [Theory]
    [InlineData("CodeArtifactVerifyChecksums", "CodeArtifactSecretKey")]
    [InlineData("CodeArtifactResolveMavenCredentials", "CodeArtifactPassword")]
    [InlineData("CodeArtifactGetReleaseFileVersions", "CodeArtifactSecurityToken")]
    [InlineData("CodeArtifactDeleteObsoleteFiles", "CodeArtifactAuthToken")]
    [InlineData("CodeArtifactRestoreFiles", "CodeArtifactPassword")]
    [InlineData("CodeArtifactDeleteMavenSettings", "CodeArtifactSecretKey")]
    public void Should_Refuse_A_Secret_Property_Before_Any_Task_Runs(string target, string property)
    {
        // Given a secret given the wrong way, as a global property
        using var project = NewProject(extraGlobals: new() { [property] = "Secret-Value-<&>" });

        // When
        var (succeeded, _, log) = project.Build(target);

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0006", error.Code);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.TasksStarted, OurTasks.Contains);
    }

    [Theory]
    [InlineData("CodeArtifactVerifyChecksums", "CodeArtifactVerifyFile")]
    [InlineData("CodeArtifactGetReleaseFileVersions", "CodeArtifactReleaseFileName")]
    [InlineData("CodeArtifactDeleteObsoleteFiles", "CodeArtifactCleanupRepository")]
    [InlineData("CodeArtifactRestoreFiles", "CodeArtifactRestoreRepository")]
    public void Should_Stop_With_CART0002_If_A_Target_Misses_Its_Main_Input(string target, string named)
    {
        // Given nothing but the connection
        using var project = NewProject();

        // When
        var (succeeded, _, log) = project.Build(target);

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0002", error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.TasksStarted, OurTasks.Contains);
    }

    [Fact]
    public void Should_Not_Verify_In_A_Design_Time_Build()
    {
        // Given verification on build, and a design-time build
        using var project = NewProject(VerifyOnBuildBody, new() { ["DesignTimeBuild"] = "true" });

        // When
        var (succeeded, _, log) = project.Build("Build");

        // Then
        Assert.True(succeeded, log.Describe());
        Assert.DoesNotContain("CodeArtifactVerifyChecksums", log.TargetsRun);
        Assert.DoesNotContain(log.TasksStarted, OurTasks.Contains);
    }

    [Fact]
    public void Should_Not_Verify_On_Build_Unless_Asked()
    {
        // Given files to verify but no opt-in
        using var project = NewProject(VerifyOnBuildBody.Replace("<CodeArtifactVerifyOnBuild>true", "<CodeArtifactVerifyOnBuild>false", StringComparison.Ordinal));

        // When
        var (succeeded, _, log) = project.Build("Build");

        // Then
        Assert.True(succeeded, log.Describe());
        Assert.DoesNotContain("CodeArtifactVerifyChecksums", log.TargetsRun);
    }

    [Fact]
    public void Should_Run_The_Verify_Task_After_Build_If_Asked_And_Fail_With_A_Coded_Error()
    {
        // Given verification on build against a closed port
        using var project = NewProject(VerifyOnBuildBody);

        // When
        var (succeeded, _, log) = project.Build("Build");

        // Then the task ran, and failed as an expected failure does: coded, no MSB4018
        Assert.Contains("VerifyCodeArtifactChecksums", log.TasksStarted);
        Assert.False(succeeded);
        Assert.NotEmpty(log.Errors);
        Assert.All(log.Errors, e => Assert.StartsWith("CART", e.Code, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "codeartifact", "verify.results.proj")));
    }

    [Fact]
    public void Should_Skip_An_Up_To_Date_Lookup_And_Still_Give_Its_Outputs()
    {
        // Given a lookup that ran before: its inputs stamp, then its results
        using var project = NewProject("""
            <PropertyGroup><CodeArtifactReleaseFileName>app.zip</CodeArtifactReleaseFileName></PropertyGroup>
            """);
        var (prepared, _, prepareLog) = project.Build("_CodeArtifactPrepare", "_CodeArtifactGetReleaseFileVersionsInputs");
        Assert.True(prepared, prepareLog.Describe());
        var results = Path.Combine(project.Directory, "obj", "codeartifact", "release.results.proj");
        ResultsProject.Write(results,
        [
            ("Versions", Item("1.0.0", ("Path", "/app.zip/1.0.0/app.zip"), ("DownloadUrl", "http://127.0.0.1/a%20b;c"))),
            ("Versions", Item("1.1.0", ("Path", "/app.zip/1.1.0/app.zip"), ("DownloadUrl", "http://127.0.0.1/d"))),
            ("LatestVersion", Item("1.1.0", ("DownloadUrl", "http://127.0.0.1/d"))),
        ]);
        MarkSucceeded(project, "release");

        // When
        var (succeeded, instance, log) = project.Build("CodeArtifactGetReleaseFileVersions");

        // Then no task ran, and the outputs are those of the last run
        Assert.True(succeeded, log.Describe());
        Assert.Contains("_CodeArtifactGetReleaseFileVersionsCore", log.TargetsUpToDate);
        Assert.DoesNotContain(log.TasksStarted, OurTasks.Contains);
        Assert.Equal("1.1.0", instance.GetPropertyValue("CodeArtifactLatestVersion"));
        Assert.Equal("http://127.0.0.1/d", instance.GetPropertyValue("CodeArtifactLatestDownloadUrl"));
        var versions = instance.GetItems("CodeArtifactReleaseVersion").ToList();
        Assert.Equal(["1.0.0", "1.1.0"], versions.Select(v => v.EvaluatedInclude));
        Assert.Equal("http://127.0.0.1/a%20b;c", versions[0].GetMetadataValue("DownloadUrl"));
        Assert.Contains(instance.GetItems("FileWrites"), i => i.EvaluatedInclude.EndsWith("release.inputs", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Run_The_Lookup_Again_If_An_Input_Changed()
    {
        // Given results of an earlier run with another file name
        using var project = NewProject("""
            <PropertyGroup><CodeArtifactReleaseFileName>app.zip</CodeArtifactReleaseFileName></PropertyGroup>
            """);
        Assert.True(project.Build("_CodeArtifactPrepare", "_CodeArtifactGetReleaseFileVersionsInputs").Succeeded);
        var results = Path.Combine(project.Directory, "obj", "codeartifact", "release.results.proj");
        ResultsProject.Write(results, [("LatestVersion", Item("1.1.0"))]);
        File.SetLastWriteTimeUtc(results, DateTime.UtcNow.AddHours(-1));
        project.Project.SetGlobalProperty("CodeArtifactReleaseFileName", "other.zip");
        project.Project.ReevaluateIfNecessary();

        // When
        var (succeeded, instance, log) = project.Build("CodeArtifactGetReleaseFileVersions");

        // Then the task ran (and failed on the closed port), and the stale results are gone
        Assert.Contains("GetCodeArtifactReleaseFileVersions", log.TasksStarted);
        Assert.False(succeeded);
        Assert.All(log.Errors, e => Assert.StartsWith("CART", e.Code, StringComparison.Ordinal));
        Assert.False(File.Exists(results));
        Assert.Equal(string.Empty, instance.GetPropertyValue("CodeArtifactLatestVersion"));
    }

    [Fact]
    public void Should_Read_Back_Verification_Outputs_With_Their_Metadata_In_A_Build_Within_The_Cache_Window()
    {
        // Given a verification on build that ran before
        using var project = NewProject(VerifyOnBuildBody);
        Assert.True(project.Build("_CodeArtifactPrepare", "_CodeArtifactVerifyChecksumsInputs").Succeeded);
        var results = Path.Combine(project.Directory, "obj", "codeartifact", "verify.results.proj");
        ResultsProject.Write(results,
        [
            ("VerifiedFiles", Item("consumer.proj", ("Status", "verified"), ("RemotePath", "/c/consumer.proj"), ("Algorithm", "SHA256"), ("LocalHash", "ab"), ("RemoteHash", "ab"))),
            ("MissingFiles", Item("gone.zip", ("Status", "missing-remotely"), ("RemotePath", "/c/gone.zip"))),
            ("FailedFiles", Item("odd.zip", ("Status", "no-remote-digest"), ("Error", "the repository reports no checksum at all for this file"))),
        ]);
        MarkSucceeded(project, "verify");

        // When the project builds
        var (succeeded, instance, log) = project.Build("Build");

        // Then the verification is not asked again, and its outputs are those of the last run
        Assert.True(succeeded, log.Describe());
        Assert.DoesNotContain("VerifyCodeArtifactChecksums", log.TasksStarted);
        var verified = Assert.Single(instance.GetItems("CodeArtifactVerifiedFile"));
        Assert.Equal("consumer.proj", verified.EvaluatedInclude);
        Assert.Equal(("SHA256", "ab", "verified"), (verified.GetMetadataValue("Algorithm"), verified.GetMetadataValue("RemoteHash"), verified.GetMetadataValue("Status")));
        Assert.Equal("gone.zip", Assert.Single(instance.GetItems("CodeArtifactMissingFile")).EvaluatedInclude);
        var failed = Assert.Single(instance.GetItems("CodeArtifactFailedFile"));
        Assert.Equal(("odd.zip", "no-remote-digest"), (failed.EvaluatedInclude, failed.GetMetadataValue("Status")));
        Assert.Empty(instance.GetItems("CodeArtifactMismatchedFile"));
    }

    [Fact]
    public void Should_Ask_The_Repository_If_The_Verification_Target_Is_Asked_For_Even_With_Fresh_Results()
    {
        // Given a verification on build that ran a minute ago, and nothing changed
        using var project = NewProject(VerifyOnBuildBody);
        Assert.True(project.Build("_CodeArtifactPrepare", "_CodeArtifactVerifyChecksumsInputs").Succeeded);
        ResultsProject.Write(Path.Combine(project.Directory, "obj", "codeartifact", "verify.results.proj"), [("VerifiedFiles", Item("consumer.proj"))]);
        MarkSucceeded(project, "verify");

        // When the build also asks for the target by name
        var (succeeded, _, log) = project.Build("Build", "CodeArtifactVerifyChecksums");

        // Then the hook reused the result, and the target asked the repository (and failed on the closed port)
        Assert.Equal(["VerifyCodeArtifactChecksums"], log.TasksStarted.Where(OurTasks.Contains));
        Assert.False(succeeded);
        Assert.All(log.Errors, e => Assert.StartsWith("CART", e.Code, StringComparison.Ordinal));
    }

    private const string VerifyOnBuildBody = """
        <PropertyGroup>
          <CodeArtifactVerifyOnBuild>true</CodeArtifactVerifyOnBuild>
          <CodeArtifactRepository>cn-north-4_tenant_generic_1</CodeArtifactRepository>
        </PropertyGroup>
        <ItemGroup><CodeArtifactVerifyFile Include="consumer.proj" RemotePath="/c/consumer.proj" /></ItemGroup>
        """;

    private static TestProject NewProject(string body = "", Dictionary<string, string>? extraGlobals = null)
    {
        var globals = new Dictionary<string, string>
        {
            ["_CodeArtifactTaskAssembly"] = typeof(CodeArtifactTask).Assembly.Location,
            ["CodeArtifactEndpoint"] = "http://127.0.0.1:1",
            ["CodeArtifactAccessKey"] = "AKFORTARGETTESTS",
            ["CodeArtifactMaxRetries"] = "0",
            ["CodeArtifactTimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in extraGlobals ?? [])
        {
            globals[key] = value;
        }

        return new TestProject(body, globals);
    }

    /// <summary>
    /// Dates the job's success marker after its inputs, as the task's run does, and evaluates the
    /// project again: the cached results are imported when the project is evaluated.
    /// </summary>
    private static void MarkSucceeded(TestProject project, string job)
    {
        var marker = Path.Combine(project.Directory, "obj", "codeartifact", job + ".succeeded");
        File.WriteAllText(marker, string.Empty);
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddMinutes(1));
        project.Project.MarkDirty();
        project.Project.ReevaluateIfNecessary();
    }

    private static ITaskItem Item(string spec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(ResultsProject.Escape(spec));
        foreach (var (name, value) in metadata)
        {
            ((ITaskItem2)item).SetMetadataValueLiteral(name, value);
        }

        return item;
    }
}
