using Cake.Core.IO;

namespace Cake.CodeArtifact.Tests;

public static class CodeArtifactSettingsTests
{
    public sealed class TheCopyConstructor
    {
        [Fact]
        public void Should_Throw_If_Connection_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => new CodeArtifactCleanupSettings(null!));

            // Then
            Assertions.IsArgumentNullException(exception, "connection");
        }

        [Fact]
        public void Should_Copy_Every_Connection_Value()
        {
            // Given
            using var cancellation = new CancellationTokenSource();
            var connection = new CodeArtifactSettings
            {
                Endpoint = "https://artifact.ap-southeast-3.myhuaweicloud.com",
                Region = "ap-southeast-3",
                IamEndpoint = "https://iam.ap-southeast-3.myhuaweicloud.com",
                TenantId = "tenant0001",
                ProjectId = "0123456789abcdef0123456789abcdef",
                AccessKey = "AKEXAMPLE",
                UserName = "builder",
                DomainName = "corp",
                CredentialsFile = new FilePath("/ci/credentials"),
                TimeoutSeconds = 30,
                MaxRetries = 2,
                MaxConcurrency = 8,
                AllowInsecureHttp = true,
                ReportFile = new FilePath("report.json"),
                MarkdownSummaryFile = new FilePath("summary.md"),
                Cancellation = cancellation.Token,
            };

            // When
            var copies = new CodeArtifactSettings[]
            {
                new CodeArtifactMavenCredentialsSettings(connection),
                new CodeArtifactVerifySettings(connection),
                new CodeArtifactReleaseVersionsSettings(connection),
                new CodeArtifactCleanupSettings(connection),
                new CodeArtifactRestoreSettings(connection),
            };

            // Then
            foreach (var copy in copies)
            {
                foreach (var property in typeof(CodeArtifactSettings).GetProperties())
                {
                    Assert.Equal(property.GetValue(connection), property.GetValue(copy));
                }
            }
        }

        [Fact]
        public void Should_Not_Copy_The_Values_Of_Another_Family()
        {
            // Given
            var cleanup = new CodeArtifactCleanupSettings { Repository = "repo", DryRun = true, Endpoint = "https://a.example.com" };

            // When
            var restore = new CodeArtifactRestoreSettings(cleanup);

            // Then
            Assert.Null(restore.Repository);
            Assert.Equal("https://a.example.com", restore.Endpoint);
        }
    }

    public sealed class TheDefaults
    {
        [Fact]
        public void Should_Match_The_MSBuild_Task_Defaults()
        {
            // Given / When
            var maven = new CodeArtifactMavenCredentialsSettings();
            var verify = new CodeArtifactVerifySettings();
            var cleanup = new CodeArtifactCleanupSettings();

            // Then
            Assert.Equal("r", maven.Access);
            Assert.False(maven.Overwrite);
            Assert.Empty(maven.RepositoryIds);
            Assert.Equal("generic", verify.Format);
            Assert.Equal("Auto", verify.Algorithm);
            Assert.True(verify.FailOnMismatch);
            Assert.True(verify.FailOnMissing);
            Assert.Equal("/", cleanup.RootPath);
            Assert.Equal(100, cleanup.MaxDeletions);
            Assert.Equal(0, cleanup.KeepLatest);
            Assert.False(cleanup.DryRun);
        }

        [Fact]
        public void Should_Have_No_Property_For_A_Secret()
        {
            // Given
            var settingsTypes = typeof(CodeArtifactSettings).Assembly.GetExportedTypes().Where(t => typeof(CodeArtifactSettings).IsAssignableFrom(t));

            // When
            var names = settingsTypes.SelectMany(t => t.GetProperties()).Select(p => p.Name).Distinct().ToArray();

            // Then
            Assert.DoesNotContain(names, n => n.Contains("Secret", StringComparison.OrdinalIgnoreCase) || n.Contains("Password", StringComparison.OrdinalIgnoreCase) || n.Contains("Token", StringComparison.OrdinalIgnoreCase));
        }
    }
}
