using Cake.CodeArtifact.Resources;
using Cake.Core;
using CodeArtifact.Core;

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
            // Given
            var original = new CodeArtifactException(code, "What went wrong, and what to do.");

            // When
            var failure = CakeFailures.From(original);

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
            var failure = Assert.IsType<CodeArtifactServiceException>(CakeFailures.From(original));

            // Then
            Assert.Equal((403, "CR.4102", "trace-42", "ShowFileTree"), (failure.HttpStatus, failure.ServiceErrorCode, failure.TraceId, failure.Operation));
            Assert.Equal("CART0101: No permission on the project. " + string.Format(Strings.CodeArtifactTask_TraceId, "trace-42"), failure.Message);
        }

        [Fact]
        public void Should_Name_The_Parameter_Of_A_Validation_Failure()
        {
            // Given
            var original = CodeArtifactException.Invalid("RootPath", "Invalid RootPath \"..\": no .. segments.");

            // When
            var failure = Assert.IsType<CodeArtifactConfigurationException>(CakeFailures.From(original));

            // Then
            Assert.Equal("RootPath", failure.ParameterName);
        }
    }

    public sealed class TheBoundaryMethod
    {
        [Fact]
        public void Should_Return_What_The_Body_Returns()
        {
            // Given / When
            var value = CakeFailures.Boundary("Alias", () => 42);

            // Then
            Assert.Equal(42, value);
        }

        [Fact]
        public void Should_Turn_A_Core_Failure_Into_A_CakeException_With_The_Same_Message()
        {
            // Given
            var original = CodeArtifactException.Missing("Repository", "Repository is required: the repository id.");

            // When
            var exception = Record.Exception(() => CakeFailures.Boundary<int>("Alias", () => throw original));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.MissingArgument);
            Assert.Equal("CART0002: Repository is required: the repository id.", failure.Message);
            Assert.Same(original, failure.InnerException);
        }

        [Fact]
        public void Should_Turn_A_Refused_Path_Into_A_Coded_CakeException_Naming_The_Alias()
        {
            // Given
            var original = new UnauthorizedAccessException("Access to the path '/root/x' is denied.");

            // When
            var exception = Record.Exception(() => CakeFailures.Boundary<int>("CodeArtifactWriteMavenSettings", () => throw original));

            // Then
            var failure = Assertions.IsCodedCakeException<CodeArtifactConfigurationException>(exception, ErrorCodes.InvalidArgument);
            Assert.Equal(string.Format(Strings.CodeArtifactTask_FileError, "CodeArtifactWriteMavenSettings", original.Message), failure.Message);
            Assert.Contains("CodeArtifactWriteMavenSettings", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Let_Programming_Errors_Through()
        {
            // Given / When
            var exception = Record.Exception(() => CakeFailures.Boundary<int>("Alias", () => throw new InvalidOperationException("bug")));

            // Then
            Assert.IsType<InvalidOperationException>(exception);
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
