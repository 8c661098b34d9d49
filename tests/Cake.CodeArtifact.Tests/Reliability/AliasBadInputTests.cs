using Cake.Core.IO;
using CodeArtifact.Core.Auth;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>
/// The aliases fed wrong settings, and answers no script should have to read: each ends in one
/// coded CakeException whose message says what to fix (the setting or operation named) and holds
/// no stack trace; when the input itself is wrong, nothing at all is sent.
/// </summary>
public sealed class AliasBadInputTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Repository = "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_1";

    private static readonly IReadOnlyList<(string Name, string Code, string Names, Action<AliasTestContext> Run)> InvalidInputs =
    [
        ("cleanup: malformed repository id", "CART0001", "Repository", t => Cleanup(t, s => s.Repository = "repo/../other")),
        ("cleanup: missing repository id", "CART0002", "Repository", t => Cleanup(t, s => s.Repository = null)),
        ("cleanup: .. traversal in RootPath", "CART0001", "RootPath", t => Cleanup(t, s => s.RootPath = "/nightly/../../releases")),
        ("cleanup: over-long RootPath", "CART0001", "RootPath", t => Cleanup(t, s => s.RootPath = "/" + new string('r', 1281))),
        ("cleanup: glob with a control character", "CART0001", "Include", t => Cleanup(t, s => s.Include = ["*.zip\u0000"])),
        ("cleanup: protect glob that climbs out of RootPath", "CART0001", "Protect", t => Cleanup(t, s => s.Protect = ["../../releases/**"])),
        ("cleanup: negative KeepLatest", "CART0001", "KeepLatest", t => Cleanup(t, s => s.KeepLatest = -2)),
        ("cleanup: negative MaxDeletions", "CART0001", "MaxDeletions", t => Cleanup(t, s => s.MaxDeletions = -1)),
        ("cleanup: negative OlderThanDays", "CART0001", "OlderThanDays", t => Cleanup(t, s => s.OlderThanDays = -0.5)),
        ("cleanup: OlderThanDays not a number", "CART0001", "OlderThanDays", t => Cleanup(t, s => s.OlderThanDays = double.NaN)),
        ("releases: file name with a path", "CART0001", "fileName", t => t.Context.CodeArtifactGetReleaseFileVersions("dist/../app.zip", new CodeArtifactReleaseVersionsSettings(t.Connection))),
        ("releases: empty file name", "CART0002", "fileName", t => t.Context.CodeArtifactGetLatestReleaseFileVersion(string.Empty, new CodeArtifactReleaseVersionsSettings(t.Connection))),
        ("releases: zero MaxResults", "CART0001", "MaxResults", t => t.Context.CodeArtifactGetReleaseFileVersions("app.zip", new CodeArtifactReleaseVersionsSettings(t.Connection) { MaxResults = 0 })),
        ("maven: unknown policy", "CART0001", "Policy", t => t.Context.CodeArtifactResolveMavenCredentials(new CodeArtifactMavenCredentialsSettings(t.Connection) { Policy = "nightly" })),
        ("maven: unknown access", "CART0001", "Access", t => t.Context.CodeArtifactResolveMavenCredentials(new CodeArtifactMavenCredentialsSettings(t.Connection) { Access = "root" })),
        ("maven: malformed repository id", "CART0001", "RepositoryIds", t => t.Context.CodeArtifactWriteMavenSettings(new FilePath("settings.xml"), new CodeArtifactMavenCredentialsSettings(t.Connection) { RepositoryIds = ["ok_1", "not ok"] })),
        ("verify: unknown algorithm", "CART0001", "Algorithm", t => Verify(t, "/app/app.zip", s => s.Algorithm = "MD4")),
        ("verify: .. traversal in a repository path", "CART0001", "RemotePath", t => Verify(t, "/app/../../etc/app.zip", _ => { })),
        ("restore: .. traversal in a path", "CART0001", "paths", t => t.Context.CodeArtifactRestoreFiles(["/a.zip", "/x/../../b.zip"], new CodeArtifactRestoreSettings(t.Connection) { Repository = Repository })),
        ("restore: no path", "CART0002", "paths", t => t.Context.CodeArtifactRestoreFiles([], new CodeArtifactRestoreSettings(t.Connection) { Repository = Repository })),
        ("connection: http:// to a host that is not this machine", "CART0003", "Endpoint", t => Releases(t, c => c.Endpoint = "http://artifact.ap-southeast-3.example.com")),
        ("connection: zero TimeoutSeconds", "CART0001", "TimeoutSeconds", t => Releases(t, c => c.TimeoutSeconds = 0)),
        ("connection: too many MaxRetries", "CART0001", "MaxRetries", t => Releases(t, c => c.MaxRetries = 11)),
        ("connection: malformed project id", "CART0001", "ProjectId", t => Releases(t, c => c.ProjectId = "my-project")),
        ("credentials: none at all", "CART0004", "HUAWEICLOUD_SDK_AK", t => Releases(t, _ => t.Context.Environment.Variables.Clear())),
        ("credentials: SK without its AK", "CART0005", "HUAWEICLOUD_SDK_AK", t => Releases(t, _ => t.Context.Environment.Variables.Remove(CodeArtifactEnvironment.AccessKey))),
        ("credentials: password without a user", "CART0005", "UserName", t => Releases(t, _ => Replace(t, (CodeArtifactEnvironment.Password, "half-given")))),
        ("credentials: file with an AK but no SK", "CART0005", "sk", t => Releases(t, c => c.CredentialsFile = CredentialsFile(t, "[basic]\nak = CAEMUDEVACCESSKEY001\n"))),
        ("credentials: a credentials file that does not exist", "CART0007", "CredentialsFile", t => Releases(t, c => c.CredentialsFile = new FilePath("no/such/credentials"))),
    ];

    private static readonly IReadOnlyList<(string Name, string Code, string Says, int Status, string ContentType, string Body)> FailedAnswers =
    [
        ("a proxy's HTML error page", "CART0105", "HTML page", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"),
        ("truncated JSON", "CART0108", "truncated", 200, "application/json", """{"result":{"data":[{"version":"1.0.0","path":"/app"""),
        ("401 from the gateway", "CART0102", "APIGW.0301", 401, "application/json", """{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information","request_id":"r-1"}"""),
        ("403 CR.4102 from the release API", "CART0101", "CR.4102", 403, "application/json", """{"error_code":"CR.4102","error_msg":"You do not have permissions on the project."}"""),
        ("404 APIGW.0101 from the gateway", "CART0103", "APIGW.0101", 404, "application/json", """{"error_code":"APIGW.0101","error_msg":"The API does not exist.","request_id":"r-2"}"""),
        ("500 CR.5000 from the service", "CART0105", "CR.5000", 500, "application/json", """{"error_code":"CR.5000","error_msg":"Unknown service error.","status":"error","trace_id":"t-500"}"""),
    ];

    public static TheoryData<string> InvalidInputNames => [.. InvalidInputs.Select(c => c.Name)];

    public static TheoryData<string> FailedAnswerNames => [.. FailedAnswers.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(InvalidInputNames))]
    public void Invalid_Input_Throws_A_Coded_CakeException_Before_Any_Request(string name)
    {
        // Given
        var input = InvalidInputs.Single(c => c.Name == name);
        using var test = new AliasTestContext(emulator.Server);

        // When
        var exception = Record.Exception(() => input.Run(test));

        // Then
        var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, input.Code);
        Assert.Contains(input.Names, failure.Message, StringComparison.Ordinal);
        Expected.NoStackTrace(failure.Message);
        Assert.Empty(test.Operations);
    }

    [Theory]
    [MemberData(nameof(FailedAnswerNames))]
    public async Task A_Failed_Answer_Throws_A_Coded_CakeException_That_Says_What_Happened(string name)
    {
        // Given something that answers so in place of the service
        var answer = FailedAnswers.Single(c => c.Name == name);
        await using var service = new ScriptedService(answer.Status, answer.ContentType, answer.Body);
        using var test = new AliasTestContext(emulator.Server);

        // When
        var exception = Record.Exception(() => Releases(test, c => c.Endpoint = service.Endpoint));

        // Then
        var failure = Assertions.IsCodedCakeException<CodeArtifactAliasException>(exception, answer.Code);
        Assert.Contains("ShowProjectReleaseFiles", failure.Message, StringComparison.Ordinal);
        Assert.Contains(answer.Says, failure.Message, StringComparison.Ordinal);
        Expected.NoStackTrace(failure.Message);
        Assert.Equal(1, service.Requests);
    }

    [Fact]
    public void An_Unreachable_Endpoint_Throws_CART0106_Naming_The_Host()
    {
        // Given a loopback port nobody listens on
        using var test = new AliasTestContext(emulator.Server);

        // When
        var exception = Record.Exception(() => Releases(test, c => c.Endpoint = "http://127.0.0.1:1"));

        // Then
        var failure = Assertions.IsCodedCakeException<CodeArtifactServiceException>(exception, "CART0106");
        Assert.Contains("127.0.0.1:1", failure.Message, StringComparison.Ordinal);
        Expected.NoStackTrace(failure.Message);
    }

    private static void Cleanup(AliasTestContext test, Action<CodeArtifactCleanupSettings> spoil)
    {
        var settings = new CodeArtifactCleanupSettings(test.Connection) { Repository = Repository, DryRun = true };
        spoil(settings);
        test.Context.CodeArtifactDeleteObsoleteFiles(settings);
    }

    private static void Releases(AliasTestContext test, Action<CodeArtifactReleaseVersionsSettings> spoil)
    {
        var settings = new CodeArtifactReleaseVersionsSettings(test.Connection);
        spoil(settings);
        test.Context.CodeArtifactGetReleaseFileVersions("app.zip", settings);
    }

    private static void Verify(AliasTestContext test, string remotePath, Action<CodeArtifactVerifySettings> spoil)
    {
        test.WriteLocalFile("app.zip", [1, 2, 3]);
        var settings = new CodeArtifactVerifySettings(test.Connection) { Repository = Repository };
        spoil(settings);
        test.Context.CodeArtifactVerifyChecksums(new Dictionary<FilePath, string> { [new FilePath("app.zip")] = remotePath }, settings);
    }

    /// <summary>Takes the AK/SK out of the environment and puts <paramref name="variables"/> in.</summary>
    private static void Replace(AliasTestContext test, params (string Name, string Value)[] variables)
    {
        test.Context.Environment.Variables.Remove(CodeArtifactEnvironment.AccessKey);
        test.Context.Environment.Variables.Remove(CodeArtifactEnvironment.SecretKey);
        foreach (var (name, value) in variables)
        {
            test.Context.Environment.Variables[name] = value;
        }
    }

    private static FilePath CredentialsFile(AliasTestContext test, string content)
    {
        Replace(test);
        test.WriteLocalFile("credentials", System.Text.Encoding.UTF8.GetBytes(content));
        return new FilePath(test.Context.PathOf("credentials"));
    }
}
