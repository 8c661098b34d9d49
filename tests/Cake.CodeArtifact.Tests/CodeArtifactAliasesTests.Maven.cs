using System.Text;
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

        [Fact]
        public void Should_Merge_Into_The_Base_Settings_File_And_Leave_It_Unchanged()
        {
            // Given a user's settings with a mirror that lets our repositories through and a server with an encrypted password
            using var test = new AliasTestContext(emulator.Server);
            var (release, snapshot) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var basePath = test.WriteLocalFile("home/.m2/settings.xml", Encoding.UTF8.GetBytes(BaseSettings($"*,!{release.Id},!{snapshot.Id}", ("corp-nexus", "deployer", "{COQLCE6DU6GtcS5P=}"))));
            var baseBytes = File.ReadAllBytes(basePath);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id, snapshot.Id], BaseSettingsFile = "home/.m2/settings.xml" };

            // When
            var written = test.Context.CodeArtifactWriteMavenSettings(".mvn/settings.xml", settings);

            // Then
            var xml = File.ReadAllText(written.FullPath);
            Assert.Contains("<mirrorOf>*,!" + release.Id, xml, StringComparison.Ordinal);
            Assert.Contains("<password>{COQLCE6DU6GtcS5P=}</password>", xml, StringComparison.Ordinal);
            Assert.Contains($"<id>{release.Id}</id>", xml, StringComparison.Ordinal);
            Assert.Contains($"<id>{snapshot.Id}</id>", xml, StringComparison.Ordinal);
            Assert.Equal(baseBytes, File.ReadAllBytes(basePath));
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line.Contains($"(merged from {basePath})", StringComparison.Ordinal));
            Assert.DoesNotContain(test.Log.Entries, e => e.Level == LogLevel.Warning);
        }

        [Fact]
        public void Should_Warn_Once_If_A_Base_Mirror_Catches_The_Repositories()
        {
            // Given a mirror of everything
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            test.WriteLocalFile("base.xml", Encoding.UTF8.GetBytes(BaseSettings("*", ("corp-nexus", "deployer", "x"))));
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id], BaseSettingsFile = "base.xml" };

            // When
            test.Context.CodeArtifactWriteMavenSettings("settings.xml", settings);

            // Then
            var warning = Assert.Single(test.Log.Entries, e => e.Level == LogLevel.Warning);
            Assert.StartsWith(ErrorCodes.MirrorCatchesRepositories + ": The mirror \"corp\"", warning.Message, StringComparison.Ordinal);
            Assert.Contains(release.Id, warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Refuse_A_Base_Server_With_Our_Id_And_Other_Credentials_Unless_Told_To_Overwrite()
        {
            // Given a base server with the release repository's id and another account
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            test.WriteLocalFile("base.xml", Encoding.UTF8.GetBytes(BaseSettings($"*,!{release.Id}", (release.Id, "someone-else", "their-password"))));
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id], BaseSettingsFile = "base.xml" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactWriteMavenSettings("settings.xml", settings));

            // Then nothing is written and the way out is named
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.BaseSettingsConflict);
            Assert.Contains(release.Id, failure.Message, StringComparison.Ordinal);
            Assert.Contains("Overwrite", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("their-password", failure.Message + test.Log.AllText, StringComparison.Ordinal);
            Assert.False(File.Exists(test.Context.PathOf("settings.xml")));

            // And with Overwrite the written file carries the repository's account instead
            settings.Overwrite = true;
            var written = test.Context.CodeArtifactWriteMavenSettings("settings.xml", settings);
            Assert.Contains($"<password>{test.Server.RepositoryPassword()}</password>", File.ReadAllText(written.FullPath), StringComparison.Ordinal);
            Assert.DoesNotContain("their-password", File.ReadAllText(written.FullPath), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Base_Settings_File_Is_Missing()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactMavenCredentialsSettings(test.Connection) { BaseSettingsFile = "no-such/settings.xml" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactWriteMavenSettings("settings.xml", settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.BaseSettingsFileInvalid);
            Assert.Contains("no-such", failure.Message, StringComparison.Ordinal);
            Assert.Empty(test.Operations);
        }

        private static string BaseSettings(string mirrorOf, (string Id, string User, string Password) server) => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
              <mirrors>
                <mirror><id>corp</id><mirrorOf>{mirrorOf}</mirrorOf><url>https://nexus.corp.example/repository/public/</url></mirror>
              </mirrors>
              <servers>
                <server><id>{server.Id}</id><username>{server.User}</username><password>{server.Password}</password></server>
              </servers>
            </settings>
            """;
    }

    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactDeleteMavenSettingsMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactDeleteMavenSettings(null!, "settings.xml"));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_File_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteMavenSettings(null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settingsFile");
        }

        [Fact]
        public void Should_Delete_The_File_The_Addin_Wrote_And_Then_Find_Nothing_To_Delete()
        {
            // Given a written settings file
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);
            var written = test.Context.CodeArtifactWriteMavenSettings(".mvn/settings.xml", new CodeArtifactMavenCredentialsSettings(test.Connection) { RepositoryIds = [release.Id] });
            var requests = test.Operations.Count;

            // When, by the relative path
            var result = test.Context.CodeArtifactDeleteMavenSettings(".mvn/settings.xml");

            // Then
            Assert.True(result.Deleted);
            Assert.Equal(written.FullPath, result.Path);
            Assert.False(File.Exists(written.FullPath));
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line == $"Deleted the Maven settings file {written.FullPath} and the passwords it held.");
            Assert.Equal(requests, test.Operations.Count);

            // And a second call is no error
            var again = test.Context.CodeArtifactDeleteMavenSettings(written);
            Assert.False(again.Deleted);
            Assert.DoesNotContain(test.Log.Entries, e => e.Level == LogLevel.Warning);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_And_Leave_A_File_It_Did_Not_Write()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var own = test.WriteLocalFile("settings.xml", "<settings><!-- mine --></settings>"u8.ToArray());

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteMavenSettings(own));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.SettingsFileDeleteRefused);
            Assert.Contains(own, failure.Message, StringComparison.Ordinal);
            Assert.Contains("settingsFile", failure.Message, StringComparison.Ordinal);
            Assert.IsType<CodeArtifactException>(failure.InnerException);
            Assert.Equal("<settings><!-- mine --></settings>", File.ReadAllText(own));
        }
    }
}
