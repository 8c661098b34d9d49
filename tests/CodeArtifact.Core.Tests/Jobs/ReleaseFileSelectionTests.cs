using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Tests.Jobs.Fakes;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>
/// The release API's file_name is a fuzzy search: the job keeps the one file asked for. The fake
/// service answers every record whatever the file_name, as a fuzzy search at its widest would.
/// </summary>
public sealed class ReleaseFileSelectionTests
{
    private readonly FakeArtifactService _service = new();
    private readonly List<CodeArtifactLogEvent> _log = [];

    private ReleaseVersionsJob Job() => new(_service.CreateClient(), e => { lock (_log) { _log.Add(e); } });

    private void Add(params string[] paths)
    {
        foreach (var path in paths)
        {
            // The version is the folder: /release/<file>/<version>/<name>
            _service.Releases.Add((path.Split('/')[3], path));
        }
    }

    private void AddNeighbours()
    {
        Add(
            "/release/app/1.9.0/app-1.9.0.zip",
            "/release/app/1.10.0/app-1.10.0.zip",
            "/release/app/1.10.0/app-1.10.0.zip.sha256",
            "/release/app/1.10.0/app-1.10.0.zip.asc",
            "/release/app/2.0.0/app-2.0.0.zip.sha512",
            "/release/app-tools/9.0.0/app-tools-9.0.0.zip",
            "/release/my-app/3.0.0/my-app-3.0.0.zip");
    }

