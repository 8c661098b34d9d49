using System.Text;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Core.Tests.Integration;

/// <summary>
/// Issue 11 against the emulator: a fuzzy release search narrowed to the file asked for, and
/// repository-level failures of a verification reported once.
/// </summary>
public sealed class ReleasesAndVerdictsEmulatorTests(JobsEmulatorFixture emulator) : IClassFixture<JobsEmulatorFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-it11-").FullName;

    private EmulatorServer Server => emulator.Server;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Seeds <c>{name}</c> (zip, tar.gz and a sidecar per version, the sidecar of the highest version alone), <c>{name}-tools</c> and <c>my-{name}</c>.</summary>
    private string SeedNeighbours() => SeedNeighboursIn().Name;

    private (string Name, string ReleaseRepository) SeedNeighboursIn()
    {
        var name = "r" + Guid.NewGuid().ToString("N")[..8];
        var repository = Server.Seed.AddReleaseFile(name, "0.1.0").RepositoryId;
        foreach (var version in new[] { "1.9.0", "1.10.0", "1.2.0" })
        {
            Server.Seed.AddReleaseFile(name, version);
            Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.tar.gz");
            Server.Seed.AddReleaseFile(name, version, fileName: $"{name}-{version}.zip.sha256");
        }

        Server.Seed.AddReleaseFile(name, "2.0.0", fileName: $"{name}-2.0.0.zip.asc");
        Server.Seed.AddReleaseFile(name + "-tools", "9.0.0");
        Server.Seed.AddReleaseFile("my-" + name, "3.0.0");
        return (name, repository);
    }

    [Fact]
    public async Task Release_Versions_Latest_And_Url_Are_The_Asked_Files()
    {
        // Given app, app-tools, my-app, sidecars and two paths per version
        var name = SeedNeighbours();
        using var client = emulator.CreateClient();

        // When the zip is asked for with a PathFilter, on the path or on the name only
        var byFolder = await new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name, PathFilter = $"/{name}/*/*.zip" });
        var byFilter = await new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name, PathFilter = "**/*.zip" });

        // Then both give the zip's versions, in version order, and its latest and URL
        foreach (var result in new[] { byFolder, byFilter })
        {
            Assert.Equal(["0.1.0", "1.2.0", "1.9.0", "1.10.0"], result.Versions.Select(v => v.Version));
            Assert.All(result.Versions, v => Assert.EndsWith($"/{name}-{v.Version}.zip", v.Path, StringComparison.Ordinal));
            Assert.Equal($"/{name}/1.10.0/{name}-1.10.0.zip", result.Latest!.Path);
            Assert.EndsWith($"/{name}/1.10.0/{name}-1.10.0.zip", result.Latest.DownloadUrl, StringComparison.Ordinal);
            Assert.Equal($"/{name}/{{version}}/{name}-{{version}}.zip", result.File);
        }

        Assert.Equal(4, byFilter.SidecarsLeftOut);
    }

    [Fact]
    public async Task The_Latest_Download_Url_Serves_The_Asked_File()
    {
        var (name, repository) = SeedNeighboursIn();
        using var client = emulator.CreateClient();

        var result = await new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name, PathFilter = "**/*.tar.gz" });

        Assert.Equal($"/{name}/1.10.0/{name}-1.10.0.tar.gz", result.Latest!.Path);
        Assert.NotNull(Server.Seed.FindFile(repository, result.Latest.Path));
        Assert.EndsWith($"{repository}/{name}/1.10.0/{name}-1.10.0.tar.gz", result.Latest.DownloadUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Ambiguous_Search_Gives_The_Coded_Error()
    {
        var name = SeedNeighbours();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name }));

        // Two files are named so (.zip and .tar.gz); the neighbours are not
        Assert.Equal(ErrorCodes.AmbiguousReleaseFile, error.Code);
        Assert.Contains($"{name}.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{name}.tar.gz", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"my-{name}", error.Message, StringComparison.Ordinal);
        Assert.Contains("PathFilter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Neighbour_Asked_For_By_Its_Own_Name_Is_Found_Alone()
    {
        var name = SeedNeighbours();
        using var client = emulator.CreateClient();

        var tools = await new ReleaseVersionsJob(client).RunAsync(new ReleaseVersionsOptions { FileName = name + "-tools" });

        Assert.Equal("9.0.0", Assert.Single(tools.Versions).Version);
        Assert.Empty(tools.OtherFiles);
    }

    [Fact]
    public async Task Verifying_Against_A_Repository_That_Does_Not_Exist_Gives_One_Coded_Error_Naming_It()
    {
        // Given files for a well-formed id the emulator does not have
        var absent = $"cn-north-4_{Server.Identity.TenantId}_generic_9999";
        var files = Enumerable.Range(0, 5).Select(i => new VerifyFileRequest(Local($"a{i}.zip", "a"), $"/a{i}.zip")).ToArray();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new ChecksumVerificationJob(client).RunAsync(new ChecksumVerificationOptions { Files = files, Repository = absent }));

        Assert.Equal(ErrorCodes.RepositoryNotFound, error.Code);
        Assert.Contains($"\"{absent}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verifying_Against_Another_Tenants_Repository_Gives_One_Coded_Error_Naming_It()
    {
        var foreign = Server.Seed.CreateRepository("generic", owner: WellKnownIdentities.Other).Id;
        Server.Seed.PutFile(foreign, "/a.zip", Encoding.UTF8.GetBytes("a"));
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new ChecksumVerificationJob(client).RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a.zip", "a"), "/a.zip")],
            Repository = foreign,
        }));

        Assert.Equal(ErrorCodes.RepositoryAccessDenied, error.Code);
        Assert.Contains($"\"{foreign}\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("CR.4102", error.ServiceErrorCode);
    }

    [Fact]
    public async Task A_Missing_File_In_An_Existing_Repository_Is_Still_Missing_Remotely()
    {
        var repository = Server.Seed.CreateRepository("generic").Id;
        using var client = emulator.CreateClient();

        var result = await new ChecksumVerificationJob(client).RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("new.zip", "new"), "/new.zip")],
            Repository = repository,
        });

        Assert.Equal(VerificationStatus.MissingRemotely, Assert.Single(result.Files).Status);
        Assert.Equal(ErrorCodes.MissingRemotely, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task A_Malformed_Repository_Id_Is_Refused_Before_Any_Request()
    {
        using var client = emulator.CreateClient();
        var before = Server.RequestLog.Snapshot().LastOrDefault();

        var error = await Assert.ThrowsAsync<CodeArtifactException>(() => new ChecksumVerificationJob(client).RunAsync(new ChecksumVerificationOptions
        {
            Files = [new VerifyFileRequest(Local("a.zip", "a"), "/a.zip")],
            Repository = "generic_3",
        }));

        Assert.Equal((ErrorCodes.InvalidArgument, "Repository"), (error.Code, error.ParameterName));
        Assert.Contains("\"generic_3\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Server.RequestLog.Snapshot().LastOrDefault());
    }

    private string Local(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
