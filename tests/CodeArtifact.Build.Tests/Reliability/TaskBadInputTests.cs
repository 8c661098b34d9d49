using System.Net;
using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Build.Tests.Reliability;

/// <summary>
/// The tasks fed wrong parameters, and answers no pipeline should have to read: each ends in one
/// coded, actionable error (the parameter or operation named), never MSB4018 or a stack trace; and
/// when the input itself is wrong, nothing at all is sent.
/// </summary>
public sealed class TaskBadInputTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _temp = new("cab-bad-input");

    public static TheoryData<string> InvalidInputNames => [.. TaskBadInputCases.InvalidInputs.Select(c => c.Name)];

    public static TheoryData<string> FailedAnswerNames => [.. TaskBadInputCases.FailedAnswers.Select(c => c.Name)];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(InvalidInputNames))]
    public void Invalid_Input_Is_Refused_With_A_Coded_Error_Before_Any_Request(string name)
    {
        // Given
        var input = TaskBadInputCases.InvalidInputs.Single(c => c.Name == name);
        var engine = new MockEngine();
        var task = input.Create(emulator, engine, _temp);
        var mark = emulator.Server.RequestLog.Count;

        // When
        var succeeded = task.Execute();

        // Then: a coded error that names what to fix, no crash, and not one request
        Assert.False(succeeded, engine.Log);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(input.Code, error.Code);
        Assert.Contains(input.Names, error.Message, StringComparison.Ordinal);
        Expected.NoCrash(engine.Log);
        Assert.Empty(emulator.RequestsSince(mark));
    }

    [Theory]
    [MemberData(nameof(FailedAnswerNames))]
    public void A_Failed_Answer_Gives_A_Coded_Error_That_Says_What_Happened(string name)
    {
        // Given a service (or something in its place) that answers so
        var answer = TaskBadInputCases.FailedAnswers.Single(c => c.Name == name);
        var engine = new MockEngine();
        var task = TaskBadInputCases.Maven(emulator, _ => { });
        task.BuildEngine = engine;
        task.Transport = new ScriptedHandler(answer.Status, answer.ContentType, answer.Body);

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded, engine.Log);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(answer.Code, error.Code);
        Assert.Contains("ShowMavenInfo", error.Message, StringComparison.Ordinal);
        Assert.Contains(answer.Says, error.Message, StringComparison.Ordinal);
        Expected.NoCrash(engine.Log);
    }

    [Fact]
    public void An_Unreachable_Endpoint_Gives_CART0106_Naming_The_Host()
    {
        // Given a loopback port nobody listens on
        var engine = new MockEngine();
        var task = TaskBadInputCases.Releases(emulator, t => t.Endpoint = "http://127.0.0.1:1");
        task.BuildEngine = engine;

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0106", error.Code);
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ShowProjectReleaseFiles", error.Message, StringComparison.Ordinal);
        Expected.NoCrash(engine.Log);
    }
}

