using CodeArtifact.Core.Runner;
using Cake.Core.Diagnostics;
using CodeArtifact.Core;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Seeding;

namespace Cake.CodeArtifact.Tests;

public static partial class CodeArtifactAliasesTests
{
    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactDeleteObsoleteFilesMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactDeleteObsoleteFiles(null!, new CodeArtifactCleanupSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_List_Without_Deleting_In_A_Dry_Run()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, RootPath = "/nightly", KeepLatest = 1, DryRun = true };

            // When
            var result = test.Context.CodeArtifactDeleteObsoleteFiles(settings);

            // Then
            Assert.True(result.DryRun);
            Assert.Equal(["/nightly/app-1.zip", "/nightly/app-2.zip"], result.Candidates.Select(f => f.Path).ToArray());
            Assert.Empty(result.Deleted);
            Assert.Equal(["/nightly/app-3.zip"], result.Kept.Select(f => f.Path).ToArray());
            Assert.Equal(6, result.BytesFreed);
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-1.zip"));
            Assert.DoesNotContain("DeleteArtifactFile", test.Operations);
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line.StartsWith("Cleanup (dry run) of ", StringComparison.Ordinal) && line.Contains(": 2 files would be deleted", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Delete_The_Files_The_Policy_Selects_And_Nothing_Else()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            test.Server.Seed.PutFile(repository.Id, "/releases/app-1.zip", "keep"u8.ToArray(), DateTimeOffset.UtcNow.AddDays(-100));
            var settings = new CodeArtifactCleanupSettings(test.Connection)
            {
                Repository = repository.Id,
                RootPath = "/nightly",
                Include = ["*.zip"],
                Protect = ["app-2.zip"],
                OlderThanDays = 15,
                ReportFile = "cleanup.json",
            };

            // When
            var result = test.Context.CodeArtifactDeleteObsoleteFiles(settings);

            // Then
            Assert.Equal(["/nightly/app-1.zip"], result.Deleted.Select(f => f.Path).ToArray());
            Assert.Null(test.Server.Seed.FindFile(repository.Id, "/nightly/app-1.zip"));
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-2.zip"));
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/releases/app-1.zip"));
            Assert.Contains("DeleteArtifactFile", test.Operations);
            Assert.Contains("/nightly/app-1.zip", File.ReadAllText(test.Context.PathOf("cleanup.json")), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Apply_Exactly_The_Plan_Of_A_Dry_Run_And_Tell_Each_Outcome_Apart()
        {
            // Given a dry run that plans to delete the two older nightlies (a plan path relative to the working directory)
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            var preview = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection)
            {
                Repository = repository.Id,
                RootPath = "/nightly",
                KeepLatest = 1,
                DryRun = true,
                PlanFile = "review/cleanup-plan.json",
            });
            Assert.True(File.Exists(test.Context.PathOf("review/cleanup-plan.json")));
            Assert.NotNull(preview.Plan);
            Assert.Equal(["/nightly/app-1.zip", "/nightly/app-2.zip"], preview.Candidates.Select(f => f.Path).ToArray());

            // And, before it is applied, app-2.zip is uploaded again and an older file appears that the plan does not list
            test.Server.Seed.PutFile(repository.Id, "/nightly/app-2.zip", "new"u8.ToArray(), DateTimeOffset.UtcNow);
            test.Server.Seed.PutFile(repository.Id, "/nightly/app-0.zip", "zero"u8.ToArray(), DateTimeOffset.UtcNow.AddDays(-90));
            var warningsBefore = test.Log.Entries.Count(e => e.Level == LogLevel.Warning);

            // When the plan is applied
            var result = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection)
            {
                Repository = repository.Id,
                RootPath = "/nightly",
                FromPlan = "review/cleanup-plan.json",
            });

            // Then only the unchanged file of the plan is deleted, and the changed one is kept and said once
            Assert.Equal(["/nightly/app-1.zip"], result.Deleted.Select(f => f.Path).ToArray());
            Assert.Equal(3, result.BytesFreed);
            var skipped = Assert.Single(result.SkippedAsChanged);
            Assert.Equal("/nightly/app-2.zip", skipped.Path);
            Assert.Equal("changed-since-plan", skipped.Reason);
            Assert.Empty(result.AlreadyGone);
            Assert.Empty(result.Failed);
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-0.zip"));
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-2.zip"));
            var warnings = test.Log.Entries.Where(e => e.Level == LogLevel.Warning).Skip(warningsBefore).Select(e => e.Message).ToList();
            Assert.StartsWith(ErrorCodes.ChangedSinceChecked + ": /nightly/app-2.zip", Assert.Single(warnings), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Report_A_File_Someone_Else_Deleted_As_Already_Gone_Freeing_Nothing()
        {
            // Given a plan of two files, one of which another client deletes before it is applied
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, RootPath = "/nightly", KeepLatest = 1, DryRun = true, PlanFile = "plan.json" });
            Assert.True(test.Server.Seed.DeleteFile(repository.Id, "/nightly/app-1.zip"));

            // When
            var result = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, RootPath = "/nightly", FromPlan = "plan.json" });

            // Then
            Assert.Equal(["/nightly/app-2.zip"], result.Deleted.Select(f => f.Path).ToArray());
            Assert.Equal("/nightly/app-1.zip", Assert.Single(result.AlreadyGone).Path);
            Assert.Equal(3, result.BytesFreed);
            Assert.Single(test.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith(ErrorCodes.AlreadyGone + ": /nightly/app-1.zip", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Plan_Is_For_Another_Repository()
        {
            // Given a plan made for another repository
            using var test = new AliasTestContext(emulator.Server);
            var planned = SeedNightlies(test);
            var other = SeedNightlies(test);
            test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = planned.Id, RootPath = "/nightly", DryRun = true, PlanFile = "plan.json" });
            var requestsBefore = test.Operations.Count;

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = other.Id, RootPath = "/nightly", FromPlan = "plan.json" }));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.PlanMismatch);
            Assert.Contains(planned.Id, failure.Message, StringComparison.Ordinal);
            Assert.Equal(requestsBefore, test.Operations.Count);
            Assert.NotNull(test.Server.Seed.FindFile(other.Id, "/nightly/app-1.zip"));
        }

        [Fact]
        public void Should_Keep_The_Newest_Versions_Of_Each_Package()
        {
            // Given two packages with three versions each
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");
            var old = DateTimeOffset.UtcNow.AddDays(-100);
            test.Server.Seed.PutFiles(repository.Id, from package in new[] { "app", "libs/core" }
                                                     from version in new[] { "1.2.0", "1.10.0", "1.9.0" }
                                                     select ($"/{package}/{version}/{package.Replace('/', '-')}.zip", "zip"u8.ToArray(), old));

            // When
            var result = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, KeepLatestVersions = 2 });

            // Then the lowest version of each package goes (1.2.0 < 1.9.0 < 1.10.0)
            Assert.Equal(["/app/1.2.0/app.zip", "/libs/core/1.2.0/libs-core.zip"], result.Deleted.Select(f => f.Path).ToArray());
            Assert.All(result.Kept, k => Assert.Equal("keep-latest-versions", k.Reason));
            Assert.Equal(4, result.Kept.Count);
        }

        [Fact]
        public void Should_Keep_Files_Downloaded_Recently()
        {
            // Given old nightlies, never downloaded
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);

            // When
            var result = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, RootPath = "/nightly", NotDownloadedForDays = 15, DryRun = true });

            // Then a file never downloaded counts from its upload: the 10-day-old one is recently uploaded
            Assert.Equal(["/nightly/app-1.zip", "/nightly/app-2.zip"], result.Candidates.Select(f => f.Path).ToArray());
            Assert.Equal("recently-uploaded", Assert.Single(result.Kept).Reason);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Naming_Each_File_That_Could_Not_Be_Deleted()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, RootPath = "/nightly", KeepLatest = 1 };
            test.Server.Faults = new FaultOptions { Rate5xx = 1, PathPrefixes = ["/cloudartifact/v5/file"], RandomSeed = 1 };

            // When
            Exception? exception;
            try
            {
                exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));
            }
            finally
            {
                test.Server.Faults = FaultOptions.None;
            }

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.DeletionsFailed);
            Assert.Equal(["/nightly/app-1.zip", "/nightly/app-2.zip"], failure.Cleanup!.Failed.Select(f => f.Path).ToArray());
            var expected = failure.Cleanup.Failed.Select(f => string.Format(Messages.Cleanup_Failed, f.Path, f.Message));
            Assert.Equal(expected, failure.Message.Split(Environment.NewLine));
            Assert.DoesNotContain(test.Log.Entries, e => e.Message.StartsWith(ErrorCodes.DeletionsFailed, StringComparison.Ordinal));
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-1.zip"));
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_If_The_Report_Cannot_Be_Written()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            test.WriteLocalFile("taken", [1]);
            var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, DryRun = true, ReportFile = "taken/report.json" };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, ErrorCodes.ReportWriteFailed);
            Assert.Contains("report.json", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_If_More_Files_Match_Than_MaxDeletions()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, MaxDeletions = 2 };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.TooManyDeletions);
            Assert.Contains("MaxDeletions", failure.Message, StringComparison.Ordinal);
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-1.zip"));
            Assert.DoesNotContain("DeleteArtifactFile", test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Deleting_If_The_Repository_Is_A_Maven_One()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var (release, _) = test.Server.Seed.CreateMavenRepository("maven-" + Guid.NewGuid().ToString("N")[..8]);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = release.Id, Format = "maven2" }));

            // Then
            Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.MavenRepositoryRefused);
            Assert.DoesNotContain("DeleteArtifactFile", test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Repository_Is_Missing()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection)));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.MissingArgument);
            Assert.Equal("Repository", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_Root_Climbs_Out()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3", RootPath = "/nightly/../.." }));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("RootPath", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_A_Plan_Is_Both_Written_And_Applied()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3", PlanFile = "plan.json" };

            // When a real run is given a plan to write
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("PlanFile", failure.ParameterName);
            Assert.Empty(test.Operations);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_The_TimeoutSeconds_Is_Out_Of_Range()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3", TimeoutSeconds = 0 };

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactDeleteObsoleteFiles(settings));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal("TimeoutSeconds", failure.ParameterName);
            Assert.Empty(test.Operations);
        }
    }

    [Collection(EmulatorCollection.Name)]
    public sealed class TheCodeArtifactRestoreFilesMethod(EmulatorFixture emulator)
    {
        [Fact]
        public void Should_Throw_If_Context_Is_Null()
        {
            // Given / When
            var exception = Record.Exception(() => CodeArtifactAliases.CodeArtifactRestoreFiles(null!, ["/a.zip"], new CodeArtifactRestoreSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "context");
        }

        [Fact]
        public void Should_Throw_If_Settings_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactRestoreFiles(["/a.zip"], null!));

            // Then
            Assertions.IsArgumentNullException(exception, "settings");
        }

        [Fact]
        public void Should_Throw_If_Paths_Is_Null()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactRestoreFiles(null!, new CodeArtifactRestoreSettings()));

            // Then
            Assertions.IsArgumentNullException(exception, "paths");
        }

        [Fact]
        public void Should_Bring_Back_The_Files_A_Cleanup_Deleted()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = SeedNightlies(test);
            var cleanup = test.Context.CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings(test.Connection) { Repository = repository.Id, RootPath = "/nightly", KeepLatest = 1 });
            Assert.Null(test.Server.Seed.FindFile(repository.Id, "/nightly/app-1.zip"));

            // When
            var result = test.Context.CodeArtifactRestoreFiles(cleanup.Deleted.Select(f => f.Path), new CodeArtifactRestoreSettings(test.Connection) { Repository = repository.Id });

            // Then
            Assert.Equal(["/nightly/app-1.zip", "/nightly/app-2.zip"], result.Restored.Order(StringComparer.Ordinal).ToArray());
            Assert.Empty(result.Failed);
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-1.zip"));
            Assert.NotNull(test.Server.Seed.FindFile(repository.Id, "/nightly/app-2.zip"));
            Assert.Contains("BatchRestoreRepo", test.Operations);
            Assert.Contains(test.Log.At(Verbosity.Normal), line => line == $"Restore to {repository.Id}: 2 of 2 files restored.");
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_With_The_Result_If_A_File_Is_Not_In_The_Recycle_Bin()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);
            var repository = test.Server.Seed.CreateRepository("generic");

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactRestoreFiles(["/never/deleted.zip"], new CodeArtifactRestoreSettings(test.Connection) { Repository = repository.Id }));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactCleanupException>(exception, ErrorCodes.RestoreFailed);
            var failed = Assert.Single(failure.Restore!.Failed);
            Assert.Equal("/never/deleted.zip", failed.Path);
            Assert.Equal(string.Format(Messages.Restore_Failed, failed.Path, failed.Message), failure.Message);
            Assert.DoesNotContain(test.Log.Entries, e => e.Level == LogLevel.Warning);
        }

        [Fact]
        public void Should_Throw_A_Coded_CakeException_Before_Any_Request_If_There_Are_No_Paths()
        {
            // Given
            using var test = new AliasTestContext(emulator.Server);

            // When
            var exception = Record.Exception(() => test.Context.CodeArtifactRestoreFiles([" "], new CodeArtifactRestoreSettings(test.Connection) { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3" }));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.MissingArgument);
            Assert.Equal("paths", failure.ParameterName);
            Assert.Empty(test.Operations);
        }
    }

    /// <summary>A generic repository with three nightly builds of 3 bytes each, 30, 20 and 10 days old.</summary>
    private static SeededRepository SeedNightlies(AliasTestContext test)
    {
        var repository = test.Server.Seed.CreateRepository("generic");
        var now = DateTimeOffset.UtcNow;
        test.Server.Seed.PutFiles(repository.Id, [
            ("/nightly/app-1.zip", "one"u8.ToArray(), now.AddDays(-30)),
            ("/nightly/app-2.zip", "two"u8.ToArray(), now.AddDays(-20)),
            ("/nightly/app-3.zip", "thr"u8.ToArray(), now.AddDays(-10)),
        ]);
        return repository;
    }
}
