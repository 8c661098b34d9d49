using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Reports;
using CodeArtifact.Emulator;
using CodeArtifact.TestUtilities;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>
/// The repository account: from Maven info by default, from CODEARTIFACT_REPOSITORY_USER and
/// CODEARTIFACT_REPOSITORY_PASSWORD when set; and its password in no log event (the job's or the
/// client's, at every severity), result, report or exception, whether the uploads succeed or are refused.
/// </summary>
public sealed class PublishAccountTests(PublishEmulatorFixture fixture) : IClassFixture<PublishEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-publish-account-").FullName;

    private EmulatorServer Server => fixture.Server;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_Environment_Account_Is_Used_Instead_Of_Maven_Info()
    {
        // Given the account in the environment, as a pipeline would give it
        var repository = Server.Seed.CreateRepository("generic").Id;
        var file = PublishTestFiles.Write(_folder, "e.bin", "/env/e.bin", 50, seed: 1);
        var options = CredentialChain.Resolve(new CodeArtifactConnectionSettings(), new Dictionary<string, string?>
        {
            ["CODEARTIFACT_ENDPOINT"] = Server.Endpoint.ToString(),
            ["CODEARTIFACT_TENANT_ID"] = Server.Identity.TenantId,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = Server.Identity.ProjectId,
            ["HUAWEICLOUD_SDK_AK"] = Server.Identity.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = Server.Identity.SecretKey,
            ["CODEARTIFACT_REPOSITORY_USER"] = Server.Identity.RepositoryUserName,
            ["CODEARTIFACT_REPOSITORY_PASSWORD"] = Server.RepositoryPassword(),
        });
        using var client = new CodeArtifactClient(options);
        var mark = Server.RequestLog.Count;

        // When
        var result = await new PublishJob(client).RunAsync(new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests([file]) });

        // Then it uploaded as that user, without asking Maven info
        Assert.Single(result.Uploaded);
        Assert.Equal(Server.Identity.RepositoryUserName, result.RepositoryUser);
        Assert.DoesNotContain(fixture.RequestsSince(mark), e => e.Operation == "ShowMavenInfo");
        Assert.Equal(file.Sha256, Server.Seed.FindFile(repository, file.RemotePath)!.Sha256);
    }

    [Theory]
    [InlineData("CODEARTIFACT_REPOSITORY_USER")]
    [InlineData("CODEARTIFACT_REPOSITORY_PASSWORD")]
    public void Half_An_Account_In_The_Environment_Is_Refused_Before_Any_Request(string given)
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(
            new CodeArtifactConnectionSettings { Endpoint = "http://127.0.0.1:1" },
            new Dictionary<string, string?>
            {
                ["HUAWEICLOUD_SDK_AK"] = "AKEXAMPLE0001",
                ["HUAWEICLOUD_SDK_SK"] = "sk-value",
                [given] = "Half-7c1d-DoNotLeak",
            }));

        Assert.Equal(ErrorCodes.IncompleteCredentials, error.Code);
        Assert.NotEqual(given, error.ParameterName);
        Assert.DoesNotContain("Half-7c1d-DoNotLeak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Account_Never_Prints_Its_Password()
    {
        var account = new RepositoryAccount("repo-user", new Secret("Acct-3b9e-DoNotLeak"));

        Assert.DoesNotContain("Acct-3b9e-DoNotLeak", account.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Acct-3b9e-DoNotLeak", new CodeArtifactClientOptions { RepositoryAccount = account }.ToString(), StringComparison.Ordinal);
        Assert.Contains("repo-user", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Repository_Password_Is_In_No_Log_Report_Or_Exception()
    {
        // Given a user whose every secret is random, signing in with AK/SK; its repository password comes from Maven info
        var user = LeakCheckUser.Create(Server);
        var repository = Server.Seed.CreateRepository("generic").Id;
        var files = Enumerable.Range(0, 25).Select(i => PublishTestFiles.Write(_folder, $"s{i}.bin", $"/leak/s{i}.bin", 100 + i, seed: 70 + i)).ToList();
        var texts = new List<string>();
        void Capture(CodeArtifactLogEvent e)
        {
            lock (texts)
            {
                texts.Add(e.ToString());
            }
        }

        var environment = user.Environment("AK/SK");
        var options = new PublishOptions { Repository = repository, Files = PublishTestFiles.Requests(files) };

        // When it publishes (uploads, then a second run of unchanged files, then a changed file refused)
        using (var client = ClientFrom(environment, Capture))
        {
            var published = await new PublishJob(client, Capture).RunAsync(options);
            var again = await new PublishJob(client, Capture).RunAsync(options);
            PublishTestFiles.Change(files[0], seed: 5);
            var refused = await new PublishJob(client, Capture).RunAsync(options);
            Assert.Equal(25, published.Uploaded.Count);
            Assert.Equal(25, again.Unchanged.Count);
            Assert.Single(refused.Failed);
            foreach (var result in new[] { published, again, refused })
            {
                texts.Add(JobReport.ToJson(result));
                texts.Add(JobReport.ToMarkdown(result));
                texts.Add(result.Summary);
                texts.AddRange(result.Problems.Select(p => p.ToString()));
            }
        }

        // And when it publishes with a wrong repository password from the environment
        environment["CODEARTIFACT_REPOSITORY_USER"] = user.Identity.RepositoryUserName;
        environment["CODEARTIFACT_REPOSITORY_PASSWORD"] = user.WrongRepositoryPassword;
        using (var client = ClientFrom(environment, Capture))
        {
            var denied = await new PublishJob(client, Capture).RunAsync(options with { Overwrite = true, MaxConcurrency = 2 });
            Assert.Single(denied.Failed, f => f.Error!.Contains("401", StringComparison.Ordinal) && !f.Error.StartsWith("Not sent", StringComparison.Ordinal));
            Assert.Equal(ErrorCodes.UploadFailed, denied.Failed[0].Code);
            texts.Add(JobReport.ToJson(denied));
            texts.Add(JobReport.ToMarkdown(denied));
            texts.AddRange(denied.Problems.Select(p => p.ToString()));
            texts.AddRange(denied.Files.Select(f => f.Error ?? string.Empty));
        }

        // And when a run fails with an exception
        var (maven, _) = Server.Seed.CreateMavenRepository("leak-" + Guid.NewGuid().ToString("N")[..8]);
        using (var client = ClientFrom(environment, Capture))
        {
            var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new PublishJob(client, Capture).RunAsync(options with { Repository = maven.Id }));
            texts.Add(error.ToString());
        }

        // Then no secret of the user appears anywhere, at any severity (the client's per-request lines included)
        Assert.Contains(texts, t => t.StartsWith("UploadFile: PUT ", StringComparison.Ordinal));
        Assert.Empty(user.FoundIn(string.Join("\n", texts)));
    }

    private static CodeArtifactClient ClientFrom(Dictionary<string, string> environment, Action<CodeArtifactLogEvent> log)
    {
        var options = CredentialChain.Resolve(new CodeArtifactConnectionSettings(), name => environment.TryGetValue(name, out var value) ? value : null);
        options.Log = log;
        return new CodeArtifactClient(options);
    }
}
