using Cake.Core;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact.Tests;

public static class CakeFailuresTests
{
    public sealed class TheFromMethod
    {
        [Theory]
        [InlineData(ErrorCodes.InvalidArgument, typeof(CodeArtifactConfigurationException))]
        [InlineData(ErrorCodes.NoCredentials, typeof(CodeArtifactConfigurationException))]
        [InlineData(ErrorCodes.PermissionDenied, typeof(CodeArtifactServiceException))]
        [InlineData(ErrorCodes.NetworkError, typeof(CodeArtifactServiceException))]
        [InlineData(ErrorCodes.SettingsFileNotOurs, typeof(CodeArtifactAliasException))]
        [InlineData(ErrorCodes.NoCommonAlgorithm, typeof(CodeArtifactVerificationException))]
        [InlineData(ErrorCodes.TooManyDeletions, typeof(CodeArtifactCleanupException))]
        [InlineData(ErrorCodes.ReportWriteFailed, typeof(CodeArtifactAliasException))]
        public void Should_Keep_The_Code_And_Text_In_The_Type_Of_Its_Block(string code, Type expected)
        {
            // Given a run stopped by a failure with that code
            var original = new CodeArtifactException(code, "What went wrong, and what to do.");

            // When
            var failure = CakeFailures.From(Stopped(original));

            // Then
            Assert.IsType(expected, failure);
            Assert.Equal(code, failure.Code);
            Assert.Equal($"{code}: What went wrong, and what to do.", failure.Message);
            Assert.Same(original, failure.InnerException);
        }

        [Fact]
        public void Should_Carry_What_The_Service_Said()
        {
            // Given
            var original = new CodeArtifactException(ErrorCodes.PermissionDenied, "No permission on the project.")
            {
                HttpStatus = 403,
                ServiceErrorCode = "CR.4102",
                TraceId = "trace-42",
                Operation = "ShowFileTree",
            };

            // When
            var failure = Assert.IsType<CodeArtifactServiceException>(CakeFailures.From(Stopped(original)));

            // Then
            Assert.Equal((403, "CR.4102", "trace-42", "ShowFileTree"), (failure.HttpStatus, failure.ServiceErrorCode, failure.TraceId, failure.Operation));
        }

        [Fact]
        public void Should_Name_The_Setting_Of_A_Validation_Failure()
        {
            // Given a refusal whose subject is the setting, as the runner names it
            var original = CodeArtifactException.Invalid("RootPath", "Invalid RootPath \"..\": no .. segments.");
            var run = Stopped(original) is var stopped ? new JobRun
            {
                JobName = stopped.JobName,
                Title = stopped.Title,
                Outcome = JobOutcome.Refused,
                Failure = stopped.Failure! with { Subject = "RootPath" },
                Exception = original,
                Problems = [stopped.Failure! with { Subject = "RootPath" }],
            } : null!;

            // When
            var failure = Assert.IsType<CodeArtifactConfigurationException>(CakeFailures.From(run));

            // Then
            Assert.Equal("RootPath", failure.ParameterName);
        }

        [Fact]
        public void Should_Raise_The_Stop_First_And_Every_File_After_It()
        {
            // Given a cleanup cancelled part way, one of whose deletes failed
            var cleanup = new CleanupResult
            {
                Options = new CleanupOptions { Repository = "repo_1" },
                Candidates = [],
                Deleted = [],
                Kept = [],
                Failed = [new CleanupFailure("/a.zip", "HTTP 500")],
                Cancelled = true,
            };
            var stop = new JobProblem(ProblemSeverity.Error, ErrorCodes.Cancelled, "The cleanup was cancelled part way.");
            var run = new JobRun
            {
                JobName = "cleanup",
                Title = "The cleanup",
                Outcome = JobOutcome.Cancelled,
                Result = cleanup,
                Failure = stop,
                Problems = [.. cleanup.Problems, stop],
            };

            // When
            var failure = Assert.IsType<CodeArtifactCleanupException>(CakeFailures.From(run));

            // Then the code is the stop's, and the message has both lines, the stop first
            Assert.Equal(ErrorCodes.Cancelled, failure.Code);
            Assert.Same(cleanup, failure.Cleanup);
            Assert.Equal(["CART0506: The cleanup was cancelled part way.", "CART0504: /a.zip could not be deleted: HTTP 500"], failure.Message.Split(Environment.NewLine));
        }

        [Fact]
        public void Should_Give_The_Verification_Result_With_Its_Failed_Files()
        {
            // Given a verification whose one file is not in the repository
            var result = new ChecksumVerificationResult
            {
                Options = new ChecksumVerificationOptions(),
                Files = [new FileVerification { LocalPath = "app.zip", RemotePath = "/app.zip", Repository = "repo_1", Status = VerificationStatus.MissingRemotely }],
            };
            var run = new JobRun { JobName = "checksums", Title = "The checksum verification", Outcome = JobOutcome.Failed, Result = result, Problems = result.Problems };

            // When
            var failure = Assert.IsType<CodeArtifactVerificationException>(CakeFailures.From(run));

            // Then
            Assert.Equal(ErrorCodes.MissingRemotely, failure.Code);
            Assert.Same(result, failure.Result);
        }

        private static JobRun Stopped(CodeArtifactException exception)
        {
            var stop = new JobProblem(ProblemSeverity.Error, exception.Code, exception.Message);
            return new JobRun
            {
                JobName = "release-versions",
                Title = "The release versions look-up",
                Outcome = JobOutcome.Failed,
                Failure = stop,
                Exception = exception,
                Problems = [stop],
            };
        }
    }

    public sealed class TheToCakeMethod
    {
        [Fact]
        public void Should_Keep_The_Message_And_The_Typed_Exception()
        {
            // Given
            var failure = new CodeArtifactConfigurationException(ErrorCodes.MissingArgument, "Repository is required: the repository id.");

            // When
            var exception = CakeFailures.ToCake(failure);

            // Then
            Assert.IsType<CakeException>(exception);
            Assert.Equal("CART0002: Repository is required: the repository id.", exception.Message);
            Assert.Same(failure, exception.InnerException);
        }
    }
}

public static class CodeArtifactAliasExceptionTests
{
    public sealed class TheConstructors
    {
        [Fact]
        public void Should_Read_The_Code_From_A_Coded_Message()
        {
            // Given / When
            var exception = new CodeArtifactCleanupException("CART0504: /a.zip could not be deleted: gone", new IOException());

            // Then
            Assert.Equal(ErrorCodes.DeletionsFailed, exception.Code);
            Assert.IsType<IOException>(exception.InnerException);
        }

        [Fact]
        public void Should_Prefix_The_Text_With_The_Code()
        {
            // Given / When
            var exception = new CodeArtifactVerificationException(ErrorCodes.UnreadableLocally, "app.zip could not be read: gone");

            // Then
            Assert.Equal("CART0303: app.zip could not be read: gone", exception.Message);
        }

        [Fact]
        public void Should_Give_A_Message_Without_A_Code_The_Generic_Code()
        {
            // Given / When
            var exception = new CodeArtifactAliasException("Something failed.");

            // Then
            Assert.Equal(ErrorCodes.ServiceError, exception.Code);
            Assert.IsNotType<CakeException>(exception.InnerException);
        }
    }
}
