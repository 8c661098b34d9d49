using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>Each bad input is refused with its own code, naming the parameter and echoing the value, before any request.</summary>
public sealed class PublishBadInputTests(PublishEmulatorFixture fixture) : IClassFixture<PublishEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-publish-bad-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("missing local file", ErrorCodes.PublishLocalFileMissing, "Files[1].LocalPath", "not-built.zip")]
    [InlineData("local folder", ErrorCodes.PublishLocalFileMissing, "Files[1].LocalPath", "is a folder")]
    [InlineData("empty RemotePath", ErrorCodes.MissingArgument, "Files[1].RemotePath", "RemotePath is required")]
    [InlineData("blank RemotePath", ErrorCodes.MissingArgument, "Files[1].RemotePath", "RemotePath is required")]
    [InlineData("'..' in RemotePath", ErrorCodes.InvalidArgument, "Files[1].RemotePath", "/app/../../etc/passwd")]
    [InlineData("folder as RemotePath", ErrorCodes.InvalidArgument, "Files[1].RemotePath", "/app/1.0/")]
    [InlineData("repository root as RemotePath", ErrorCodes.InvalidArgument, "Files[1].RemotePath", "no trailing '/'")]
    [InlineData("Maven repository", ErrorCodes.PublishMavenRepositoryRefused, "Repository", "_maven_")]
    [InlineData("Maven repository of one file", ErrorCodes.PublishMavenRepositoryRefused, "Files[1].Repository", "_maven_")]
    [InlineData("Maven format", ErrorCodes.PublishMavenRepositoryRefused, "Format", "mvn deploy")]
    [InlineData("unknown format", ErrorCodes.InvalidArgument, "Format", "zip-archive")]
    [InlineData("no repository", ErrorCodes.MissingArgument, "Repository", "Repository is required")]
    [InlineData("bad repository id", ErrorCodes.InvalidArgument, "Repository", "no/such repo")]
    [InlineData("same path twice", ErrorCodes.PublishDuplicateRemotePath, "Files[1].RemotePath", "/app/1.0/app.zip")]
    [InlineData("MaxConcurrency 0", ErrorCodes.InvalidArgument, "MaxConcurrency", "\"0\"")]
    [InlineData("no credentials", ErrorCodes.NoCredentials, null, "HUAWEICLOUD_SDK_AK")]
    [InlineData("no project", ErrorCodes.MissingArgument, "ProjectId", "ProjectId is required")]
    public async Task Bad_Input_Gets_Its_Coded_Error_And_No_Request_Is_Sent(string input, string code, string? parameter, string echoed)
    {
        // Given a valid first file and a second one made bad in one way
        var repository = Server.Seed.CreateRepository("generic").Id;
        var (mavenRelease, _) = Server.Seed.CreateMavenRepository("bad-input-" + Guid.NewGuid().ToString("N")[..8]);
        var good = PublishTestFiles.Write(_folder, "app.zip", "/app/1.0/app.zip", 10, seed: 1);
        var other = PublishTestFiles.Write(_folder, "lib.zip", "/app/1.0/lib.zip", 10, seed: 2);
        var second = new PublishFileRequest(other.LocalPath, other.RemotePath);
        var options = new PublishOptions { Repository = repository };
        var clientOptions = new CodeArtifactClientOptions
        {
            Endpoint = Server.Endpoint,
            TenantId = Server.Identity.TenantId,
            ProjectId = Server.Identity.ProjectId,
            Credentials = new AccessKeyCredentials(Server.Identity.AccessKey, new Secret(Server.Identity.SecretKey)),
        };
        switch (input)
        {
            case "missing local file": second = second with { LocalPath = Path.Combine(_folder, "not-built.zip") }; break;
            case "local folder": second = second with { LocalPath = _folder }; break;
            case "empty RemotePath": second = second with { RemotePath = string.Empty }; break;
            case "blank RemotePath": second = second with { RemotePath = "  " }; break;
            case "'..' in RemotePath": second = second with { RemotePath = "/app/../../etc/passwd" }; break;
            case "folder as RemotePath": second = second with { RemotePath = "/app/1.0/" }; break;
            case "repository root as RemotePath": second = second with { RemotePath = "/" }; break;
            case "Maven repository": options = options with { Repository = mavenRelease.Id }; break;
            case "Maven repository of one file": second = second with { Repository = mavenRelease.Id }; break;
            case "Maven format": options = options with { Format = "maven2" }; break;
            case "unknown format": options = options with { Format = "zip-archive" }; break;
            case "no repository": options = options with { Repository = null }; break;
            case "bad repository id": options = options with { Repository = "no/such repo" }; break;
            case "same path twice": second = second with { RemotePath = good.RemotePath }; break;
            case "MaxConcurrency 0": options = options with { MaxConcurrency = 0 }; break;
            case "no credentials": clientOptions.Credentials = null; break;
            case "no project": clientOptions.ProjectId = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input, null);
        }

        using var client = new CodeArtifactClient(clientOptions);
        var mark = Server.RequestLog.Count;

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() =>
            new PublishJob(client).RunAsync(options with { Files = [new PublishFileRequest(good.LocalPath, good.RemotePath), second] }));

        // Then
        Assert.Equal(code, error.Code);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains(echoed, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.HttpStatus);
        Assert.Equal(mark, Server.RequestLog.Count);
    }

    [Fact]
    public async Task No_Repository_User_Anywhere_Is_A_Coded_Error_Before_Any_Upload()
    {
        // Given a tenant with a generic repository but no Maven repository, so Maven info has no account to give
        var other = Server.OtherIdentity;
        var repository = Server.Seed.CreateRepository("generic", owner: other).Id;
        var file = PublishTestFiles.Write(_folder, "y.bin", "/y/y.bin", 10, seed: 4);
        using var client = new CodeArtifactClient(new CodeArtifactClientOptions
        {
            Endpoint = Server.Endpoint,
            TenantId = other.TenantId,
            ProjectId = other.ProjectId,
            Credentials = new AccessKeyCredentials(other.AccessKey, new Secret(other.SecretKey)),
        });
        var mark = Server.RequestLog.Count;

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client).RunAsync(new PublishOptions
        {
            Repository = repository,
            Files = PublishTestFiles.Requests([file]),
        }));

        Assert.Equal(ErrorCodes.NoRepositoryAccount, error.Code);
        Assert.Contains("CODEARTIFACT_REPOSITORY_USER", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Method == "PUT");
    }

    [Fact]
    public async Task A_Repository_That_Does_Not_Exist_Fails_Before_Any_Upload()
    {
        var file = PublishTestFiles.Write(_folder, "z.bin", "/z/z.bin", 10, seed: 5);
        using var client = fixture.CreateClient();
        var mark = Server.RequestLog.Count;

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client).RunAsync(new PublishOptions
        {
            Repository = $"{Server.Region}_{Server.Identity.TenantId}_generic_9999",
            Files = PublishTestFiles.Requests([file]),
        }));

        Assert.Equal("ShowRepositoryInfo", error.Operation);
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Method == "PUT");
    }
}
