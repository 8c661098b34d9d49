using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator.Faults;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactPublishFilesMethod(EmulatorFixture emulator)
    {
        private const string UploadOperation = "UploadFile";

        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactPublishFiles(null!, new Dictionary<FilePath, string>(), new CodeArtifactPublishSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Files_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactPublishFiles((IDictionary<FilePath, string>)null!, new CodeArtifactPublishSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "files");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactPublishFiles(new List<FilePath>(), "/app/1.0", null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Upload_And_Verify_New_Files_Then_Skip_Them_As_Unchanged()
        {
            // Given two local files and an empty generic repository
            using var test = new AliasTestContext(emulator.Server);
            var repository = NewRepository(test);
            test.WriteLocalFile("dist/app.zip", "app bytes"u8.ToArray());
            test.WriteLocalFile("dist/notes.md", "# notes"u8.ToArray());
            var files = new Dictionary<FilePath, string> { ["dist/app.zip"] = "/app/1.0/app.zip", ["dist/notes.md"] = "/app/1.0/notes.md" };
            var settings = new CodeArtifactPublishSettings(test.Connection) { Repository = repository };

            // When
            var first = test.Context.CodeArtifactPublishFiles(files, settings);

            // Then both are uploaded with the local bytes, and verified
            Assert.Equal(2, first.Uploaded.Count);
            Assert.All(first.Uploaded, f => Assert.True(f.Verified));
            var app = first.Uploaded.Single(f => f.RemotePath == "/app/1.0/app.zip");
            Assert.Equal(test.Context.PathOf("dist/app.zip"), app.LocalPath);
            Assert.Equal(Sha256("app bytes"), app.Sha256);
            Assert.Equal(app.Sha256, test.Server.Seed.FindFile(repository, "/app/1.0/app.zip")!.Sha256);
            Assert.Equal(16, first.BytesUploaded);
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line.StartsWith("Published 2 files in ", StringComparison.Ordinal));
            Assert.Contains(test.Log.At(Verbosity.Verbose), line => line.StartsWith("Uploaded " + test.Context.PathOf("dist/app.zip"), StringComparison.Ordinal));

            // And when they are published again
            var mark = test.Server.RequestLog.Count;
            var second = test.Context.CodeArtifactPublishFiles(files, settings);

            // Then nothing is uploaded
            Assert.Empty(second.Uploaded);
            Assert.Equal(2, second.Unchanged.Count);
            Assert.DoesNotContain(test.Server.RequestLog.Snapshot().Skip(mark), r => r.Operation == UploadOperation);
        }

        [Fact]
        public void Should_Publish_Files_Into_A_Folder_Under_Their_Own_Names()
        {
            // Given files a glob found
            using var test = new AliasTestContext(emulator.Server);
            var repository = NewRepository(test);
            test.WriteLocalFile("out/a.txt", "a"u8.ToArray());
            test.WriteLocalFile("out/b.txt", "b"u8.ToArray());
            var files = new[] { new FilePath(test.Context.PathOf("out/a.txt")), new FilePath("out/b.txt") };

            // When
            var result = test.Context.CodeArtifactPublishFiles(files, "/drops/7/", new CodeArtifactPublishSettings(test.Connection) { Repository = repository });

            // Then
            Assert.Equal(["/drops/7/a.txt", "/drops/7/b.txt"], result.Uploaded.Select(f => f.RemotePath));
            Assert.NotNull(test.Server.Seed.FindFile(repository, "/drops/7/b.txt"));
        }

        [Fact]
        public void Should_Throw_CART0606_With_The_Result_If_A_Different_File_Is_There_And_Replace_It_With_Overwrite()
        {
            // Given a path that holds other bytes, and one new file
            using var test = new AliasTestContext(emulator.Server);
            var repository = NewRepository(test);
            test.Server.Seed.PutFile(repository, "/app/1.0/app.zip", "published before"u8.ToArray());
            test.WriteLocalFile("app.zip", "built again"u8.ToArray());
            test.WriteLocalFile("new.txt", "new"u8.ToArray());
            var files = new Dictionary<FilePath, string> { ["app.zip"] = "/app/1.0/app.zip", ["new.txt"] = "/app/1.0/new.txt" };

            // When it is published without Overwrite
            var exception = Record.Exception(() => test.Context.CodeArtifactPublishFiles(files, new CodeArtifactPublishSettings(test.Connection) { Repository = repository }));

            // Then the alias fails with the file's code, the other file is published, and the different one is left
            var failure = Assertions.IsCodedCakeException<CodeArtifactPublishException>(exception, ErrorCodes.RemoteFileDiffers);
            Assert.Contains(test.Context.PathOf("app.zip"), failure.Message, StringComparison.Ordinal);
            Assert.Equal("/app/1.0/new.txt", Assert.Single(failure.Result!.Uploaded).RemotePath);
            Assert.Equal(ErrorCodes.RemoteFileDiffers, Assert.Single(failure.Result.Failed).Code);
            Assert.Equal(Sha256("published before"), test.Server.Seed.FindFile(repository, "/app/1.0/app.zip")!.Sha256);

            // When it is published with Overwrite
            var replaced = test.Context.CodeArtifactPublishFiles(files, new CodeArtifactPublishSettings(test.Connection) { Repository = repository, Overwrite = true });

            // Then it is replaced, and the other is unchanged
            Assert.True(Assert.Single(replaced.Uploaded).Replaced);
            Assert.Single(replaced.Unchanged);
            Assert.Equal(Sha256("built again"), test.Server.Seed.FindFile(repository, "/app/1.0/app.zip")!.Sha256);
        }

        [Fact]
        public void Should_Upload_Nothing_In_A_Dry_Run()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = NewRepository(test);
            test.WriteLocalFile("dry.zip", "dry"u8.ToArray());
            var mark = test.Server.RequestLog.Count;

            // When
            var result = test.Context.CodeArtifactPublishFiles(
                new Dictionary<FilePath, string> { ["dry.zip"] = "/dry/dry.zip" },
                new CodeArtifactPublishSettings(test.Connection) { Repository = repository, DryRun = true });

            // Then
            Assert.True(result.DryRun);
            Assert.Equal("/dry/dry.zip", Assert.Single(result.WouldUpload).RemotePath);
            Assert.DoesNotContain(test.Server.RequestLog.Snapshot().Skip(mark), r => r.Operation == UploadOperation);
        }

        [Fact]
        public async Task Should_Report_What_Was_Uploaded_And_Throw_CART0506_When_Cancelled_Part_Way()
        {
            // Given 30 files, uploads that take 100 ms, and two at a time
            using var test = new AliasTestContext(emulator.Server);
            var repository = NewRepository(test);
            var files = Enumerable.Range(0, 30).ToDictionary(i => new FilePath(test.WriteLocalFile($"c/{i:D2}.zip", Encoding.UTF8.GetBytes($"content {i}"))), i => $"/cancel/{i:D2}.zip");
            using var cancellation = new CancellationTokenSource();
            var settings = new CodeArtifactPublishSettings(test.Connection)
            {
                Repository = repository,
                MaxConcurrency = 2,
                ReportFile = "cancel/publish.json",
                Cancellation = cancellation.Token,
            };
            // The job's own line per uploaded file (not its progress lines, nor the emulator's count of
            // answers: an answer the emulator has sent may not have reached the job when the script cancels).
            int UploadsReported() => test.Log.Entries.Count(e => e.Level == LogLevel.Verbose && e.Message.StartsWith("Uploaded ", StringComparison.Ordinal));

            // When the script cancels once the job has reported five files uploaded
            Exception? exception;
            test.Server.Faults = new FaultOptions { LatencyMs = 100, PathPrefixes = ["/artgalaxy/"] };
            try
            {
                var publish = Task.Run(() => Record.Exception(() => test.Context.CodeArtifactPublishFiles(files, settings)));
                while (UploadsReported() < 5)
                {
                    Assert.False(publish.IsCompleted, "The publish ended before five uploads: " + test.Log.AllText);
                    await Task.Delay(10);
                }

                await cancellation.CancelAsync();
                exception = await publish.WaitAsync(TimeSpan.FromSeconds(60));
            }
            finally
            {
                test.Server.Faults = FaultOptions.None;
            }

            // Then it failed with the cancellation code, holding the partial outcome
            var failure = Assertions.IsCodedCakeException<CodeArtifactPublishException>(exception, ErrorCodes.Cancelled);
            var result = failure.Result!;
            Assert.True(result.Cancelled);
            var stored = files.Values.Where(p => test.Server.Seed.FindFile(repository, p) is not null).ToHashSet(StringComparer.Ordinal);
            var uploaded = result.Uploaded.Select(f => f.RemotePath).ToHashSet(StringComparer.Ordinal);
            Assert.InRange(uploaded.Count, 5, files.Count - 1);
            Assert.Subset(stored, uploaded);
            Assert.Subset(uploaded.Union(result.Interrupted.Select(f => f.RemotePath)).ToHashSet(StringComparer.Ordinal), stored);

            // And the report lists the same, and the message counts them and names the report
            var report = test.Context.PathOf("cancel/publish.json");
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            Assert.Equal("cancelled", json.RootElement.GetProperty("outcome").GetString());
            Assert.Equal(uploaded.Count, json.RootElement.GetProperty("results").GetProperty("uploadedCount").GetInt32());
            Assert.StartsWith("CART0506: The publish was cancelled part way. Publish cancelled part way: ", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"{uploaded.Count} uploaded (", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"The report {report} lists what was done.", failure.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("missing local file", "CART0602", "does not exist")]
        [InlineData("empty repository path", "CART0002", "files[0].RemotePath")]
        [InlineData(".. in a repository path", "CART0001", "files[0].RemotePath")]
        [InlineData("Maven repository", "CART0601", "Maven repository")]
        [InlineData("no credentials", "CART0004", "No credentials")]
        [InlineData("empty remote folder", "CART0002", "remoteFolder")]
        public void Should_Throw_A_Coded_CakeException_For_Bad_Input_Before_Any_Request(string input, string code, string says)
        {
            // Given one bad input
            using var test = new AliasTestContext(emulator.Server);
            test.WriteLocalFile("app.zip", "app"u8.ToArray());
            var settings = new CodeArtifactPublishSettings(test.Connection) { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1" };
            var files = new Dictionary<FilePath, string> { ["app.zip"] = "/app/1.0/app.zip" };
            switch (input)
            {
                case "missing local file":
                    files = new() { ["never-built.zip"] = "/app/1.0/app.zip" };
                    break;
                case "empty repository path":
                    files = new() { ["app.zip"] = " " };
                    break;
                case ".. in a repository path":
                    files = new() { ["app.zip"] = "/app/../../other/app.zip" };
                    break;
                case "Maven repository":
                    settings.Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_maven_1_201";
                    break;
                case "no credentials":
                    test.Context.Environment.Variables.Clear();
                    break;
            }

            // When
            var exception = input == "empty remote folder"
                ? Record.Exception(() => test.Context.CodeArtifactPublishFiles([new FilePath("app.zip")], " ", settings))
                : Record.Exception(() => test.Context.CodeArtifactPublishFiles(files, settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, code);
            Assert.Contains(says, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", failure.Message, StringComparison.Ordinal);
            Assert.Empty(test.Operations);
        }

        private static string NewRepository(AliasTestContext test)
        {
            // Maven info is where the account's repository user comes from.
            test.Server.Seed.CreateMavenRepository($"cpub{Guid.NewGuid():N}"[..14]);
            return test.Server.Seed.CreateRepository("generic").Id;
        }

        private static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
