using Cake.Core.Diagnostics;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactResolveMavenCredentialsMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactResolveMavenCredentials(null!, new CodeArtifactMavenCredentialsSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactResolveMavenCredentials(null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Return_The_Repositories_With_Their_Accounts()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, snapshot) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id, snapshot.Id] };

            // When
            var repositories = test.Context.CodeArtifactResolveMavenCredentials(settings);

            // Then
            Assert.Equal([release.Id, snapshot.Id], repositories.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray());
            var releaseRepository = repositories.Single(r => r.Id == release.Id);
            Assert.Equal(release.Url, releaseRepository.Url);
            Assert.Equal("release", releaseRepository.Policy);
            Assert.Equal(test.Server.Identity.RepositoryUserName, releaseRepository.UserName);
            Assert.Equal(test.Server.RepositoryPassword(), releaseRepository.Password.Reveal());
            Assert.Equal(Secret.Redacted, releaseRepository.Password.ToString());
            Assert.Equal(["ShowMavenInfo"], test.Operations);
        }

        [Fact]
        public void Should_Log_A_Summary_At_Normal_And_Each_Repository_At_Verbose_Without_The_Password()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id], Policy = "release" };

            // When
            test.Context.CodeArtifactResolveMavenCredentials(settings);

            // Then
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line == $"Maven credentials: 1 Maven repository ({release.Id}).");
            Assert.Contains(test.Log.At(Verbosity.Verbose), line => line.Contains(release.Url, StringComparison.Ordinal));
            Assert.Contains(test.Log.At(Verbosity.Verbose), line => line.StartsWith("Connecting to " + test.Server.Endpoint, StringComparison.Ordinal));
            Assertions.ContainsNoSecret(test.Log.AllText, test.Secrets);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Project_Id_Is_Invalid()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { ProjectId = "not-a-project" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactResolveMavenCredentials(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("ProjectId", failure.ParameterName);
            Assert.Contains("\"not-a-project\"", failure.Message, StringComparison.Ordinal);
            Assert.IsType<CodeArtifactException>(failure.InnerException);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Access_Is_Unknown()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { Access = "write" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactResolveMavenCredentials(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("Access", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_There_Are_No_Credentials()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            test.Context.Environment.Variables.Clear();

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactResolveMavenCredentials(new CodeArtifactMavenCredentialsSettings(test.Connection)));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.NoCredentials);
            Assert.Contains(CodeArtifactEnvironment.SecretKey, failure.Message, StringComparison.Ordinal);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Service_Exception_With_The_Status_If_The_Secret_Key_Is_Wrong()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            const string wrongSecret = "Wrong-Secret-Key-0000000000000000000000";
            test.Context.Environment.Variables[CodeArtifactEnvironment.SecretKey] = wrongSecret;

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactResolveMavenCredentials(new CodeArtifactMavenCredentialsSettings(test.Connection)));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactServiceException>(exception, ErrorCodes.AuthenticationFailed);
            Assert.Equal(401, failure.HttpStatus);
            Assert.Equal("APIGW.0301", failure.ServiceErrorCode);
            Assert.Equal("ShowMavenInfo", failure.Operation);
            Assertions.ContainsNoSecret(failure.ToString() + test.Log.AllText, [wrongSecret]);
        }
    }

    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactWriteMavenSettingsMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactWriteMavenSettings(null!, "settings.xml", new CodeArtifactMavenCredentialsSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactWriteMavenSettings("settings.xml", null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Settings_File_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactWriteMavenSettings(null!, new CodeArtifactMavenCredentialsSettings(test.Connection)));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.MissingArgument);
            Assert.Equal("settingsFile", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Write_The_Servers_To_The_File_Relative_To_The_Working_Directory()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id] };

            // When
            var written = test.Context.CodeArtifactWriteMavenSettings(new FilePath(".mvn/settings.xml"), settings);

            // Then
            Assert.Equal(test.Context.PathOf(".mvn/settings.xml"), written.FullPath);
            var xml = File.ReadAllText(written.FullPath);
            Assert.Contains($"<id>{release.Id}</id>", xml, StringComparison.Ordinal);
            Assert.Contains($"<password>{test.Server.RepositoryPassword()}</password>", xml, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written.FullPath));
            }

            Assertions.ContainsNoSecret(test.Log.AllText, test.Secrets);
        }

        [Fact]
        public void Should_Leave_An_Unchanged_File_Alone_And_Say_So()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id] };
            var first = test.Context.CodeArtifactWriteMavenSettings("settings.xml", settings);
            var writtenAt = File.GetLastWriteTimeUtc(first.FullPath);

            // When
            var second = test.Context.CodeArtifactWriteMavenSettings("settings.xml", settings);

            // Then
            Assert.Equal(first.FullPath, second.FullPath);
            Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(second.FullPath));
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line.Contains($"; {second.FullPath} is up to date.", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Refuse_To_Replace_A_File_It_Did_Not_Write()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var handWritten = test.WriteLocalFile("settings.xml", "<settings><!-- mine --></settings>"u8.ToArray());
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id] };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactWriteMavenSettings(handWritten, settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.SettingsFileNotOurs);
            Assert.Contains("Overwrite", failure.Message, StringComparison.Ordinal);
            Assert.Equal("<settings><!-- mine --></settings>", File.ReadAllText(handWritten));
        }

        [Fact]
        public void Should_Replace_A_File_It_Did_Not_Write_If_Told_To()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var handWritten = test.WriteLocalFile("settings.xml", "<settings><!-- mine --></settings>"u8.ToArray());
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id], Overwrite = true };

            // When
            test.Context.CodeArtifactWriteMavenSettings(handWritten, settings);

            // Then
            Assert.Contains($"<id>{release.Id}</id>", File.ReadAllText(handWritten), StringComparison.Ordinal);
        }
    }
}
