using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Emulator.Faults;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// Issue 11's acceptance for MSBuild, built in process against the emulator: 50 files where three
/// look-ups fail (a 403, a 200 with status "error", a 500 after two retried 503s) and one local file
/// cannot be read give 46 verdicts and 4 failures, all in the outputs; the build fails with exactly
/// four coded lines; with ContinueOnError a later target sees every list.
/// </summary>
[Collection(InProcessMSBuild.Name)]
public sealed class VerificationVerdictsBuildTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Lists = "VERIFIED=@(CodeArtifactVerifiedFile->Count()) MISMATCHED=@(CodeArtifactMismatchedFile->Count()) MISSING=@(CodeArtifactMissingFile->Count()) FAILED=@(CodeArtifactFailedFile->Count())";

    private readonly TempDirectory _keys = new("cab-keys");

    public void Dispose()
    {
        emulator.Server.Faults = FaultOptions.None;
        _keys.Dispose();
    }

    [Fact]
    public void Should_Fail_With_Four_Coded_Lines_And_Still_Set_All_46_Verdicts_And_4_Failures()
    {
        // Given
        using var project = FiftyFiles(out var unreadable, string.Empty);

        // When
        var (succeeded, instance, log) = Build(project, unreadable, "CodeArtifactVerifyChecksums");

        // Then exactly one coded line per problem file, in file order
        Assert.False(succeeded);
        Assert.Equal(["CART0305", "CART0305", "CART0305", "CART0303"], log.Errors.Select(e => e.Code));
        Assert.Equal(["f10.zip", "f20.zip", "f30.zip", "f40.zip"], log.Errors.Select(e => FileNamed(e.Message!)));
        Assert.Contains("CR.4102", log.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("CR.5000", log.Errors[2].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Errors, e => e.Code == "MSB4181");

        // And every verdict is in the outputs
        Assert.Equal(46, instance.GetItems("CodeArtifactVerifiedFile").Count);
        var failed = instance.GetItems("CodeArtifactFailedFile").ToList();
        Assert.Equal(
            [("f10.zip", "remote-error", "CART0101", "403"), ("f20.zip", "remote-error", "CART0109", "200"), ("f30.zip", "remote-error", "CART0105", "500"), ("f40.zip", "unreadable-locally", string.Empty, string.Empty)],
            failed.Select(f => (Path.GetFileName(f.EvaluatedInclude), f.GetMetadataValue("Status"), f.GetMetadataValue("ErrorCode"), f.GetMetadataValue("HttpStatus"))));
        Assert.All(failed, f => Assert.NotEmpty(f.GetMetadataValue("Error")));

        // And the 500 came after the retries ran out on 503s
        var lookups = emulator.Server.RequestLog.Snapshot().Where(r => r.Query.Contains("f30.zip", StringComparison.Ordinal)).Select(r => r.Status).ToList();
        Assert.Equal([503, 503, 500], lookups.TakeLast(3));
    }

    [Fact]
    public void Should_Let_A_Later_Target_See_Every_List_If_The_Ready_Target_Continues_On_Error()
    {
        // Given the ready target told to go on after its errors, and a target after it
        using var project = FiftyFiles(out var unreadable, $"""
            <PropertyGroup><CodeArtifactVerifyContinueOnError>ErrorAndContinue</CodeArtifactVerifyContinueOnError></PropertyGroup>
            <Target Name="Later" AfterTargets="CodeArtifactVerifyChecksums">
              <PropertyGroup><SeenByLater>{Lists}</SeenByLater></PropertyGroup>
            </Target>
            """);

        // When
        var (succeeded, instance, log) = Build(project, unreadable, "CodeArtifactVerifyChecksums");

        // Then the build still fails with the four lines, and the later target saw all four lists
        Assert.False(succeeded);
        Assert.Equal(4, log.Errors.Count);
        Assert.Contains("Later", log.TargetsRun);
        Assert.Equal("VERIFIED=46 MISMATCHED=0 MISSING=0 FAILED=4", instance.GetPropertyValue("SeenByLater"));
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "codeartifact", "verify.succeeded")));
    }

    [Fact]
    public void Should_Let_A_Later_Target_See_Every_List_If_The_Task_Runs_With_ContinueOnError()
    {
        // Given the task in a project's own target with ContinueOnError="true", and a target after it
        using var project = FiftyFiles(out var unreadable, $"""
            <Target Name="Check">
              <VerifyCodeArtifactChecksums ContinueOnError="true"
                  Endpoint="$(CodeArtifactEndpoint)" TenantId="$(CodeArtifactTenantId)" ProjectId="$(CodeArtifactProjectId)"
                  CredentialsFile="$(CodeArtifactCredentialsFile)" MaxRetries="$(CodeArtifactMaxRetries)"
                  Files="@(CodeArtifactVerifyFile)" Repository="$(CodeArtifactRepository)">
                <Output TaskParameter="VerifiedFiles" ItemName="CodeArtifactVerifiedFile" />
                <Output TaskParameter="MismatchedFiles" ItemName="CodeArtifactMismatchedFile" />
                <Output TaskParameter="MissingFiles" ItemName="CodeArtifactMissingFile" />
                <Output TaskParameter="FailedFiles" ItemName="CodeArtifactFailedFile" />
              </VerifyCodeArtifactChecksums>
            </Target>
            <Target Name="Later" AfterTargets="Check">
              <PropertyGroup><SeenByLater>{Lists}</SeenByLater></PropertyGroup>
            </Target>
            """);

        // When
        var (succeeded, instance, log) = Build(project, unreadable, "Check");

        // Then MSBuild turned the four lines into warnings, and the later target saw all four lists
        Assert.True(succeeded, log.Describe());
        Assert.Equal(["CART0305", "CART0305", "CART0305", "CART0303"], log.Warnings.Where(w => w.Code.StartsWith("CART", StringComparison.Ordinal)).Select(w => w.Code));
        Assert.Equal("VERIFIED=46 MISMATCHED=0 MISSING=0 FAILED=4", instance.GetPropertyValue("SeenByLater"));
    }

    /// <summary>
    /// 50 published files, the same bytes locally; the look-ups of f10, f20 and f30 fail as the issue
    /// says and f40 is held open exclusively by the test (it cannot be read).
    /// </summary>
    private TestProject FiftyFiles(out string unreadable, string body)
    {
        var repository = emulator.Server.Seed.CreateRepository("generic").Id;
        var files = Enumerable.Range(0, 50).Select(i => ($"/v/f{i:D2}.zip", Encoding.UTF8.GetBytes($"content {i}"))).ToList();
        emulator.Server.Seed.PutFiles(repository, files.Select(f => (f.Item1, f.Item2, DateTimeOffset.UtcNow)));
        var credentials = _keys.WriteFile($"{Guid.NewGuid():N}/credentials", $"[basic]\nak = {emulator.Dev.AccessKey}\nsk = {emulator.Dev.SecretKey}\n");
        var project = new TestProject(
            """
            <ItemGroup>
              <CodeArtifactVerifyFile Include="dist/*.zip" RemotePath="/v/%(Filename)%(Extension)" />
            </ItemGroup>
            """ + body,
            new Dictionary<string, string>
            {
                ["_CodeArtifactTaskAssembly"] = typeof(CodeArtifactTask).Assembly.Location,
                ["_CodeArtifactStampKeyFile"] = _keys.Combine("stamp.key"),
                ["CodeArtifactEndpoint"] = emulator.Server.Endpoint.ToString(),
                ["CodeArtifactTenantId"] = emulator.Dev.TenantId,
                ["CodeArtifactProjectId"] = emulator.Dev.ProjectId,
                ["CodeArtifactCredentialsFile"] = credentials,
                ["CodeArtifactRepository"] = repository,
                ["CodeArtifactMaxRetries"] = "2",
            });
        foreach (var (path, content) in files)
        {
            var local = Path.Combine(project.Directory, "dist", Path.GetFileName(path));
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            File.WriteAllBytes(local, content);
        }

        project.Project.MarkDirty();
        project.Project.ReevaluateIfNecessary();
        unreadable = Path.Combine(project.Directory, "dist", "f40.zip");
        emulator.Server.Faults = new FaultOptions
        {
            ForcedAnswers =
            [
                new ForcedAnswer { FilePath = "/v/f10.zip", Statuses = [403] },
                new ForcedAnswer { FilePath = "/v/f20.zip", Statuses = [200] },
                new ForcedAnswer { FilePath = "/v/f30.zip", Statuses = [503, 503, 500] },
            ],
        };
        return project;
    }

    private static (bool Succeeded, Microsoft.Build.Execution.ProjectInstance Instance, RecordingLogger Log) Build(TestProject project, string unreadable, string target)
    {
        using var held = new FileStream(unreadable, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        return project.Build(target);
    }

    private static string FileNamed(string message) =>
        new[] { "f10.zip", "f20.zip", "f30.zip", "f40.zip" }.Single(name => message.Contains(name, StringComparison.Ordinal));
}
