using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// The CodeArtifactPublish ready target and its properties, evaluated and built in process: its
/// defaults, what it refuses before the task runs, and that it runs only when asked, never in a
/// normal or a design-time build. The task points at a closed loopback port.
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class PublishTargetsTests
{
    private const string PublishTask = "PublishCodeArtifactFiles";

    private const string WithFiles = """
        <PropertyGroup><CodeArtifactRepository>cn-north-4_tenant_generic_1</CodeArtifactRepository></PropertyGroup>
        <ItemGroup><CodeArtifactPublishFile Include="consumer.proj" RemotePath="/c/consumer.proj" /></ItemGroup>
        """;

    [Theory]
    [InlineData("CodeArtifactPublishOverwrite", "false")]
    [InlineData("CodeArtifactPublishVerify", "true")]
    [InlineData("CodeArtifactPublishDryRun", "false")]
    [InlineData("CodeArtifactPublishRepository", "cn-north-4_tenant_generic_1")]
    [InlineData("CodeArtifactPublishFormat", "")]
    public void Should_Default_The_Publish_Properties(string property, string expected)
    {
        // Given a project that names only its repository
        using var project = new TestProject(WithFiles);

        // Then
        Assert.Equal(expected, project.Property(property));
    }

    [Fact]
    public void Should_Derive_The_Publish_Report_Files_From_The_Report_Directory()
    {
        // Given
        using var project = new TestProject("<PropertyGroup><CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory></PropertyGroup>");
        var reports = Path.Combine(project.Directory, "reports") + Path.DirectorySeparatorChar;

        // Then
        Assert.Equal(reports + "publish.json", project.Property("CodeArtifactPublishReportFile"));
        Assert.Equal(reports + "publish.md", project.Property("CodeArtifactPublishSummaryFile"));
    }

    [Fact]
    public void Should_Stop_With_CART0002_If_There_Are_No_Files_To_Publish()
    {
        // Given nothing but the connection
        using var project = NewProject();

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactPublish");

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CART0002", error.Code);
        Assert.Contains("CodeArtifactPublishFile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishTask, log.TasksStarted);
    }

    [Fact]
    public void Should_Refuse_A_Secret_Property_Before_The_Task_Runs()
    {
        // Given a secret given the wrong way
        using var project = NewProject(WithFiles, new() { ["CodeArtifactPassword"] = "Secret-Value-<&>" });

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactPublish");

        // Then
        Assert.False(succeeded);
        Assert.Equal("CART0006", Assert.Single(log.Errors).Code);
        Assert.DoesNotContain(PublishTask, log.TasksStarted);
    }

    [Fact]
    public void Should_Run_The_Task_When_Asked_And_Give_Its_Coded_Error()
    {
        // Given files, and a service that does not answer
        using var project = NewProject(WithFiles);

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactPublish");

        // Then the task ran and failed with a coded error (no secret key here, or no service), not a crash
        Assert.False(succeeded);
        Assert.Contains(PublishTask, log.TasksStarted);
        Assert.Matches("^CART0[01]", Assert.Single(log.Errors).Code);
    }

    [Fact]
    public void Should_Never_Publish_In_A_Normal_Build()
    {
        // Given files to publish
        using var project = NewProject(WithFiles);

        // When the project builds
        var (succeeded, _, log) = project.Build("Build");

        // Then nothing is published
        Assert.True(succeeded, log.Describe());
        Assert.DoesNotContain("CodeArtifactPublish", log.TargetsRun);
        Assert.DoesNotContain(PublishTask, log.TasksStarted);
    }

    [Fact]
    public void Should_Never_Publish_In_A_Design_Time_Build()
    {
        // Given files to publish, and a design-time build that asks for the target
        using var project = NewProject(WithFiles, new() { ["DesignTimeBuild"] = "true" });

        // When
        var (succeeded, _, log) = project.Build("CodeArtifactPublish");

        // Then the target is skipped, and nothing is sent
        Assert.True(succeeded, log.Describe());
        Assert.DoesNotContain(PublishTask, log.TasksStarted);
        Assert.Empty(log.Errors);
    }

    private static TestProject NewProject(string body = "", Dictionary<string, string>? extraGlobals = null)
    {
        var globals = new Dictionary<string, string>
        {
            ["_CodeArtifactTaskAssembly"] = typeof(CodeArtifactTask).Assembly.Location,
            ["CodeArtifactEndpoint"] = "http://127.0.0.1:1",
            ["CodeArtifactAccessKey"] = "AKFORTARGETTESTS",
            ["CodeArtifactTenantId"] = "tenant0001",
            ["CodeArtifactProjectId"] = "0123456789abcdef0123456789abcdef",
            ["CodeArtifactMaxRetries"] = "0",
            ["CodeArtifactTimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in extraGlobals ?? [])
        {
            globals[key] = value;
        }

        return new TestProject(body, globals);
    }
}
