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
            new CakeLogSink(log).Write(new CodeArtifactLogEvent(LogSeverity.Warning, "Retrying in 2 s.", ErrorCodes.Retrying));

            // Then
            Assert.Equal(new FakeLogEntry(Verbosity.Minimal, LogLevel.Warning, "CART0111: Retrying in 2 s."), Assert.Single(log.Entries));
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

        [Fact]
        public void Should_Leave_Out_Warnings_The_Alias_Raises_As_Errors()
        {
            // Given
            var log = new FakeCakeLog();
            var sink = new CakeLogSink(log, [ErrorCodes.DeletionsFailed]);

            // When
            sink.Write(new CodeArtifactLogEvent(LogSeverity.Warning, "1 of 2 files could not be deleted.", ErrorCodes.DeletionsFailed));
            sink.Write(new CodeArtifactLogEvent(LogSeverity.Warning, "Retrying.", ErrorCodes.Retrying));

            // Then
            Assert.Equal("CART0111: Retrying.", Assert.Single(log.Entries).Message);
        }
    }
}
