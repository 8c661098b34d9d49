using System.Text;
using System.Text.Json;
using CodeArtifact.Core;
using CodeArtifact.Core.Runner;
using CodeArtifact.Emulator.Faults;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    /// <summary>Cancellation through <see cref="CodeArtifactSettings.Cancellation"/>, as a script's own time limit does it (Ctrl+C is tested on the real <c>dotnet cake</c>).</summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class TheCancellationSetting(EmulatorFixture emulator)
    {
        [Fact]
        public async Task Should_Report_What_Was_Deleted_And_Throw_CART0506_When_A_Cleanup_Is_Cancelled_Part_Way()
        {
            // Given 30 obsolete files, a service that takes 50 ms per request, and a cleanup two deletes at a time
            using var test = new AliasTestContext(emulator.Server);
            var server = test.Server;
            var repository = server.Seed.CreateRepository("generic").Id;
            var obsolete = Enumerable.Range(0, 30).Select(i => $"/ci/b{i:D2}.zip").ToArray();
            server.Seed.PutFiles(repository, obsolete.Select(p => (p, Encoding.UTF8.GetBytes(p), DateTimeOffset.UtcNow.AddDays(-60))));
            using var cancellation = new CancellationTokenSource();
            var settings = new CodeArtifactCleanupSettings(test.Connection)
            {
                Repository = repository,
                RootPath = "/ci",
                MaxConcurrency = 2,
                ReportFile = "cancel/cleanup.json",
                MarkdownSummaryFile = "cancel/cleanup.md",
                Cancellation = cancellation.Token,
            };
            var mark = server.RequestLog.Count;
            int DeletesAnswered() => server.RequestLog.Snapshot().Skip(mark).Count(r => r.Method == "DELETE" && r.Status == 200);

            // When the script cancels once five files are deleted
            Exception? exception;
            server.Faults = new FaultOptions { LatencyMs = 50 };
            try
            {
                var cleanup = Task.Run(() => Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings)));
                while (DeletesAnswered() < 5)
                {
                    Assert.False(cleanup.IsCompleted, "The cleanup ended before five files were deleted: " + test.Log.AllText);
                    await Task.Delay(10);
                }

                await cancellation.CancelAsync();
                exception = await cleanup.WaitAsync(TimeSpan.FromSeconds(60));
            }
            finally
            {
                server.Faults = FaultOptions.None;
            }

            // Then it failed with the cancellation code, after stopping part way
            var failure = Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.Cancelled);
            var result = failure.Cleanup!;
            Assert.True(result.Cancelled);
            var gone = obsolete.Where(p => server.Seed.FindFile(repository, p) is null).ToHashSet(StringComparer.Ordinal);
            Assert.InRange(gone.Count, 5, obsolete.Length - 1);
            Assert.Equal(gone.Count, DeletesAnswered());

            // And its report lists exactly the deletes the emulator counted: every confirmed one, the ones in flight as interrupted
            var report = test.Context.PathOf("cancel/cleanup.json");
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            Assert.Equal("cancelled", json.RootElement.GetProperty("outcome").GetString());
            var results = json.RootElement.GetProperty("results");
            var deleted = results.GetProperty("deleted").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToArray();
            var interrupted = results.GetProperty("interrupted").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToArray();
            Assert.Equal(result.Deleted.Select(f => f.Path), deleted);
            Assert.Equal(result.Interrupted.Select(f => f.Path), interrupted);
            Assert.Subset(gone, deleted.ToHashSet(StringComparer.Ordinal));
            Assert.Subset(deleted.Union(interrupted).ToHashSet(StringComparer.Ordinal), gone);
            Assert.True(File.Exists(test.Context.PathOf("cancel/cleanup.md")));

            // And the message says how many of each, where the report is, and what to do
            Assert.StartsWith("CART0506: The cleanup was cancelled part way. ", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"{deleted.Length} of 30 files deleted", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"{interrupted.Length} interrupted", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"The report {report} lists what was done.", failure.Message, StringComparison.Ordinal);
            Assert.Contains("restore the deleted and interrupted files", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Throw_CART0506_Without_Deleting_When_A_Cleanup_Is_Cancelled_Before_It_Starts()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic").Id;
            test.Server.Seed.PutFile(repository, "/ci/old.zip", "old"u8.ToArray(), DateTimeOffset.UtcNow.AddDays(-60));
            var settings = new CodeArtifactCleanupSettings(test.Connection)
            {
                Repository = repository,
                ReportFile = "cleanup.json",
                Cancellation = new CancellationToken(canceled: true),
            };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.Cancelled);
            Assert.Equal(CodedText.Format(Messages.Run_CancelledBeforeChanges, Messages.Job_Cleanup), failure.Message);
            Assert.IsAssignableFrom<OperationCanceledException>(failure.InnerException);
            Assert.DoesNotContain("DeleteArtifactFile", test.Operations);
            Assert.NotNull(test.Server.Seed.FindFile(repository, "/ci/old.zip"));
        }

        [Fact]
        public void Should_Throw_CART0506_When_Another_Alias_Is_Cancelled()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var release = $"ccancel{Guid.NewGuid():N}"[..14];
            test.Server.Seed.AddReleaseFile(release, "1.0.0");
            var settings = new CodeArtifactReleaseVersionsSettings(test.Connection) { Cancellation = new CancellationToken(canceled: true) };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactGetReleaseFileVersions(release, settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.Cancelled);
            Assert.Equal(CodedText.Format(Messages.Run_CancelledBeforeChanges, Messages.Job_ReleaseVersions), failure.Message);
            Assert.Empty(test.Operations);
        }
    }
}