    [Fact]
    public async Task Should_List_Only_The_File_Named_As_Asked()
    {
        // Given app, its fuzzy neighbours app-tools and my-app, and sidecars (one of a higher version)
        AddNeighbours();

        // When
        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        // Then the versions, the latest and its URL are app's
        Assert.Equal(["1.9.0", "1.10.0"], result.Versions.Select(v => v.Version));
        Assert.Equal("/release/app/1.10.0/app-1.10.0.zip", result.Latest!.Path);
        Assert.Equal("https://download.example.test/release/app/1.10.0/app-1.10.0.zip", result.Latest.DownloadUrl);
        Assert.Equal("/release/app/{version}/app-{version}.zip", result.File);
        Assert.Equal(["/release/app-tools/{version}/app-tools-{version}.zip", "/release/my-app/{version}/my-app-{version}.zip"], result.OtherFiles);
        Assert.Equal(3, result.SidecarsLeftOut);
        Assert.Equal(7, result.RecordsReceived);
        Assert.Equal("Release versions of app.zip: 2 versions, latest 1.10.0 (2 other files and 3 checksum or signature files left out).", result.Summary);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("app-tools", "9.0.0")]
    [InlineData("my-app", "3.0.0")]
    [InlineData("app-tools-9.0.0.zip", "9.0.0")] // a name may hold the version too: it is the one record named so
    public async Task Should_Pick_A_Neighbour_If_It_Is_The_One_Asked_For(string fileName, string latest)
    {
        AddNeighbours();

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = fileName });

        Assert.Equal(latest, result.Latest!.Version);
        Assert.Equal([latest], result.Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Should_Never_Take_A_Sidecar_For_The_Latest()
    {
        // Given only sidecars for the highest version, which sorts after the file by path
        Add("/release/app/1.0.0/app.zip", "/release/app/2.0.0/app.zip.sha256", "/release/app/2.0.0/app.zip.sig", "/release/app/2.0.0/app.zip.MD5", "/release/app/2.0.0/app.zip.sha1");

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app.zip" });

        Assert.Equal("1.0.0", Assert.Single(result.Versions).Version);
        Assert.Equal("/release/app/1.0.0/app.zip", result.Latest!.Path);
        Assert.Equal(4, result.SidecarsLeftOut);
    }

    [Fact]
    public async Task Should_Fail_With_A_Coded_Error_Listing_The_Files_If_None_Is_Named_As_Asked()
    {
        // Given "ap", which names none of the three files exactly
        AddNeighbours();

        // When
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ReleaseVersionsOptions { FileName = "ap" }));

        // Then CART0403 names the files found and how to choose
        Assert.Equal(ErrorCodes.AmbiguousReleaseFile, error.Code);
        Assert.Contains("\"ap\" matches 3 files", error.Message, StringComparison.Ordinal);
        Assert.Contains("app.zip (/release/app/{version}/app-{version}.zip)", error.Message, StringComparison.Ordinal);
        Assert.Contains("app-tools.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("my-app.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("Choose one with PathFilter, a glob of its path (such as /release/app-tools/*/app-tools-*.zip).", error.Message, StringComparison.Ordinal);

        // The stored names hold the version, so the exact name would not help the service's search
        Assert.DoesNotContain("set FileName", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log, e => e.Severity == LogSeverity.Info && e.Message.StartsWith("Found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Fail_If_Several_Files_Are_Named_As_Asked_And_Let_PathFilter_Choose()
    {
        // Given two paths per version: a .zip and a .tar.gz, both "app"
        Add("/release/app/1.0.0/app-1.0.0.zip", "/release/app/1.0.0/app-1.0.0.tar.gz", "/release/app/1.1.0/app-1.1.0.zip", "/release/app/1.1.0/app-1.1.0.tar.gz");

        // When asked for "app"
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" }));

        // Then it is ambiguous between the two
        Assert.Equal(ErrorCodes.AmbiguousReleaseFile, error.Code);
        Assert.Contains("2 of them are named so", error.Message, StringComparison.Ordinal);
        Assert.Contains("app.tar.gz", error.Message, StringComparison.Ordinal);

        // And PathFilter, or the exact name, chooses one
        var zip = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", PathFilter = "**/*.zip" });
        var tar = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app.tar.gz" });
        Assert.All(zip.Versions, v => Assert.EndsWith(".zip", v.Path, StringComparison.Ordinal));
        Assert.Equal(2, zip.Versions.Count);
        Assert.Equal(2, zip.FilteredOut);
        Assert.Equal("/release/app/1.1.0/app-1.1.0.tar.gz", tar.Latest!.Path);
    }

    [Fact]
    public async Task Should_Suggest_The_Exact_Name_If_Stored_Names_Hold_No_Version()
    {
        Add("/release/app/1.0.0/app.zip", "/release/app-tools/1.0.0/app-tools.zip");

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ReleaseVersionsOptions { FileName = "ap" }));

        Assert.EndsWith("Choose one with PathFilter, a glob of its path (such as /release/app-tools/*/app-tools.zip), or set FileName to its exact name (such as app-tools.zip).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Match_PathFilter_Against_The_Record_Path()
    {
        AddNeighbours();

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "ap", PathFilter = "/release/my-app/*/*.zip" });

        Assert.Equal("3.0.0", Assert.Single(result.Versions).Version);
        Assert.Equal(3, result.FilteredOut); // of the four records that are not sidecars
    }

    [Fact]
    public async Task Should_Warn_With_No_Version_If_PathFilter_Matches_Nothing()
    {
        AddNeighbours();

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", PathFilter = "**/*.msi" });

        Assert.Empty(result.Versions);
        Assert.Null(result.File);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Warning, ErrorCodes.NoReleaseVersion), (problem.Severity, problem.Code));
        Assert.Contains("PathFilter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Prefer_The_File_In_A_Folder_Named_As_Asked()
    {
        // Given files named alike in folders named after the release
        Add("/release/app/1.0.0/package.zip", "/release/app/1.1.0/package.zip", "/release/app-tools/2.0.0/package.zip");

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        Assert.Equal(["1.0.0", "1.1.0"], result.Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Should_Group_Records_Whose_Path_Holds_A_Build_Number_Instead_Of_The_Version()
    {
        // Given versions stored under build-number folders
        _service.Releases.AddRange([("1.0.0", "/release/app/20240101.5/app.zip"), ("1.1.0", "/release/app/20240301.2/app.zip"), ("1.1.0", "/release/app/20240301.2/app.zip.sha256")]);

        var result = await Job().RunAsync(new ReleaseVersionsOptions { FileName = "app" });

        Assert.Equal(["1.0.0", "1.1.0"], result.Versions.Select(v => v.Version));
        Assert.Equal("/release/app/{version}/app.zip", result.File);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("../**/*.zip")]
    [InlineData("a\u0001")]
    public async Task Should_Reject_A_Bad_PathFilter_Before_Any_Request(string glob)
    {
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => Job().RunAsync(new ReleaseVersionsOptions { FileName = "app", PathFilter = glob }));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("PathFilter", error.ParameterName);
        Assert.Empty(_service.Requests);
    }
}
