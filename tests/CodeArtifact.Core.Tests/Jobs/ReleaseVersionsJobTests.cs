using System.Globalization;
using System.Net;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class ReleaseVersionsJobTests
{
    private readonly FakeArtifactService _service = new();
    private readonly List<CodeArtifactLogEvent> _log = [];

    private ReleaseVersionsJob Job(Action<CodeArtifactClientOptions>? configure = null) =>
        new(_service.CreateClient(configure), e => { lock (_log) { _log.Add(e); } });

    private void AddVersions(int count, Func<int, string>? version = null)
    {
        // Shuffled, so the order comes from the job and not from the service
        var random = new Random(count);
        foreach (var i in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
        {
            var v = version?.Invoke(i) ?? $"1.{i}.0";
            _service.Releases.Add((v, $"/release/app/{v}/app.zip"));
        }
    }

    private int[] Offsets => _service.Requests.Select(r => int.Parse(r.QueryValue("offset")!, CultureInfo.InvariantCulture)).Order().ToArray();

    [Fact]
    public async Task Should_Read_All_Pages_And_Order_By_Version()
    {
        // Given 250 versions
        AddVersions(250);

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app.zip" });

        // Then three pages of 100 at offsets 0, 100, 200, every version once, in version order
        Assert.Equal([0, 100, 200], Offsets);
        Assert.All(_service.Requests, r => Assert.Equal("100", r.QueryValue("limit")));
        Assert.All(_service.Requests, r => Assert.Equal("app.zip", r.QueryValue("file_name")));
        Assert.All(_service.Requests, r => Assert.Equal($"/v2/{FakeArtifactService.ProjectId}/release/files", r.Path));
        Assert.Equal(250, result.Versions.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"1.{i}.0"), result.Versions.Select(v => v.Version));
        Assert.Equal("1.249.0", result.Latest!.Version);
        Assert.Equal("https://download.example.test/release/app/1.249.0/app.zip", result.Latest.DownloadUrl);
        Assert.Equal(250, result.TotalRecords);
        Assert.True(result.Complete);
        Assert.DoesNotContain(_log, e => e.Severity == LogSeverity.Warning);
    }

    [Fact]
    public async Task Should_Fetch_1000_Records_In_Two_Sequential_Round_Trips()
    {
        // Given 1,000 versions, and a service that holds every page after the first until all
        // nine remaining pages are being asked for at the same time
        AddVersions(1000);
        var waiting = 0;
        var allAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _service.Intercept = async (request, token) =>
        {
            if (request.QueryValue("offset") == "0")
            {
                return null;
            }

            if (Interlocked.Increment(ref waiting) == 9)
            {
                allAsked.SetResult();
            }

            try
            {
                await allAsked.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
                return null;
            }
            catch (TimeoutException)
            {
                return FakeArtifactService.Json("""{"error_code":"TEST","error_msg":"the remaining pages were asked for one after another"}""", HttpStatusCode.BadRequest);
            }
        };

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then: the first page, then the nine others and the (empty) one past the total at once
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 100), Offsets);
        Assert.Equal(1000, result.Versions.Count);
        Assert.Equal(11, result.PagesFetched);
        Assert.True(result.Complete);
    }

    [Fact]
    public async Task Should_Not_Loop_Or_Duplicate_If_Server_Ignores_Offset()
    {
        // Given a service that claims 1,000 records but always answers the first page
        AddVersions(1000);
        _service.IgnoreOffset = true;

        // When (MaxConcurrency 3, so a second round would be needed if the first brought news)
        var result = await Job(o => o.MaxConcurrency = 3).RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then one page plus one round that brought nothing new, and each record once
        Assert.Equal([0, 100, 200, 300], Offsets);
        Assert.Equal(100, result.Versions.Count);
        Assert.Equal(100, result.Versions.Select(v => (v.Version, v.Path)).Distinct().Count());
        Assert.False(result.Complete);
        var warning = Assert.Single(_log, e => e.Severity == LogSeverity.Warning);
        Assert.Equal(ErrorCodes.IncompletePaging, warning.Code);
        Assert.Contains("1000", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Warn_If_Fewer_Records_Than_Total_Came_Back()
    {
        // Given a service that says 300 but has 150
        AddVersions(150);
        _service.ClaimedTotal = 300;

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then every record it has, and warning CART0402
        Assert.Equal(150, result.Versions.Count);
        Assert.Equal(300, result.TotalRecords);
        Assert.Equal(150, result.RecordsReceived);
        Assert.False(result.Complete);
        Assert.Contains(_log, e => e.Code == ErrorCodes.IncompletePaging);
    }

    [Fact]
    public async Task Should_Step_By_The_Page_Size_The_Server_Gives()
    {
        // Given a service that never returns more than 30 records a page
        AddVersions(100);
        _service.PageCap = 30;

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        Assert.Equal([0, 30, 60, 90], Offsets);
        Assert.Equal(100, result.Versions.Count);
        Assert.True(result.Complete);
    }

    [Fact]
    public async Task Should_Walk_Page_By_Page_If_Server_Gives_No_Total()
    {
        // Given 230 records and a total of 0
        AddVersions(230);
        _service.ClaimedTotal = 0;

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        Assert.Equal([0, 100, 200], Offsets);
        Assert.Equal(230, result.Versions.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(150)]
    public async Task Should_Read_On_While_Pages_Are_Full_If_The_Total_Understates(int claimed)
    {
        // Given 250 records and a total_records that says fewer
        AddVersions(250);
        _service.ClaimedTotal = claimed;

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then every full page is followed by the next, up to the short one
        Assert.Equal([0, 100, 200], Offsets);
        Assert.Equal(250, result.Versions.Count);
        Assert.Equal("1.249.0", result.Latest!.Version);
        Assert.True(result.Complete);
        Assert.DoesNotContain(_log, e => e.Code == ErrorCodes.IncompletePaging);
    }

    [Fact]
    public async Task Should_Read_On_If_The_Total_Is_0_With_Full_Pages()
    {
        // Given exactly three full pages and no total
        AddVersions(300);
        _service.ClaimedTotal = 0;

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then the empty page after the third ends it
        Assert.Equal([0, 100, 200, 300], Offsets);
        Assert.Equal(300, result.Versions.Count);
        Assert.True(result.Complete);
    }

    [Fact]
    public async Task Should_Stop_Where_The_Records_End_If_The_Total_Overstates()
    {
        // Given 120 records and a total of 1,000
        AddVersions(120);
        _service.ClaimedTotal = 1000;

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then one wave for the announced pages, no walk beyond the short page, and CART0402
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 100), Offsets);
        Assert.Equal(120, result.Versions.Count);
        Assert.False(result.Complete);
        Assert.Contains("1000 records", Assert.Single(_log, e => e.Code == ErrorCodes.IncompletePaging).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Stop_At_The_Page_Ceiling_With_CART0402_If_Pages_Never_End()
    {
        // Given a service whose every page is full of new records, with no total
        _service.Intercept = (request, _) =>
        {
            var offset = int.Parse(request.QueryValue("offset")!, CultureInfo.InvariantCulture);
            var data = string.Join(',', Enumerable.Range(offset, 100).Select(i => $$"""{"version":"1.{{i}}","path":"/app/1.{{i}}/app.zip","download_url":"https://d/{{i}}"}"""));
            return Task.FromResult<HttpResponseMessage?>(FakeArtifactService.Json("{\"result\":{\"data\":[" + data + "],\"total_records\":0,\"total_pages\":0}}"));
        };

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", MaxResults = 1 });

        // Then it stopped at the documented ceiling, said so, and kept what it read
        Assert.Equal(ReleaseVersionsJob.MaxPages, result.PagesFetched);
        Assert.Equal(ReleaseVersionsJob.MaxPages, _service.Requests.Count);
        Assert.Equal(ReleaseVersionsJob.MaxPages * ReleaseVersionsJob.PageSize, result.RecordsReceived);
        Assert.False(result.Complete);
        Assert.Equal("1.99999", result.Latest!.Version);
        var warning = Assert.Single(_log, e => e.Code == ErrorCodes.IncompletePaging);
        Assert.Equal(LogSeverity.Warning, warning.Severity);
        Assert.Contains("1000 pages", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("; the list may be incomplete.", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Return_Nothing_If_Nothing_Matches()
    {
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "absent" });

        Assert.Empty(result.Versions);
        Assert.Null(result.Latest);
        Assert.True(result.Complete);
        Assert.Single(_service.Requests);
    }

    [Fact]
    public async Task Should_Keep_The_Highest_N_And_Pick_The_Latest_Release()
    {
        // Given releases and pre-releases
        string[] versions = ["1.2.9", "1.10.0", "1.2.10", "2.0.0-rc.1", "1.9.12", "2.0.0-beta", "v1.10.1"];
        foreach (var v in versions)
        {
            _service.Releases.Add((v, $"/r/{v}.zip"));
        }

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", MaxResults = 3 });
        var withPrerelease = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", IncludePrerelease = true });

        // Then the three highest, ascending, and the highest release as latest
        Assert.Equal(["v1.10.1", "2.0.0-beta", "2.0.0-rc.1"], result.Versions.Select(v => v.Version));
        Assert.Equal("v1.10.1", result.Latest!.Version);
        Assert.Equal(["1.2.9", "1.2.10", "1.9.12", "1.10.0", "v1.10.1", "2.0.0-beta", "2.0.0-rc.1"], withPrerelease.Versions.Select(v => v.Version));
        Assert.Equal("2.0.0-rc.1", withPrerelease.Latest!.Version);
    }

    [Fact]
    public async Task Should_Ask_The_Given_Project()
    {
        const string other = "0123456789abcdef0123456789abcdef";

        await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", ProjectId = other });

        Assert.Equal($"/v2/{other}/release/files", Assert.Single(_service.Requests).Path);
    }

    [Theory]
    [InlineData("", null, "FileName")]
    [InlineData("bad name!", null, "FileName")]
    [InlineData("app", 0, "MaxResults")]
    public async Task Should_Reject_Bad_Input_Before_Any_Request(string fileName, int? maxResults, string parameter)
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ReleaseVersionsOptions { FileName = fileName, MaxResults = maxResults }));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Should_Fail_With_The_Service_Error()
    {
        _service.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(
            FakeArtifactService.Json("""{"error_code":"CR.4102","error_msg":"You do not have permissions on the project."}""", HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" }));

        Assert.Equal("CR.4102", error.ServiceErrorCode);
        Assert.Equal(403, error.HttpStatus);
    }

    [Fact]
    public async Task Should_Drop_Duplicate_Records_Within_A_Page()
    {
        // Given the same (version, path) twice
        _service.Releases.AddRange([("1.0.0", "/app/1.0.0/app.zip"), ("1.0.0", "/app/1.0.0/app.zip"), ("1.1.0", "/app/1.1.0/app.zip")]);

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        Assert.Equal(["/app/1.0.0/app.zip", "/app/1.1.0/app.zip"], result.Versions.Select(v => v.Path));
        Assert.Equal(2, result.RecordsReceived);
        Assert.Equal(1, result.PagesFetched);
    }
}
