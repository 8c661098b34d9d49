using CodeArtifact.Core.Runner;
using Cake.Core.Diagnostics;
using CodeArtifact.Core;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactGetReleaseFileVersionsMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactGetReleaseFileVersions(null!, "app", new CodeArtifactReleaseVersionsSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions("app", null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Return_Every_Version_In_Version_Order()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();
            foreach (var version in new[] { "1.9.12", "1.10.0", "1.2.9", "1.2.10", "2.0.0-rc.1" })
            {
                test.Server.Seed.AddReleaseFile(name, version);
            }

            // When
            var versions = test.Context.CodeArtifactGetReleaseFileVersions(name, new CodeArtifactReleaseVersionsSettings(test.Connection));

            // Then
            Assert.Equal(["1.2.9", "1.2.10", "1.9.12", "1.10.0", "2.0.0-rc.1"], versions.Select(v => v.Version).ToArray());
            Assert.All(versions, v => Assert.EndsWith($"{name}-{v.Version}.zip", v.DownloadUrl, StringComparison.Ordinal));
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line.StartsWith($"Release versions of {name}.zip: 5 versions, latest 1.10.0", StringComparison.Ordinal));
            Assert.Contains(test.Log.At(Verbosity.Verbose), line => line.StartsWith($"Release files \"{name}\" offset 0: 5 records", StringComparison.Ordinal));
            Assert.Equal(["ShowProjectReleaseFiles"], test.Operations);
        }

        [Fact]
        public void Should_Choose_Among_Files_Named_Alike_With_PathFilter_And_Refuse_The_Ambiguous_Name_Without()
        {
            // Given a .zip and a .tar.gz of each version (and a checksum sidecar)
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();
            foreach (var version in new[] { "1.0.0", "1.1.0" })
            {
                test.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.zip");
                test.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.tar.gz");
                test.Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.tar.gz.sha256");
            }

            // When
            var ambiguous = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions(name, new CodeArtifactReleaseVersionsSettings(test.Connection)));
            var latest = test.Context.CodeArtifactGetLatestReleaseFileVersion(name, new CodeArtifactReleaseVersionsSettings(test.Connection) { PathFilter = "**/*.tar.gz" });

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(ambiguous, ErrorCodes.AmbiguousReleaseFile);
            Assert.Contains($"{name}.tar.gz", failure.Message, StringComparison.Ordinal);
            Assert.Contains("PathFilter", failure.Message, StringComparison.Ordinal);
            Assert.Equal("1.1.0", latest!.Version);
            Assert.EndsWith($"{name}-1.1.0.tar.gz", latest.Path, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Keep_Only_The_Highest_MaxResults_Versions()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();
            foreach (var version in new[] { "1.0.0", "3.0.0", "2.0.0" })
            {
                test.Server.Seed.AddReleaseFile(name, version);
            }

            // When
            var versions = test.Context.CodeArtifactGetReleaseFileVersions(name, new CodeArtifactReleaseVersionsSettings(test.Connection) { MaxResults = 2 });

            // Then
            Assert.Equal(["2.0.0", "3.0.0"], versions.Select(v => v.Version).ToArray());
        }

        [Fact]
        public void Should_Warn_And_Return_Nothing_If_No_Version_Matches()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();

            // When
            var versions = test.Context.CodeArtifactGetReleaseFileVersions(name, new CodeArtifactReleaseVersionsSettings(test.Connection));

            // Then
            Assert.Empty(versions);
            var warning = Assert.Single(test.Log.Entries, e => e.Level == LogLevel.Warning);
            Assert.Equal($"CART0401: No release version of {name} was found. Check fileName (the service matches it as part of a file name), PathFilter and ProjectId.", warning.Message);
            Assert.StartsWith("CART0401: ", warning.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData("app/zip")]
        [InlineData("../app")]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_File_Name_Is_Invalid(string fileName)
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions(fileName, new CodeArtifactReleaseVersionsSettings(test.Connection)));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, fileName.Length == 0 ? ErrorCodes.MissingArgument : ErrorCodes.InvalidArgument);
            Assert.Equal("fileName", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_MaxResults_Is_Zero()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions("app", new CodeArtifactReleaseVersionsSettings(test.Connection) { MaxResults = 0 }));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("MaxResults", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Service_Exception_If_The_Project_Is_Not_The_Callers()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactReleaseVersionsSettings(test.Connection) { ProjectId = test.Server.UnjoinedProjectId };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions("app", settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactServiceException>(exception, ErrorCodes.PermissionDenied);
            Assert.Equal(403, failure.HttpStatus);
            Assert.Equal("CR.4102", failure.ServiceErrorCode);
            Assert.False(string.IsNullOrEmpty(failure.TraceId));
            Assert.Contains(failure.TraceId, failure.Message, StringComparison.Ordinal);
        }
    }

    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactGetLatestReleaseFileVersionMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactGetLatestReleaseFileVersion(null!, "app", new CodeArtifactReleaseVersionsSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetLatestReleaseFileVersion("app", null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Return_The_Highest_Version_Without_A_Prerelease_Part()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();
            foreach (var version in new[] { "1.2.0", "1.10.0", "2.0.0-beta.2" })
            {
                test.Server.Seed.AddReleaseFile(name, version);
            }

            // When
            var latest = test.Context.CodeArtifactGetLatestReleaseFileVersion(name, new CodeArtifactReleaseVersionsSettings(test.Connection));

            // Then
            Assert.NotNull(latest);
            Assert.Equal("1.10.0", latest.Version);
            Assert.EndsWith($"{name}/1.10.0/{name}-1.10.0.zip", latest.Path, StringComparison.Ordinal);
            Assert.EndsWith($"{name}/1.10.0/{name}-1.10.0.zip", latest.DownloadUrl, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Return_A_Prerelease_If_IncludePrerelease_Is_Set()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();
            test.Server.Seed.AddReleaseFile(name, "1.0.0");
            test.Server.Seed.AddReleaseFile(name, "2.0.0-rc.1");

            // When
            var latest = test.Context.CodeArtifactGetLatestReleaseFileVersion(name, new CodeArtifactReleaseVersionsSettings(test.Connection) { IncludePrerelease = true });

            // Then
            Assert.Equal("2.0.0-rc.1", latest?.Version);
        }

        [Fact]
        public void Should_Return_Null_If_There_Is_Only_A_Prerelease()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var name = UniqueName();
            test.Server.Seed.AddReleaseFile(name, "1.0.0-alpha");

            // When
            var latest = test.Context.CodeArtifactGetLatestReleaseFileVersion(name, new CodeArtifactReleaseVersionsSettings(test.Connection));

            // Then
            Assert.Null(latest);
            Assert.DoesNotContain(test.Log.Entries, e => e.Level == LogLevel.Warning);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Endpoint_Is_Not_Https()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactReleaseVersionsSettings(test.Connection) { Endpoint = "http://artifact.example.com" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetLatestReleaseFileVersion("app", settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InsecureEndpoint);
            Assert.Contains("AllowInsecureHttp", failure.Message, StringComparison.Ordinal);
            Assert.Empty(test.Operations);
        }
    }

    private static string UniqueName() => "app" + Guid.NewGuid().ToString("N")[..10];
}
