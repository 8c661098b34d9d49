using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class JobTasksTests
{
    public sealed class TheIsNotFoundMethod
    {
        private static CodeArtifactException Answer(int status, string? serviceCode, string? message) =>
            new(ErrorCodes.ServiceError, "failed") { HttpStatus = status, ServiceErrorCode = serviceCode, ServiceMessage = message };

        [Theory]
        [InlineData(404, "CR.4040", "file not found", true)]
        [InlineData(404, null, null, true)]
        [InlineData(404, "APIGW.0101", "The API does not exist", false)] // the gateway has no such API: not the file
        [InlineData(200, "CR.5000", "path does not exist", false)] // a message is not a status
        [InlineData(400, "CR.4000", "the path format is invalid: folder does not exist", false)]
        [InlineData(400, null, "not found", false)]
        [InlineData(500, null, "no such file", false)]
        public void Should_Accept_Only_A_Service_404(int status, string? serviceCode, string? message, bool expected)
        {
            Assert.Equal(expected, JobTasks.IsNotFound(Answer(status, serviceCode, message)));
        }

        [Fact]
        public void Should_Read_A_Not_Found_After_A_Lost_Answer_As_Done()
        {
            var first = Answer(404, "CR.4040", "file not found");
            var retried = new CodeArtifactException(ErrorCodes.NotFound, "failed") { HttpStatus = 404, Attempts = 2, UnansweredAttempts = 1 };

            Assert.False(JobTasks.IsNotFoundAfterLostAnswer(first));
            Assert.True(JobTasks.IsNotFoundAfterLostAnswer(retried));
        }
    }

    public sealed class TheIsAccessRefusedMethod
    {
        [Theory]
        [InlineData(401, null, true)]
        [InlineData(403, "CR.4102", true)]
        [InlineData(200, "CR.4102", true)]
        [InlineData(404, null, false)]
        [InlineData(500, "CR.5000", false)]
        public void Should_Stop_On_401_And_403(int status, string? serviceCode, bool expected)
        {
            var error = new CodeArtifactException(ErrorCodes.ErrorStatus, "failed") { HttpStatus = status, ServiceErrorCode = serviceCode };

            Assert.Equal(expected, JobTasks.IsAccessRefused(error));
        }
    }
}
