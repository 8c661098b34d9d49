using System.Text.Json;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>Plan, then apply: a dry run writes a plan; a real run deletes exactly the plan's files, each checked again first.</summary>
public sealed class CleanupPlanTests : IDisposable
{
    private const string Repository = FakeArtifactService.Repository;
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-plan-").FullName;
    private readonly FakeArtifactService _service = new();

    public CleanupPlanTests()
    {
        for (var i = 0; i < 6; i++)
        {
            _service.Files[$"/builds/1.{i}.0/app.zip"] = new FakeFile(Now.AddDays(-60 + i), 1000 + i, $"app 1.{i}.0");
        }

        _service.Files["/builds/readme.txt"] = new FakeFile(Now.AddDays(-90), 5, "readme");
    }

    private string PlanPath => Path.Combine(_folder, "review", "cleanup-plan.json");

    private CleanupOptions Policy => new()
    {
        Repository = Repository,
        RootPath = "/builds",
        Include = ["**/*.zip"],
        KeepLatestVersions = 2,
        OlderThanDays = 30,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CleanupJob Job() => new(_service.CreateClient(o => o.TimeProvider = new FakeTimeProvider(Now)));

    private Task<CleanupResult> DryRunAsync() => Job().RunAsync(Policy with { DryRun = true, PlanFile = PlanPath });

    private Task<CleanupResult> ApplyAsync(CleanupOptions? options = null) => Job().RunAsync((options ?? new CleanupOptions { Repository = Repository, RootPath = "/builds" }) with { FromPlan = PlanPath });

    private static readonly string[] Planned = ["/builds/1.0.0/app.zip", "/builds/1.1.0/app.zip", "/builds/1.2.0/app.zip", "/builds/1.3.0/app.zip"];

    [Fact]
    public async Task Should_Write_A_Plan_With_The_Repository_Root_Policy_And_Each_File()
    {
        // When
        var dry = await DryRunAsync();

        // Then the plan file holds what the dry run listed, each file as its detail described it
        Assert.Equal(Planned, dry.Candidates.Select(c => c.Path));
        Assert.NotNull(dry.Plan);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(PlanPath));
        var root = json.RootElement;
        Assert.Equal("codeartifact-cleanup-plan", root.GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(Repository, root.GetProperty("repository").GetString());
        Assert.Equal("/builds", root.GetProperty("rootPath").GetString());
        Assert.Equal(2, root.GetProperty("policy").GetProperty("keepLatestVersions").GetInt32());
        Assert.Equal(30, root.GetProperty("policy").GetProperty("olderThanDays").GetDouble());
        Assert.Equal(["**/*.zip"], root.GetProperty("policy").GetProperty("include").EnumerateArray().Select(e => e.GetString()));
        var files = root.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(Planned, files.Select(f => f.GetProperty("path").GetString()));
        var first = files[0];
        Assert.Equal(1000, first.GetProperty("size").GetInt64());
        Assert.Equal(Now.AddDays(-60), first.GetProperty("lastModified").GetDateTimeOffset());
        Assert.Equal(Sha256("app 1.0.0"), first.GetProperty("sha256").GetString());
        Assert.Equal(1000 + 1001 + 1002 + 1003, root.GetProperty("totalBytes").GetInt64());
        Assert.Empty(_service.RequestsTo(HttpMethod.Delete, "/file"));
    }

    [Fact]
    public async Task Should_Delete_Exactly_The_Plan_And_Nothing_Else()
    {
        // Given a plan, then a file the policy would now also select, uploaded before the apply
        await DryRunAsync();
        _service.Files["/builds/0.9.0/app.zip"] = new FakeFile(Now.AddDays(-100), 7, "older still");
        var before = _service.Requests.Count;

        // When the plan is applied
        var applied = await ApplyAsync();

        // Then exactly the plan's files are deleted, without walking the tree
        Assert.Equal(Planned, applied.Deleted.Select(d => d.Path));
        Assert.Equal(Planned, applied.Candidates.Select(c => c.Path));
        Assert.Empty(applied.Failed);
        Assert.Empty(applied.Kept);
        Assert.Empty(applied.Problems);
        Assert.True(_service.Files.ContainsKey("/builds/0.9.0/app.zip"));
        Assert.All(Planned, p => Assert.False(_service.Files.ContainsKey(p)));
        var requests = _service.Requests.Skip(before).ToArray();
        Assert.DoesNotContain(requests, r => r.Path.EndsWith("/file-tree", StringComparison.Ordinal));
        Assert.Equal(Planned.Length * 2, requests.Length);
        Assert.Equal(1000 + 1001 + 1002 + 1003, applied.BytesFreed);
        Assert.Equal(applied.Plan!.Files.Select(f => f.Path), Planned);
    }

    [Fact]
    public async Task Should_Keep_And_Report_A_File_Uploaded_Again_Between_Plan_And_Apply()
    {
        // Given a planned file that a new build replaced (other bytes, later time)
        await DryRunAsync();
        _service.Files["/builds/1.2.0/app.zip"] = new FakeFile(Now.AddMinutes(-5), 2000, "rebuilt 1.2.0");

        // When
        var applied = await ApplyAsync();

        // Then it is kept, reported with a coded warning that says what changed
        Assert.Equal(["/builds/1.0.0/app.zip", "/builds/1.1.0/app.zip", "/builds/1.3.0/app.zip"], applied.Deleted.Select(d => d.Path));
        var skipped = Assert.Single(applied.SkippedAsChanged);
        Assert.Equal(("/builds/1.2.0/app.zip", "changed-since-plan"), (skipped.Path, skipped.Reason));
        Assert.Contains("SHA-256", skipped.Note, StringComparison.Ordinal);
        Assert.Contains("modified at", skipped.Note, StringComparison.Ordinal);
        Assert.True(_service.Files.ContainsKey("/builds/1.2.0/app.zip"));
        var warning = Assert.Single(applied.Problems);
        Assert.Equal((ProblemSeverity.Warning, ErrorCodes.ChangedSinceChecked, "/builds/1.2.0/app.zip"), (warning.Severity, warning.Code, warning.Subject));
        Assert.Equal(1000 + 1001 + 1003, applied.BytesFreed);
    }

    [Fact]
    public async Task Should_Keep_A_File_Whose_Bytes_Changed_At_The_Same_Time()
    {
        await DryRunAsync();
        var same = _service.Files["/builds/1.1.0/app.zip"];
        _service.Files["/builds/1.1.0/app.zip"] = same with { Content = "other bytes, same second" };

        var applied = await ApplyAsync();

        Assert.Equal("/builds/1.1.0/app.zip", Assert.Single(applied.SkippedAsChanged).Path);
    }

    [Fact]
    public async Task Should_Report_A_Planned_File_Already_Gone()
    {
        await DryRunAsync();
        _service.Files.Remove("/builds/1.0.0/app.zip");

        var applied = await ApplyAsync();

        Assert.Equal(["/builds/1.0.0/app.zip"], applied.AlreadyGone.Select(g => g.Path));
        Assert.Equal(Planned.Skip(1), applied.Deleted.Select(d => d.Path));
        Assert.Equal(1001 + 1002 + 1003, applied.BytesFreed);
        Assert.Equal(ErrorCodes.AlreadyGone, Assert.Single(applied.Problems).Code);
        Assert.Contains("1 already gone", applied.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_generic_2", "/builds")]
    [InlineData(Repository, "/builds/1.0.0")]
    [InlineData(Repository, "/")]
    public async Task Should_Refuse_A_Plan_For_Another_Repository_Or_Root_Before_Any_Request(string repository, string root)
    {
        await DryRunAsync();
        var before = _service.Requests.Count;

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => ApplyAsync(new CleanupOptions { Repository = repository, RootPath = root }));

        Assert.Equal(ErrorCodes.PlanMismatch, error.Code);
        Assert.Equal("FromPlan", error.ParameterName);
        Assert.Contains(Repository, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"/builds\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _service.Requests.Count);
    }

    [Fact]
    public async Task Should_Accept_The_Same_Root_Written_Another_Way()
    {
        await DryRunAsync();

        var applied = await ApplyAsync(new CleanupOptions { Repository = Repository, RootPath = "/builds/" });

        Assert.Equal(Planned, applied.Deleted.Select(d => d.Path));
    }

    [Fact]
    public async Task Should_Apply_MaxDeletions_To_A_Plan_Before_Any_Request()
    {
        await DryRunAsync();
        var before = _service.Requests.Count;

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => ApplyAsync(new CleanupOptions { Repository = Repository, RootPath = "/builds", MaxDeletions = 3 }));

        Assert.Equal(ErrorCodes.TooManyDeletions, error.Code);
        Assert.Equal(before, _service.Requests.Count);
    }

    public static TheoryData<string, string> BadPlans => new()
    {
        { "not json", "not a cleanup plan's JSON" },
        { "null", "holds null" },
        { """{"kind":"something-else","version":1,"repository":"r","rootPath":"/","files":[]}""", "kind and version" },
        { $$"""{"kind":"codeartifact-cleanup-plan","version":2,"repository":"{{Repository}}","rootPath":"/builds","files":[]}""", "kind and version" },
        { $$"""{"kind":"codeartifact-cleanup-plan","version":1,"repository":"{{Repository}}","rootPath":"/builds","files":[{"path":"/etc/passwd"}]}""", "not a file inside its rootPath" },
        { $$"""{"kind":"codeartifact-cleanup-plan","version":1,"repository":"{{Repository}}","rootPath":"/builds","files":[{"path":"/builds/../etc/x"}]}""", "not a file inside its rootPath" },
        { $$"""{"kind":"codeartifact-cleanup-plan","version":1,"repository":"{{Repository}}","rootPath":"/builds","files":[{"path":"/builds/a"},{"path":"/builds/a"}]}""", "a second time" },
        { $$"""{"kind":"codeartifact-cleanup-plan","version":1,"repository":"","rootPath":"/builds","files":[]}""", "lacks its repository" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task Should_Refuse_A_Bad_Plan_Before_Any_Request(string content, string why)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PlanPath)!);
        await File.WriteAllTextAsync(PlanPath, content);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => ApplyAsync());

        Assert.Equal(ErrorCodes.InvalidPlan, error.Code);
        Assert.Equal("FromPlan", error.ParameterName);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was deleted", error.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Refuse_A_Missing_Plan_File()
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => ApplyAsync());

