using System.Xml.Linq;
using CodeArtifact.Core.Jobs;
using static CodeArtifact.Core.Tests.Jobs.MavenSettingsSamples;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>Maven's mirror selection (Resolver's DefaultMirrorSelector), as the mirror warning reads it.</summary>
public sealed class MavenMirrorSelectorTests
{
    private const string Id = "ours";
    private const string Remote = "https://devrepo.example.test/artgalaxy/ours/";

    [Theory]
    [InlineData("*", Remote, true)]
    [InlineData("external:*", Remote, true)]
    [InlineData("ours", Remote, true)]
    [InlineData("central,ours", Remote, true)]
    [InlineData("central, ours ", Remote, true)]
    [InlineData("central", Remote, false)]
    [InlineData("*,!ours", Remote, false)]
    [InlineData(" * , !ours ", Remote, false)]
    [InlineData("!ours,*", Remote, false)]
    [InlineData("external:*,!ours", Remote, false)]
    [InlineData("ourselves", Remote, false)]
    [InlineData("external:http:*", Remote, false)]
    [InlineData("external:http:*", "http://devrepo.example.test/ours/", true)]
    [InlineData("external:*", "http://127.0.0.1:5080/artgalaxy/ours/", false)]
    [InlineData("external:*", "http://localhost:5080/artgalaxy/ours/", false)]
    [InlineData("external:*", "http://user@localhost/artgalaxy/ours/", false)]
    [InlineData("external:*", "file:///srv/m2/", false)]
    [InlineData("external:http:*", "http://127.0.0.1:5080/artgalaxy/ours/", false)]
    [InlineData("external:*", "http://LOCALHOST:5080/ours/", true)] // Maven compares the host as written
    [InlineData("external:*", "http://[::1]:5080/ours/", true)] // and knows no other loopback form
    [InlineData("external:*", "http://127.0.0.2:5080/ours/", true)]
    [InlineData("*", "http://127.0.0.1:5080/artgalaxy/ours/", true)]
    public void Should_Match_As_Maven_Does(string mirrorOf, string url, bool expected)
    {
        Assert.Equal(expected, MavenMirrorSelector.Matches(mirrorOf, Id, url));
    }

    [Fact]
    public void Should_Name_The_Mirror_Maven_Picks_An_Exact_Id_Before_An_Earlier_Wildcard()
    {
        var root = Settings(("everything", "*", null), ("just-release", ReleaseId, null));

        var catches = MavenMirrorSelector.Catches(root, [Release(), Snapshot()]);

        Assert.Equal(2, catches.Count);
        Assert.Equal("everything", catches[0].MirrorId);
        Assert.Equal([SnapshotId], catches[0].RepositoryIds);
        Assert.Equal("just-release", catches[1].MirrorId);
        Assert.Equal([ReleaseId], catches[1].RepositoryIds);
    }

    [Fact]
    public void Should_Skip_A_Mirror_That_Does_Not_Serve_The_Default_Layout()
    {
        var root = Settings(("legacy-only", "*", "legacy"));

        Assert.Empty(MavenMirrorSelector.Catches(root, [Release()]));
    }

    [Theory]
    [InlineData("*", "*,!a,!b")]
    [InlineData("external:*", "external:*,!a,!b")]
    [InlineData("central,a,b", "central")]
    [InlineData("a,b", "")]
    [InlineData("*,!a", "*,!a,!b")]
    public void Should_Suggest_A_MirrorOf_That_Lets_Them_Through(string mirrorOf, string expected)
    {
        var suggestion = MavenMirrorSelector.SuggestMirrorOf(mirrorOf, ["a", "b"]);

        Assert.Equal(expected, suggestion);
        if (suggestion.Length > 0)
        {
            Assert.False(MavenMirrorSelector.Matches(suggestion, "a", Remote));
            Assert.False(MavenMirrorSelector.Matches(suggestion, "b", Remote));
        }
    }

    private static XElement Settings(params (string Id, string MirrorOf, string? Layouts)[] mirrors) => new(
        "settings",
        new XElement(
            "mirrors",
            mirrors.Select(m => new XElement(
                "mirror",
                new XElement("id", m.Id),
                new XElement("url", "https://mirror.example/"),
                new XElement("mirrorOf", m.MirrorOf),
                m.Layouts is null ? null : new XElement("mirrorOfLayouts", m.Layouts)))));
}
