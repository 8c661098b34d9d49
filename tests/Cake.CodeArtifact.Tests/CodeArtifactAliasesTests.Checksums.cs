using System.Security.Cryptography;
using CodeArtifact.Core.Runner;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactVerifyChecksumsMethod(EmulatorFixture emulator)
    {
        private static readonly byte[] Published = "published build output\n"u8.ToArray();

        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactVerifyChecksums(null!, new Dictionary<FilePath, string>(), new CodeArtifactVerifySettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string>(), null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Throw_If_Files_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(null!, new CodeArtifactVerifySettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "files");
        }

        [Fact]
        public void Should_Verify_A_File_Whose_Digest_Matches_The_Repository()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            test.Server.Seed.PutFile(repository.Id, "/app/1.0/app.zip", Published);
            test.WriteLocalFile("out/app.zip", Published);
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id };

            // When
            var result = test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { ["out/app.zip"] = "/app/1.0/app.zip" }, settings);

            // Then
            Assert.Equal((1, 0, 0, 0), (result.Verified, result.Mismatched, result.Missing, result.Failed));
            var file = Assert.Single(result.Files);
            Assert.Equal(test.Context.PathOf("out/app.zip"), file.LocalPath);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Published)), file.LocalHash);
            Assert.Equal("SHA256", file.Algorithm);
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line.StartsWith("Checksums: 1 verified, 0 mismatched", StringComparison.Ordinal));
            Assert.Contains("ListArtifactoryComponent", test.Operations);
        }

        [Fact]
        public void Should_Use_The_Algorithm_Asked_For()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            test.Server.Seed.PutFile(repository.Id, "/app.zip", Published);
            test.WriteLocalFile("app.zip", Published);
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id, Algorithm = "sha-256" };

            // When
            var result = test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { ["app.zip"] = "/app.zip" }, settings);

            // Then
            var file = Assert.Single(result.Files);
            Assert.Equal("SHA256", file.Algorithm);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Published)), file.RemoteHash);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_With_The_Result_If_A_Digest_Differs()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            test.Server.Seed.PutFile(repository.Id, "/app/1.0/app.zip", Published);
            var local = test.WriteLocalFile("app.zip", "rebuilt, other output!\n"u8.ToArray()); // as long as Published: the digests differ, not the sizes
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id, ReportFile = "reports/checksums.json" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { [local] = "/app/1.0/app.zip" }, settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactVerificationException>(exception, ErrorCodes.ChecksumMismatch);
            var expected = string.Format(
                Messages.Checksums_Mismatch, local, repository.Id, "/app/1.0/app.zip", "SHA256",
                Convert.ToHexStringLower(SHA256.HashData("rebuilt, other output!\n"u8)), Convert.ToHexStringLower(SHA256.HashData(Published)));
            Assert.Equal(expected, failure.Message);
            Assert.Equal(1, failure.Result!.Mismatched);
            Assert.Contains("\"mismatched\"", File.ReadAllText(test.Context.PathOf("reports/checksums.json")), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void Should_Warn_And_Return_If_A_Digest_Differs_But_FailOnMismatch_Is_Off()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            test.Server.Seed.PutFile(repository.Id, "/app.zip", Published);
            test.WriteLocalFile("app.zip", "different\n"u8.ToArray());
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id, FailOnMismatch = false };

            // When
            var result = test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { ["app.zip"] = "/app.zip" }, settings);

            // Then
            Assert.Equal(1, result.Mismatched);
            var warning = Assert.Single(test.Log.Entries, e => e.Level == LogLevel.Warning);
            Assert.StartsWith("CART0301: ", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_If_A_File_Is_Missing_Remotely()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            var local = test.WriteLocalFile("app.zip", Published);
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { [local] = "/never/published.zip" }, settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactVerificationException>(exception, ErrorCodes.MissingRemotely);
            Assert.Equal(string.Format(Messages.Checksums_Missing, local, repository.Id, "/never/published.zip"), failure.Message);
            Assert.Equal(1, failure.Result!.Missing);
        }

        [Fact]
        public void Should_Return_If_A_File_Is_Missing_Remotely_But_FailOnMissing_Is_Off()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            test.WriteLocalFile("app.zip", Published);
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id, FailOnMissing = false };

            // When
            var result = test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { ["app.zip"] = "/never/published.zip" }, settings);

            // Then
            Assert.Equal(1, result.Missing);
            Assert.Contains(test.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("CART0302: ", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Report_Every_Failing_File_In_The_Message()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            test.Server.Seed.PutFile(repository.Id, "/a.zip", Published);
            test.WriteLocalFile("a.zip", "changed\n"u8.ToArray());
            test.WriteLocalFile("b.zip", Published);
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(
                new Dictionary<FilePath, string> { ["a.zip"] = "/a.zip", ["b.zip"] = "/b.zip", ["gone.zip"] = "/a.zip" },
                settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactVerificationException>(exception, ErrorCodes.ChecksumMismatch);
            var lines = failure.Message.Split(Environment.NewLine);
            Assert.Equal(["CART0301", "CART0302", "CART0303"], lines.Select(l => l[..8]).ToArray());
        }

        [Fact]
        public void Should_Judge_Every_File_Then_Throw_Once_With_One_Line_Per_Failure_And_Every_Verdict()
        {
            // Given ten published files; three look-ups fail (a 403, a 200 with status "error", a 500
            // after a retried 503) and one local file is held open exclusively, so it cannot be read
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            var files = new Dictionary<FilePath, string>();
            for (var i = 0; i < 10; i++)
            {
                var content = System.Text.Encoding.UTF8.GetBytes($"content {i}");
                test.Server.Seed.PutFile(repository.Id, $"/v/f{i}.zip", content);
                files[test.WriteLocalFile($"out/f{i}.zip", content)] = $"/v/f{i}.zip";
            }

            test.Server.Faults = new global::CodeArtifact.Emulator.Faults.FaultOptions
            {
                ForcedAnswers =
                [
                    new() { FilePath = "/v/f1.zip", Statuses = [403] },
                    new() { FilePath = "/v/f2.zip", Statuses = [200] },
                    new() { FilePath = "/v/f3.zip", Statuses = [503, 500] },
                ],
            };
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = repository.Id, MaxRetries = 1 };

            // When
            Exception? exception;
            using (new FileStream(test.Context.PathOf("out/f4.zip"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                try
                {
                    exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(files, settings));
                }
                finally
                {
                    test.Server.Faults = global::CodeArtifact.Emulator.Faults.FaultOptions.None;
                }
            }

            // Then one exception, one coded line per failed file, in file order
            var failure = Assertions.IsCodedCakeException<CodeArtifactVerificationException>(exception, ErrorCodes.RemoteLookupFailed);
            var lines = failure.Message.Split(Environment.NewLine);
            Assert.Equal(["CART0305", "CART0305", "CART0305", "CART0303"], lines.Select(l => l[..8]));
            Assert.Equal(["f1.zip", "f2.zip", "f3.zip", "f4.zip"], lines.Select(l => new[] { "f1.zip", "f2.zip", "f3.zip", "f4.zip" }.Single(f => l.Contains(f, StringComparison.Ordinal))));

            // And the result on it holds every verdict: the whole run ended before the alias threw
            var result = failure.Result!;
            Assert.Equal(10, result.Files.Count);
            Assert.Equal((6, 3, 1), (result.Verified, result.RemoteErrors, result.Unreadable));
            Assert.Equal(
                [(ErrorCodes.PermissionDenied, 403), (ErrorCodes.ErrorStatus, 200), (ErrorCodes.ServiceError, 500)],
                result.FailedFiles.Take(3).Select(f => (f.ErrorCode, f.HttpStatus ?? -1)));
            Assert.Equal(VerificationStatus.UnreadableLocally, result.FailedFiles[3].Status);
            Assert.Equal(2, test.Server.RequestLog.Snapshot().Count(r => r.Query.Contains("f3.zip", StringComparison.Ordinal)));
        }

        [Fact]
        public void Should_Throw_One_CART0306_Naming_A_Repository_That_Does_Not_Exist()
        {
            // Given three files in a well-formed repository id the service does not know
            using var test = new AliasTestContext(emulator.Server);
            const string absent = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_98";
            var files = Enumerable.Range(0, 3).ToDictionary(i => (FilePath)test.WriteLocalFile($"m{i}.zip", Published), i => $"/m{i}.zip");

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(files, new CodeArtifactVerifySettings(test.Connection) { Repository = absent }));

            // Then one line names it, instead of three files "not in the repository"
            var failure = Assertions.IsCodedCakeException<CodeArtifactVerificationException>(exception, ErrorCodes.RepositoryNotFound);
            Assert.DoesNotContain(Environment.NewLine, failure.Message, StringComparison.Ordinal);
            Assert.Contains($"\"{absent}\"", failure.Message, StringComparison.Ordinal);
            Assert.Null(failure.Result);
        }

        [Fact]
        public void Should_Refuse_A_Malformed_Repository_Id_Before_Any_Request()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            test.WriteLocalFile("app.zip", Published);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(
                new Dictionary<FilePath, string> { ["app.zip"] = "/app.zip" },
                new CodeArtifactVerifySettings(test.Connection) { Repository = "generic_3" }));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("Repository", failure.ParameterName);
            Assert.Contains("\"generic_3\"", failure.Message, StringComparison.Ordinal);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Algorithm_Is_Unknown()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            test.WriteLocalFile("app.zip", Published);
            var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = "any-repository", Algorithm = "CRC32" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { ["app.zip"] = "/app.zip" }, settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("Algorithm", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Repository_Is_Missing()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            test.WriteLocalFile("app.zip", Published);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactVerifyChecksums(
                new Dictionary<FilePath, string> { ["app.zip"] = "/app.zip" },
                new CodeArtifactVerifySettings(test.Connection)));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.MissingArgument);
            Assert.Equal("Repository", failure.ParameterName);
            Assert.Empty(test.Operations);
        }
    }
}