/// <summary>
/// The rows of <see cref="TaskBadInputTests"/>. Kept off the public test class: xunit loads every
/// public type's members to discover tests, and MSBuild's assemblies are not loadable until
/// MSBuildLocator has run.
/// </summary>
internal static class TaskBadInputCases
{
    public static readonly IReadOnlyList<InvalidInput> InvalidInputs =
    [
        new("cleanup: malformed repository id", "CART0001", "Repository", (e, _) => Cleanup(e, t => t.Repository = "repo id; rm -rf")),
        new("cleanup: missing repository id", "CART0002", "Repository", (e, _) => Cleanup(e, t => t.Repository = " ")),
        new("cleanup: .. traversal in RootPath", "CART0001", "RootPath", (e, _) => Cleanup(e, t => t.RootPath = "/builds/../../other-team")),
        new("cleanup: over-long RootPath", "CART0001", "RootPath", (e, _) => Cleanup(e, t => t.RootPath = "/" + new string('d', 1300))),
        new("cleanup: glob with a control character", "CART0001", "Include", (e, _) => Cleanup(e, t => t.Include = ["**/*.zip\u0007"])),
        new("cleanup: glob that climbs out of RootPath", "CART0001", "Include", (e, _) => Cleanup(e, t => t.Include = ["../other-team/**"])),
        new("cleanup: negative KeepLatest", "CART0001", "KeepLatest", (e, _) => Cleanup(e, t => t.KeepLatest = "-1")),
        new("cleanup: negative MaxDeletions", "CART0001", "MaxDeletions", (e, _) => Cleanup(e, t => t.MaxDeletions = "-5")),
        new("cleanup: negative OlderThanDays", "CART0001", "OlderThanDays", (e, _) => Cleanup(e, t => t.OlderThanDays = "-30")),
        new("releases: file name with a path", "CART0001", "FileName", (e, _) => Releases(e, t => t.FileName = "../../etc/passwd")),
        new("releases: over-long file name", "CART0001", "FileName", (e, _) => Releases(e, t => t.FileName = new string('f', 201))),
        new("releases: zero MaxResults", "CART0001", "MaxResults", (e, _) => Releases(e, t => t.MaxResults = "0")),
        new("releases: negative MaxResults", "CART0001", "MaxResults", (e, _) => Releases(e, t => t.MaxResults = "-10")),
        new("releases: malformed project id", "CART0001", "ProjectId", (e, _) => Releases(e, t => t.ProjectId = "project-1")),
        new("maven: unknown policy", "CART0001", "Policy", (e, _) => Maven(e, t => t.Policy = "nightly")),
        new("maven: unknown access", "CART0001", "Access", (e, _) => Maven(e, t => t.Access = "admin")),
        new("maven: malformed repository id", "CART0001", "RepositoryIds", (e, _) => Maven(e, t => t.RepositoryIds = ["cn-north-4_x_maven_1", "../evil"])),
        new("verify: unknown algorithm", "CART0001", "Algorithm", (e, d) => Verify(e, d, "/app/app.zip", t => t.Algorithm = "CRC32")),
        new("verify: item without RemotePath", "CART0002", "RemotePath", (e, d) => Verify(e, d, string.Empty, _ => { })),
        new("verify: .. traversal in RemotePath", "CART0001", "RemotePath", (e, d) => Verify(e, d, "/app/../../other/app.zip", _ => { })),
        new("restore: .. traversal in a path", "CART0001", "Paths", (e, _) => Restore(e, t => t.Paths = ["/ok.zip", "/a/../../b.zip"])),
        new("restore: over-long path", "CART0001", "Paths", (e, _) => Restore(e, t => t.Paths = ["/" + new string('p', 1300)])),
        new("connection: http:// to a host that is not this machine", "CART0003", "Endpoint", (e, _) => Releases(e, t => t.Endpoint = "http://artifact.example.com")),
        new("connection: endpoint that is not an address", "CART0001", "Endpoint", (e, _) => Releases(e, t => t.Endpoint = "artifact example com")),
        new("connection: unknown region", "CART0001", "Region", (e, _) => Releases(e, t => (t.Endpoint, t.Region) = (null, "Mars-1"))),
        new("connection: malformed tenant id", "CART0001", "TenantId", (e, _) => Releases(e, t => t.TenantId = "t!")),
        new("connection: zero TimeoutSeconds", "CART0001", "TimeoutSeconds", (e, _) => Releases(e, t => t.TimeoutSeconds = "0")),
        new("connection: too many MaxRetries", "CART0001", "MaxRetries", (e, _) => Releases(e, t => t.MaxRetries = "11")),
        new("connection: zero MaxConcurrency", "CART0001", "MaxConcurrency", (e, _) => Releases(e, t => t.MaxConcurrency = "0")),
        new("credentials: none at all", "CART0004", "HUAWEICLOUD_SDK_AK", (e, _) => Releases(e, t => t.EnvironmentOverride = Env())),
        new("credentials: AK without its SK", "CART0005", "HUAWEICLOUD_SDK_SK", (e, _) => Releases(e, t => t.EnvironmentOverride = Env(("HUAWEICLOUD_SDK_AK", "CAEMUDEVACCESSKEY001")))),
        new("credentials: SK without its AK", "CART0005", "HUAWEICLOUD_SDK_AK", (e, _) => Releases(e, t => t.EnvironmentOverride = Env(("HUAWEICLOUD_SDK_SK", "half-given-secret")))),
        new("credentials: security token without keys", "CART0005", "HUAWEICLOUD_SDK_SECURITY_TOKEN", (e, _) => Releases(e, t => t.EnvironmentOverride = Env(("HUAWEICLOUD_SDK_SECURITY_TOKEN", "half-given-token")))),
        new("credentials: user name without domain name", "CART0005", "DomainName", (e, _) => Releases(e, t => (t.UserName, t.EnvironmentOverride) = ("ci-bot", Env(("CODEARTIFACT_PASSWORD", "half-given-password"))))),
        new("credentials: user without password", "CART0005", "CODEARTIFACT_PASSWORD", (e, _) => Releases(e, t => (t.UserName, t.DomainName, t.EnvironmentOverride) = ("ci-bot", "acme", Env()))),
        new("credentials: AccessKey and UserName both", "CART0001", "AccessKey", (e, _) => Releases(e, t => (t.AccessKey, t.UserName) = ("CAEMUDEVACCESSKEY001", "ci-bot"))),
    ];

