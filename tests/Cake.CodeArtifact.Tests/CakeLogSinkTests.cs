using Cake.CodeArtifact.Tests.Fakes;
using Cake.Core.Diagnostics;
using CodeArtifact.Core;

namespace Cake.CodeArtifact.Tests;

public static class CakeLogSinkTests
{
    public sealed class TheWriteMethod
    {
        [Fact]
        public void Should_Write_Progress_And_Summaries_At_Normal_Verbosity()
        {
            // Given
            var log = new FakeCakeLog();

            // When
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Info, "Verified 3 of 10 files."));

            // Then
            Assert.Equal(new FakeLogEntry(Verbosity.Normal, LogLevel.Information, "Verified 3 of 10 files."), Assert.Single(log.Entries));
        }

        [Fact]
        public void Should_Write_Detail_At_Verbose_Verbosity()
        {
            // Given
            var log = new FakeCakeLog();

            // When
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Detail, "Deleted /a.zip."));

            // Then
            Assert.Equal(new FakeLogEntry(Verbosity.Verbose, LogLevel.Verbose, "Deleted /a.zip."), Assert.Single(log.Entries));
        }

        [Fact]
        public void Should_Write_Warnings_With_Their_Code()
        {
            // Given
            var log = new FakeCakeLog();

            // When
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Warning, "No Maven repository matched.", ErrorCodes.NoMavenRepositories));

            // Then
            Assert.Equal(new FakeLogEntry(Verbosity.Minimal, LogLevel.Warning, "CART0202: No Maven repository matched."), Assert.Single(log.Entries));
        }

        [Fact]
        public void Should_Write_Retry_Notices_As_Information_Not_Warnings()
        {
            // Given
            var log = new FakeCakeLog();

            // When
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Info, "Retrying in 2 s.", ErrorCodes.Retrying));

            // Then
            Assert.Equal(new FakeLogEntry(Verbosity.Normal, LogLevel.Information, "CART0111: Retrying in 2 s."), Assert.Single(log.Entries));
        }

        [Fact]
        public void Should_Write_The_Summary_As_Information()
        {
            // Given
            var log = new FakeCakeLog();

            // When
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Summary, "Checksums: 3 verified."));

            // Then
            Assert.Equal(new FakeLogEntry(Verbosity.Normal, LogLevel.Information, "Checksums: 3 verified."), Assert.Single(log.Entries));
        }

        [Fact]
        public void Should_Write_Braces_As_Text()
        {
            // Given
            var log = new FakeCakeLog();

            // When
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Info, "Include glob {a,b}/*.zip {0}"));

            // Then
            Assert.Equal("Include glob {a,b}/*.zip {0}", Assert.Single(log.Entries).Message);
        }
    }
}
