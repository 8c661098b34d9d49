using System.Text.Json;
using CodeArtifact.Core;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    /// <summary>Every alias run writes its reports, whatever the outcome, over the reports of an earlier run.</summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class TheReportSettings(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Write_A_Refused_Report_Naming_The_Setting_Over_An_Older_One()
        {
            // Given last week's reports, and a setting the alias refuses
            using var test = new AliasTestContext(emulator.Server);
            test.WriteLocalFile("reports/cleanup.json", "{\"outcome\":\"succeeded\",\"stale\":true}"u8.ToArray());
            test.WriteLocalFile("reports/cleanup.md", "### last week"u8.ToArray());
            var settings = new CodeArtifactCleanupSettings(test.Connection)
            {
                Repository = "repo id; rm -rf",
                ReportFile = "reports/cleanup.json",
                MarkdownSummaryFile = "reports/cleanup.md",
            };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));

            // Then nothing was sent, the alias failed with the code, and both reports say so
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("Repository", failure.ParameterName);
            Assert.Empty(test.Operations);
            using var json = JsonDocument.Parse(File.ReadAllText(test.Context.PathOf("reports/cleanup.json")));
            Assert.Equal("refused", json.RootElement.GetProperty("outcome").GetString());
            Assert.Equal("CART0001", json.RootElement.GetProperty("error").GetProperty("code").GetString());
            Assert.False(json.RootElement.TryGetProperty("stale", out _));
            Assert.StartsWith("### CodeArtifact cleanup — refused", File.ReadAllText(test.Context.PathOf("reports/cleanup.md")), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Write_A_Failed_Report_After_A_401()
        {
            // Given a wrong secret key
            using var test = new AliasTestContext(emulator.Server);
            test.Context.Environment.Variables["HUAWEICLOUD_SDK_SK"] = "Wrong-Secret-Key-000000000000000000000000";
            var settings = new CodeArtifactReleaseVersionsSettings(test.Connection) { ReportFile = "reports/release-versions.json" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions("app.zip", settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactServiceException>(exception, ErrorCodes.AuthenticationFailed);
            Assert.Equal(401, failure.HttpStatus);
            using var json = JsonDocument.Parse(File.ReadAllText(test.Context.PathOf("reports/release-versions.json")));
            Assert.Equal("failed", json.RootElement.GetProperty("outcome").GetString());
            Assert.Equal(401, json.RootElement.GetProperty("error").GetProperty("httpStatus").GetInt32());
            Assert.DoesNotContain("Wrong-Secret-Key", File.ReadAllText(test.Context.PathOf("reports/release-versions.json")), StringComparison.Ordinal);
        }
    }
}
