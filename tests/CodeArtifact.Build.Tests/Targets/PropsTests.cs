using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>Evaluation of build/CodeArtifact.Build.props and the defaults the .targets add.</summary>
[Collection(InProcessMSBuild.Name)]
public sealed class PropsTests
{
    [Theory]
    [InlineData("CodeArtifactFailOnMismatch", "true")]
    [InlineData("CodeArtifactFailOnMissing", "true")]
    [InlineData("CodeArtifactChecksumAlgorithm", "Auto")]
    [InlineData("CodeArtifactMavenAccess", "r")]
    [InlineData("CodeArtifactMavenDefaultOnly", "false")]
    [InlineData("CodeArtifactMavenOverwriteSettings", "false")]
    [InlineData("CodeArtifactReleaseIncludePrerelease", "false")]
    [InlineData("CodeArtifactCleanupRootPath", "/")]
    [InlineData("CodeArtifactCleanupMaxDeletions", "100")]
    [InlineData("CodeArtifactCleanupDryRun", "false")]
    [InlineData("CodeArtifactAllowInsecureHttp", "false")]
    [InlineData("CodeArtifactVerifyOnBuild", "false")]
    [InlineData("CodeArtifactResolveMavenCredentialsOnBuild", "false")]
    [InlineData("CodeArtifactGetReleaseFileVersionsOnBuild", "false")]
    [InlineData("CodeArtifactVerifyAfterTargets", "Build")]
    public void Should_Default_A_Switch_If_The_Project_Leaves_It_Empty(string property, string expected)
    {
        // Given
        using var project = new TestProject();

        // When
        var value = project.Property(property);

        // Then
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Should_Keep_The_Project_Value_If_The_Project_Sets_One()
    {
        // Given a project body, which is evaluated after the props
        using var project = new TestProject("""
            <PropertyGroup>
              <CodeArtifactFailOnMismatch>false</CodeArtifactFailOnMismatch>
              <CodeArtifactCleanupMaxDeletions>7</CodeArtifactCleanupMaxDeletions>
            </PropertyGroup>
            """);

        // Then
        Assert.Equal("false", project.Property("CodeArtifactFailOnMismatch"));
        Assert.Equal("7", project.Property("CodeArtifactCleanupMaxDeletions"));
    }

    [Fact]
    public void Should_Take_Plain_Settings_From_The_Environment_If_Not_Set()
    {
        // Given the environment variables (MSBuild reads them as properties; global properties stand in for them here)
        using var project = new TestProject(globalProperties: new Dictionary<string, string>
        {
            ["CODEARTIFACT_ENDPOINT"] = "https://artifact.example.test",
            ["CODEARTIFACT_REGION"] = "ap-southeast-3",
            ["CODEARTIFACT_TENANT_ID"] = "tenant0001",
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "0123456789abcdef0123456789abcdef",
            ["HUAWEICLOUD_SDK_IAM_ENDPOINT"] = "https://iam.example.test",
            ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = "/ci/credentials",
            ["HUAWEICLOUD_SDK_AK"] = "AKFROMENVIRONMENT",
        });

        // Then
        Assert.Equal("https://artifact.example.test", project.Property("CodeArtifactEndpoint"));
        Assert.Equal("ap-southeast-3", project.Property("CodeArtifactRegion"));
        Assert.Equal("tenant0001", project.Property("CodeArtifactTenantId"));
        Assert.Equal("0123456789abcdef0123456789abcdef", project.Property("CodeArtifactProjectId"));
        Assert.Equal("https://iam.example.test", project.Property("CodeArtifactIamEndpoint"));
        Assert.Equal("/ci/credentials", project.Property("CodeArtifactCredentialsFile"));

        // The identity is left to the task's credential chain, which takes credentials whole from one place.
        Assert.Equal(string.Empty, project.Property("CodeArtifactAccessKey"));
    }

    [Fact]
    public void Should_Never_Copy_A_Secret_Variable_Into_A_Property()
    {
        // Given every secret variable
        using var project = new TestProject(globalProperties: new Dictionary<string, string>
        {
            ["HUAWEICLOUD_SDK_SK"] = "sk-value-123",
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "token-value-123",
            ["CODEARTIFACT_PASSWORD"] = "password-value-123",
            ["CODEARTIFACT_AUTH_TOKEN"] = "auth-value-123",
        });

        // Then no CodeArtifact* property holds any of the values
        var leaked = project.Project.AllEvaluatedProperties
            .Where(p => p.Name.StartsWith("CodeArtifact", StringComparison.Ordinal) || p.Name.StartsWith("_CodeArtifact", StringComparison.Ordinal))
            .Where(p => p.EvaluatedValue.Contains("-value-123", StringComparison.Ordinal))
            .Select(p => p.Name);
        Assert.Empty(leaked);
    }

    [Fact]
    public void Should_Point_The_Task_Assembly_At_The_Package_Tasks_Folder()
    {
        // Given
        using var project = new TestProject();

        // When
        var assembly = project.Property("_CodeArtifactTaskAssembly");

        // Then: build/../tasks/net8.0/
        var expected = Path.GetFullPath(Path.Combine(SourcePaths.BuildProjectDirectory, "tasks", "net8.0", "CodeArtifact.Build.dll"));
        Assert.Equal(expected, assembly);
    }

    [Fact]
    public void Should_Derive_Report_Files_From_The_Report_Directory()
    {
        // Given
        using var project = new TestProject("""
            <PropertyGroup>
              <CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory>
              <CodeArtifactCleanupReportFile>custom/cleanup.json</CodeArtifactCleanupReportFile>
            </PropertyGroup>
            """);
        var reports = Path.Combine(project.Directory, "reports") + Path.DirectorySeparatorChar;

        // Then
        Assert.Equal(reports + "verify-checksums.json", project.Property("CodeArtifactVerifyChecksumsReportFile"));
        Assert.Equal(reports + "verify-checksums.md", project.Property("CodeArtifactVerifyChecksumsSummaryFile"));
        Assert.Equal(reports + "maven-credentials.json", project.Property("CodeArtifactMavenCredentialsReportFile"));
        Assert.Equal(reports + "release-versions.json", project.Property("CodeArtifactReleaseVersionsReportFile"));
        Assert.Equal(reports + "restore.json", project.Property("CodeArtifactRestoreReportFile"));
        Assert.Equal("custom/cleanup.json", project.Property("CodeArtifactCleanupReportFile"));
    }

    [Fact]
    public void Should_Default_Cleanup_And_Restore_Repository_To_CodeArtifactRepository()
    {
        // Given
        using var project = new TestProject("""
            <PropertyGroup>
              <CodeArtifactRepository>cn-north-4_tenant_generic_1</CodeArtifactRepository>
            </PropertyGroup>
            """);

        // Then
        Assert.Equal("cn-north-4_tenant_generic_1", project.Property("CodeArtifactCleanupRepository"));
        Assert.Equal("cn-north-4_tenant_generic_1", project.Property("CodeArtifactRestoreRepository"));
    }

    [Fact]
    public void Should_Support_This_MSBuild()
    {
        // Given the .NET SDK's MSBuild
        using var project = new TestProject();

        // Then the tasks load in process, without a task host
        Assert.Equal("Core", project.Property("MSBuildRuntimeType"));
        Assert.Equal("true", project.Property("_CodeArtifactMSBuildSupported"));
    }
}