    public static readonly IReadOnlyList<FailedAnswer> FailedAnswers =
    [
        new("a proxy's HTML error page", "CART0105", "HTML page", HttpStatusCode.BadGateway, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>upstream timed out</p></body></html>"),
        new("an HTML page answered 200", "CART0108", "HTML page", HttpStatusCode.OK, "text/html", "<!DOCTYPE html><html><body>Sign in to continue</body></html>"),
        new("truncated JSON", "CART0108", "truncated", HttpStatusCode.OK, "application/json", """{"status":"success","result":[{"name":"cn-north-4_x_maven_1","url":"https://repo"""),
        new("invalid JSON", "CART0108", "could not be read", HttpStatusCode.OK, "application/json", """{"status":"success","result":[{"name": nope}]}"""),
        new("401 from the gateway (bad signature)", "CART0102", "APIGW.0301", HttpStatusCode.Unauthorized, "application/json", """{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"req-401"}"""),
        new("401 from the gateway (token expired)", "CART0102", "APIGW.0307", HttpStatusCode.Unauthorized, "application/json", """{"error_code":"APIGW.0307","error_msg":"The token must be updated.","request_id":"req-0307"}"""),
        new("401 from IAM", "CART0102", "401", HttpStatusCode.Unauthorized, "application/json", """{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}"""),
        new("403 CR.4102 from the service", "CART0101", "CR.4102", HttpStatusCode.Forbidden, "application/json", """{"error_code":"CR.4102","error_msg":"You do not have permissions on the project.","status":"error","trace_id":"trace-403"}"""),
        new("404 APIGW.0101 from the gateway", "CART0103", "APIGW.0101", HttpStatusCode.NotFound, "application/json", """{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment.","request_id":"req-404"}"""),
        new("404 without a body", "CART0103", "404", HttpStatusCode.NotFound, "application/json", string.Empty),
        new("500 CR.5000 from the service", "CART0105", "CR.5000", HttpStatusCode.InternalServerError, "application/json", """{"error_code":"CR.5000","error_msg":"Unknown service error.","status":"error","trace_id":"trace-500"}"""),
        new("200 with status error", "CART0109", "CR.4102", HttpStatusCode.OK, "application/json", """{"status":"error","error_code":"CR.4102","error_msg":"You do not have permissions on the project.","trace_id":"trace-200"}"""),
    ];

    private static IReadOnlyDictionary<string, string?> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (string?)v.Value);

    private static DeleteObsoleteCodeArtifactFiles Cleanup(EmulatorFixture emulator, Action<DeleteObsoleteCodeArtifactFiles> spoil) =>
        Connected(emulator, new DeleteObsoleteCodeArtifactFiles { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1", DryRun = true }, spoil);

    public static GetCodeArtifactReleaseFileVersions Releases(EmulatorFixture emulator, Action<GetCodeArtifactReleaseFileVersions> spoil) =>
        Connected(emulator, new GetCodeArtifactReleaseFileVersions { FileName = "app.zip" }, spoil);

    public static ResolveCodeArtifactMavenCredentials Maven(EmulatorFixture emulator, Action<ResolveCodeArtifactMavenCredentials> spoil) =>
        Connected(emulator, new ResolveCodeArtifactMavenCredentials(), spoil);

    private static RestoreCodeArtifactFiles Restore(EmulatorFixture emulator, Action<RestoreCodeArtifactFiles> spoil) =>
        Connected(emulator, new RestoreCodeArtifactFiles { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1", Paths = ["/app/1.0/app.zip"] }, spoil);

    private static VerifyCodeArtifactChecksums Verify(EmulatorFixture emulator, TempDirectory folder, string remotePath, Action<VerifyCodeArtifactChecksums> spoil)
    {
        var item = new TaskItem(folder.WriteFile("app.zip", "built"));
        if (remotePath.Length > 0)
        {
            item.SetMetadata("RemotePath", remotePath);
        }

        return Connected(emulator, new VerifyCodeArtifactChecksums { Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1", Files = [item] }, spoil);
    }

    private static T Connected<T>(EmulatorFixture emulator, T task, Action<T> spoil)
        where T : CodeArtifactTask
    {
        emulator.Connect(task, new MockEngine());
        spoil(task);
        return task;
    }

    /// <summary>One row of the invalid-input table.</summary>
    public sealed record InvalidInput(string Name, string Code, string Names, Func<EmulatorFixture, TempDirectory, CodeArtifactTask> Make)
    {
        public CodeArtifactTask Create(EmulatorFixture emulator, MockEngine engine, TempDirectory folder)
        {
            var task = Make(emulator, folder);
            task.BuildEngine = engine;
            return task;
        }
    }

    /// <summary>One row of the failed-answer table: what comes back, and what the error must say.</summary>
    public sealed record FailedAnswer(string Name, string Code, string Says, HttpStatusCode Status, string ContentType, string Body);
}

/// <summary>A transport that answers every request the same way.</summary>
internal sealed class ScriptedHandler(HttpStatusCode status, string contentType, string body) : HttpMessageHandler
{
    protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return System.Threading.Tasks.Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }
}
