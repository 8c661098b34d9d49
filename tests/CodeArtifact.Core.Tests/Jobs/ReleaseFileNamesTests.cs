using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class ReleaseFileNamesTests
{
    [Theory]
    [InlineData("/app/1.2.0/app-1.2.0.zip", "1.2.0", "/app/{version}/app-{version}.zip")]
    [InlineData("/app/v1.2.0/app.zip", "v1.2.0", "/app/{version}/app.zip")]
    [InlineData("/app/1.2.0/app-1.2.0.zip", "v1.2.0", "/app/{version}/app-{version}.zip")] // the v is optional in the path
    [InlineData("/app/1.0/app-1.0.1.zip", "1.0", "/app/{version}/app-1.0.1.zip")] // 1.0 is not a token of 1.0.1
    [InlineData("/app/2.1.0/app.zip", "1.0", "/app/{version}/app.zip")] // 1.0 is not in 2.1.0; the version-like folder stands for it
    [InlineData("/app/1/app1.zip", "1", "/app/{version}/app1.zip")] // not inside a word
    [InlineData("/r/1.0.0-rc.1.zip", "1.0.0-rc.1", "/r/{version}.zip")]
    [InlineData("/app/20240101.5/app.zip", "1.0.0", "/app/{version}/app.zip")]
    [InlineData("/app/latest/app.zip", "1.0.0", "/app/latest/app.zip")]
    [InlineData("/app/1.0.0/app.zip", "", "/app/{version}/app.zip")]
    public void Should_Take_The_Version_Out_Of_The_Path(string path, string version, string pattern) =>
        Assert.Equal(pattern, ReleaseFileNames.FilePattern(path, version));

    [Theory]
    [InlineData("/app/{version}/app-{version}.zip", "app.zip")]
    [InlineData("/app/{version}/app_{version}.tar.gz", "app.tar.gz")]
    [InlineData("/app/{version}/{version}-app.zip", "app.zip")]
    [InlineData("/app/{version}/app.zip", "app.zip")]
    [InlineData("/r/{version}.zip", ".zip")]
    [InlineData("/app/{version}/app-{version}.zip.sha256", "app.zip.sha256")]
    public void Should_Name_The_File_Without_The_Version(string pattern, string name) =>
        Assert.Equal(name, ReleaseFileNames.Name(pattern));

    [Theory]
    [InlineData("/a/{version}/app-{version}.zip", "app", true)]
    [InlineData("/a/{version}/app-{version}.tar.gz", "app", true)]
    [InlineData("/a/{version}/app-{version}.zip", "app.zip", true)]
    [InlineData("/a/{version}/app-tools-{version}.zip", "app", false)]
    [InlineData("/a/{version}/my-app-{version}.zip", "app", false)]
    [InlineData("/a/{version}/App-{version}.zip", "app", false)] // case-sensitive
    public void Should_Tell_A_File_Named_As_Asked(string pattern, string fileName, bool named) =>
        Assert.Equal(named, ReleaseFileNames.IsNamed(pattern, fileName));

    [Theory]
    [InlineData("/a/app.zip.sha256", true)]
    [InlineData("/a/app.zip.SHA512", true)]
    [InlineData("/a/app.zip.sha1", true)]
    [InlineData("/a/app.zip.md5", true)]
    [InlineData("/a/app.zip.asc", true)]
    [InlineData("/a/app.zip.sig", true)]
    [InlineData("/a/app.zip", false)]
    [InlineData("/a/app.sigma", false)]
    [InlineData("/a/sha256/app.zip", false)]
    public void Should_Tell_A_Sidecar(string path, bool sidecar) =>
        Assert.Equal(sidecar, ReleaseFileNames.IsSidecar(path));
}
