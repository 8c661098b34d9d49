using System.Xml.Linq;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class MavenCredentialsJobTests : IDisposable
{
    private const string Password = "6qY_h]3H9=<&>";
    private const string ReleaseId = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_5_120";
    private const string SnapshotId = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_6_120";

    // The reference example (4.2.6), made well-formed: userName null beside username, clear-text password.
    private static readonly string MavenInfo = $$"""
        [ {
          "status": "active", "domainId": "5a775fdcb14f4431b6c0015618140bc3", "region": "cn-north-7",
          "name": "{{ReleaseId}}", "disable": false, "format": "maven2", "type": "virtual", "policy": "release",
          "repositoryName": "adasasfsafdasdfasd", "displayName": "adasasfsafdasdfasd", "projectId": "e2ee90487d6349dd944a5767225f6f55",
          "userName": null, "password": "{{Password.Replace("\"", "\\\"", StringComparison.Ordinal)}}", "shareRight": "PROJECT", "nexuRepo": false,
          "username": "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a",
          "url": "https://devrepo.example.test/artgalaxy/{{ReleaseId}}/", "packageType": "maven"
        }, {
          "name": "{{SnapshotId}}", "format": "maven2", "policy": "snapshot", "repositoryName": null, "displayName": "snapshots",
          "username": "u2", "password": "p2", "url": "https://devrepo.example.test/artgalaxy/{{SnapshotId}}/"
        }, {
          "name": "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_7_120", "format": "maven2", "policy": "release",
          "username": "u3", "password": "p3", "url": null
        } ]
        """;

    private readonly FakeArtifactService _service = new() { MavenInfoJson = MavenInfo };
    private readonly List<CodeArtifactLogEvent> _log = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-maven-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private MavenCredentialsJob Job() => new(_service.CreateClient(), e => { lock (_log) { _log.Add(e); } });

    [Fact]
    public async Task Should_Resolve_Repositories_With_Their_Accounts()
    {
        var result = await Job().RunAsync(new MavenCredentialsOptions());

        // The one without a URL is left out
        Assert.Equal([ReleaseId, SnapshotId], result.Repositories.Select(r => r.Id));
        var release = result.Repositories[0];
        Assert.Equal("adasasfsafdasdfasd", release.Name);
        Assert.Equal($"https://devrepo.example.test/artgalaxy/{ReleaseId}/", release.Url);
        Assert.Equal("release", release.Policy);
        Assert.Equal("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_e9253deb37654775bb3c411aca89153a", release.UserName);
        Assert.Equal(Password, release.Password.Reveal());
        Assert.Equal("snapshots", result.Repositories[1].Name);
        Assert.Null(result.Settings);
    }

    [Fact]
    public async Task Should_Send_The_Filters()
    {
        await Job().RunAsync(new MavenCredentialsOptions
        {
            ProjectId = "e2ee90487d6349dd944a5767225f6f55",
            Policy = "releases",
            Access = "rw",
            DefaultOnly = true,
            RepositoryIds = [ReleaseId, " ", SnapshotId, ReleaseId],
        });

        var request = Assert.Single(_service.Requests);
        Assert.Equal("/cloudartifact/v5/maven/info", request.Path);
        Assert.Equal("e2ee90487d6349dd944a5767225f6f55", request.QueryValue("project_id"));
        Assert.Equal("release", request.QueryValue("policy"));
        Assert.Equal("rw", request.QueryValue("access"));
        Assert.Equal("true", request.QueryValue("default"));
        Assert.Equal($"{ReleaseId},{SnapshotId}", request.QueryValue("ids"));
    }

    [Fact]
    public async Task Should_Write_Settings_If_Asked_And_Never_Log_The_Password()
    {
        var settingsFile = Path.Combine(_folder, "settings.xml");

        var first = await Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile });
        var second = await Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile });

        Assert.True(first.Settings!.Changed);
        Assert.False(second.Settings!.Changed);
        XNamespace ns = "http://maven.apache.org/SETTINGS/1.0.0";
        var passwords = XDocument.Load(settingsFile).Descendants(ns + "password").Select(p => p.Value);
        Assert.Equal([Password, "p2"], passwords);
        Assert.All(_log, e => Assert.DoesNotContain(Password, e.ToString(), StringComparison.Ordinal));
        Assert.All(_log, e => Assert.DoesNotContain("p2", e.Message.Split(' '), StringComparer.Ordinal));
        Assert.DoesNotContain(Password, first.Repositories[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Warn_If_No_Repository_Matched()
    {
        _service.MavenInfoJson = "[]";

        var result = await Job().RunAsync(new MavenCredentialsOptions());

        Assert.Empty(result.Repositories);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ErrorCodes.NoMavenRepositories, ProblemSeverity.Warning), (problem.Code, problem.Severity));
        Assert.DoesNotContain(_log, e => e.Severity == LogSeverity.Warning); // stated once, in Problems
    }

    [Theory]
    [InlineData("nightly", "r", "Policy")]
    [InlineData(null, "w", "Access")]
    public async Task Should_Reject_Bad_Filters_Before_Any_Request(string? policy, string access, string parameter)
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new MavenCredentialsOptions { Policy = policy, Access = access }));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Reject_A_Bad_Repository_Id_Before_Any_Request()
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new MavenCredentialsOptions { RepositoryIds = ["a b"] }));

        Assert.Equal("RepositoryIds[0]", error.ParameterName);
        Assert.Empty(_service.Requests);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("external:*", true)]
    [InlineData("central," + SnapshotId, true)]
    [InlineData("*,!" + ReleaseId + ",!" + SnapshotId, false)]
    [InlineData("central", false)]
    public async Task Should_Warn_If_A_Base_Mirror_Catches_Our_Repositories(string mirrorOf, bool warns)
    {
        // Given a corporate base settings file whose mirror has this mirrorOf
        var basePath = Path.Combine(_folder, "base.xml");
        await File.WriteAllTextAsync(basePath, MavenSettingsSamples.Corporate(mirrorOf: mirrorOf));
        var settingsFile = Path.Combine(_folder, "settings.xml");

        // When
        var result = await Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile, BaseSettingsFile = basePath });

        // Then the file is written either way, and CART0206 names the mirror, the ids it catches and the way out
        Assert.True(File.Exists(settingsFile));
        var warnings = result.Problems.Where(p => p.Code == ErrorCodes.MirrorCatchesRepositories).ToList();
        if (!warns)
        {
            Assert.Empty(warnings);
            Assert.Empty(result.MirrorCatches);
            return;
        }

        var warning = Assert.Single(warnings);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal("corp-nexus", warning.Subject);
        Assert.Contains("\"corp-nexus\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains(SnapshotId, warning.Message, StringComparison.Ordinal);
        Assert.Contains(basePath, warning.Message, StringComparison.Ordinal);
        Assert.Contains("<mirrorOf>", warning.Message, StringComparison.Ordinal);
        var caught = result.MirrorCatches.Single();
        Assert.All(caught.RepositoryIds, id => Assert.False(MavenMirrorSelector.Matches(caught.SuggestedMirrorOf, id, result.Repositories.Single(r => r.Id == id).Url)));
    }

    [Fact]
    public async Task Should_Leave_Out_A_Repository_Without_A_Password_With_A_Warning()
    {
        // Given the service lists the snapshot repository without a password
        _service.MavenInfoJson = MavenInfo.Replace("\"password\": \"p2\"", "\"password\": null", StringComparison.Ordinal);
        var settingsFile = Path.Combine(_folder, "settings.xml");

        // When
        var result = await Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile });

        // Then it is left out of the result and the file, with CART0207 naming it
        Assert.Equal([ReleaseId], result.Repositories.Select(r => r.Id));
        Assert.Equal([SnapshotId], result.RepositoriesWithoutPassword);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ErrorCodes.RepositoryWithoutPassword, ProblemSeverity.Warning, SnapshotId), (problem.Code, problem.Severity, problem.Subject));
        XNamespace ns = "http://maven.apache.org/SETTINGS/1.0.0";
        Assert.Equal([ReleaseId], XDocument.Load(settingsFile).Descendants(ns + "server").Select(s => s.Element(ns + "id")!.Value));
        Assert.DoesNotContain("<password></password>", await File.ReadAllTextAsync(settingsFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fail_If_No_Repository_Has_A_Password()
    {
        _service.MavenInfoJson = MavenInfo.Replace("\"password\": \"p2\"", "\"password\": \"\"", StringComparison.Ordinal)
            .Replace(Password, string.Empty, StringComparison.Ordinal);
        var settingsFile = Path.Combine(_folder, "settings.xml");

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile }));

        Assert.Equal(ErrorCodes.NoRepositoryWithPassword, error.Code);
        Assert.Contains(ReleaseId, error.Message, StringComparison.Ordinal);
        Assert.Contains(SnapshotId, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(settingsFile));
    }

    [Fact]
    public async Task Should_Check_The_Base_And_The_Target_Before_Any_Request()
    {
        var settingsFile = Path.Combine(_folder, "settings.xml");

        var missingBase = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile, BaseSettingsFile = Path.Combine(_folder, "nope.xml") }));
        var baseWithoutTarget = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new MavenCredentialsOptions { BaseSettingsFile = Path.Combine(_folder, "nope.xml") }));
        await File.WriteAllTextAsync(settingsFile, "<settings/>");
        var notOurs = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile }));

        Assert.Equal((ErrorCodes.BaseSettingsFileInvalid, "BaseSettingsFile"), (missingBase.Code, missingBase.ParameterName));
        Assert.Equal((ErrorCodes.InvalidArgument, "BaseSettingsFile"), (baseWithoutTarget.Code, baseWithoutTarget.ParameterName));
        Assert.Equal(ErrorCodes.SettingsFileNotOurs, notOurs.Code);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Say_Where_The_File_Is_And_That_It_Holds_Passwords()
    {
        var basePath = Path.Combine(_folder, "base.xml");
        await File.WriteAllTextAsync(basePath, "<settings/>");
        var settingsFile = Path.Combine(_folder, "settings.xml");

        var result = await Job().RunAsync(new MavenCredentialsOptions { SettingsFile = settingsFile, BaseSettingsFile = basePath });

        Assert.True(result.Settings!.HoldsPasswords);
        Assert.Equal(basePath, result.Settings.BaseSettingsFile);
        Assert.Contains(settingsFile, result.Summary, StringComparison.Ordinal);
        Assert.Contains("passwords", result.Summary, StringComparison.Ordinal);
        Assert.Contains("merged from " + basePath, result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Summary, StringComparison.Ordinal);
        Assert.Empty(result.Problems);
        var report = CodeArtifact.Core.Reports.JobReport.ToJson(result);
        Assert.Contains("\"holdsCredentials\": true", report, StringComparison.Ordinal);
        Assert.Contains("\"baseSettingsFile\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("p2", report.Split('"'), StringComparer.Ordinal);
    }
}