        Assert.Equal(ErrorCodes.InvalidPlan, error.Code);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Refuse_PlanFile_Without_A_Dry_Run_And_FromPlan_With_One()
    {
        var writing = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(Policy with { PlanFile = PlanPath }));
        var applying = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(Policy with { DryRun = true, FromPlan = PlanPath }));

        Assert.Equal(("PlanFile", ErrorCodes.InvalidArgument), (writing.ParameterName, writing.Code));
        Assert.Equal(("FromPlan", ErrorCodes.InvalidArgument), (applying.ParameterName, applying.Code));
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Fail_With_CART0507_If_The_Plan_Cannot_Be_Written()
    {
        // Given a PlanFile that is an existing folder
        Directory.CreateDirectory(PlanPath);

        var error = await Assert.ThrowsAsync<CodeArtifactException>(DryRunAsync);

        Assert.Equal(ErrorCodes.PlanWriteFailed, error.Code);
        Assert.Equal("PlanFile", error.ParameterName);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(PlanPath)!)); // no temporary file left behind
    }

    [Fact]
    public async Task Should_Keep_A_Planned_File_It_Cannot_Confirm()
    {
        // Given a plan entry with neither digest nor time (its detail could not be read by the dry run)
        Directory.CreateDirectory(Path.GetDirectoryName(PlanPath)!);
        await File.WriteAllTextAsync(PlanPath, $$"""
            {"kind":"codeartifact-cleanup-plan","version":1,"repository":"{{Repository}}","rootPath":"/builds",
             "files":[{"path":"/builds/1.0.0/app.zip","size":null,"lastModified":null,"sha256":null}]}
            """);

        var applied = await ApplyAsync();

        Assert.Empty(applied.Deleted);
        Assert.Contains("cannot be confirmed", Assert.Single(applied.SkippedAsChanged).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_Only_What_The_Documented_Schema_Describes()
    {
        // Given the JSON Schema shipped beside the plan types
        await DryRunAsync();
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(SchemaPath()));
        using var plan = JsonDocument.Parse(await File.ReadAllTextAsync(PlanPath));

        // Then the plan has every required property, and no property the schema does not name
        AssertMatches(schema.RootElement, plan.RootElement);
        AssertMatches(schema.RootElement.GetProperty("properties").GetProperty("policy"), plan.RootElement.GetProperty("policy"));
        var fileSchema = schema.RootElement.GetProperty("properties").GetProperty("files").GetProperty("items");
        Assert.All(plan.RootElement.GetProperty("files").EnumerateArray(), f => AssertMatches(fileSchema, f));
    }

    private static void AssertMatches(JsonElement schema, JsonElement value)
    {
        var required = schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
        var described = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var written = value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(described, written);
        Assert.Equal(required, written);
    }

    private static string SchemaPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "CodeArtifact.Core", "Jobs", "Cleanup", "Plans", "cleanup-plan.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("cleanup-plan.schema.json was not found above the test folder.");
    }

    private static string Sha256(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
