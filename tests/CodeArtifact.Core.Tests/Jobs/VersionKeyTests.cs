using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class VersionKeyTests
{
    /// <summary>Each pair is (lower, higher): the documented loose order, and SemVer beside it.</summary>
    public static TheoryData<string, string> OrderedPairs => new()
    {
        // Pre-release qualifiers glued to the number, or after a dot or dash, sort before the release
        { "1.0rc1", "1.0" },
        { "1.0rc1", "1.0rc2" },
        { "1.0rc2", "1.0rc10" },
        { "1.0-rc1", "1.0" },
        { "1.0.RC1", "1.0" },
        { "1.0a1", "1.0b1" },
        { "1.0b1", "1.0rc1" },
        { "1.0alpha", "1.0beta" },
        { "1.0-alpha", "1.0-alpha2" },
        { "1.0.0.M1", "1.0.0.M2" },
        { "1.0.0.M2", "1.0.0.RC1" },
        { "1.0.0.RC1", "1.0.0.RELEASE" },
        { "1.0-beta", "1.0-SNAPSHOT" },
        { "1.0-SNAPSHOT", "1.0" },
        { "2.0-SNAPSHOT", "2.0.1" },
        { "1.0-dev", "1.0" },
        { "1.0-preview.1", "1.0-preview.2" },
        { "1.9", "2.0-beta1" },
        { "1.0rc1", "1.0.0.1" },
        { "1.0-cr1", "1.0-rc2" }, // cr is read as rc

        // Release words do not count
        { "1.2.0.Final", "1.2.1" },
        { "1.1.9.Final", "1.2.0.Final" },
        { "1.2.0.CR1", "1.2.0.Final" },
        { "1.2.0.Beta1", "1.2.0.GA" },
        { "1.2.GA", "1.2.1.GA" },

        // A leading v changes nothing
        { "v1.2", "1.3" },
        { "1.2", "v1.3" },
        { "v1.9.0", "v1.10.0" },
        { "V2.0.0-rc.1", "v2.0.0" },

        // Date stamps are numbers
        { "20240101.1", "20240101.2" },
        { "20240101.2", "20240102.1" },
        { "20231231.99", "20240101.1" },
        { "20240101", "20240101.1" },
        { "2024.1.9", "2024.1.10" },
        { "2023-11-29", "2023-12-01" },
        { "1.99.99", "20240101.1" },

        // Numbers by value, words after numbers
        { "1.2.9", "1.2.10" },
        { "1.9.12", "1.10.0" },
        { "1.0.9", "1.0.x" },
        { "1.0.0.9", "1.0.0.10" },
        { "1.0", "1.0.0.1" },
        { "0.9", "1" },

        // SemVer between SemVer and loose strings
        { "1.0.0-rc.1", "1.0" },
        { "1.0.0-alpha", "1.0rc1" },
        { "1.0rc1", "1.0.0" },
        { "0.9.99", "1.0-beta" },
        { "1.0.0-beta.2", "1.0.0-beta.11" },
    };

    /// <summary>Each pair has equal precedence.</summary>
    public static TheoryData<string, string> EqualPairs => new()
    {
        { "v1.2", "1.2" },
        { "V1.2.3", "1.2.3" },
        { "1.2.0.Final", "1.2.0" },
        { "1.2.0-RELEASE", "1.2" },
        { "1.2.GA", "1.2.0" },
        { "1.0RC1", "1.0-rc1" },
        { "1.0.0-rc.1", "1.0rc1" },
        { "1.0-CR1", "1.0.rc.1" },
        { "1.0b2", "1.0-beta-2" },
        { "01.2.3", "1.2.3" },
        { "20240101.1", "20240101.01" },
        { "1.2.3+build.7", "1.2.3+other" },
    };

    public sealed class TheOrder
    {
        [Theory]
        [MemberData(nameof(OrderedPairs), MemberType = typeof(VersionKeyTests))]
        public void Should_Order_Lower_Before_Higher(string lower, string higher)
        {
            Assert.True(VersionComparer.Instance.Compare(lower, higher) < 0, $"{lower} < {higher}");
            Assert.True(VersionComparer.Instance.Compare(higher, lower) > 0, $"{higher} > {lower}");
            Assert.True(VersionKey.Parse(lower).CompareTo(VersionKey.Parse(higher)) < 0, $"key {lower} < key {higher}");
            Assert.True(VersionComparer.ComparePrecedence(lower, higher) < 0, $"precedence {lower} < {higher}");
        }

        [Fact]
        public void Should_Hold_At_Least_40_Ordered_Pairs() =>
            Assert.True(OrderedPairs.Count >= 40, $"{OrderedPairs.Count} ordered pairs");

        [Theory]
        [MemberData(nameof(EqualPairs), MemberType = typeof(VersionKeyTests))]
        public void Should_Give_Equal_Precedence(string x, string y)
        {
            Assert.Equal(0, VersionComparer.ComparePrecedence(x, y));

            // The full order still separates them, by text, so that sorting is deterministic
            Assert.Equal(Math.Sign(string.CompareOrdinal(x, y)), VersionComparer.Instance.Compare(x, y));
        }

        [Fact]
        public void Should_Be_Total_And_Transitive_Over_Every_Form()
        {
            // Given every string of the pairs above, and some that are no version at all
            var versions = OrderedPairs.SelectMany(p => new[] { (string)p[0], (string)p[1] })
                .Concat(EqualPairs.SelectMany(p => new[] { (string)p[0], (string)p[1] }))
                .Concat(["", "latest", "app", "1.0-", "-1", "1..2", "1.0.0-alpha-beta", "1.0.a", "r2d2", "1.0.0+b"])
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            var keys = versions.Select(VersionKey.Parse).ToArray();

            // Then: antisymmetric, transitive, and equal only for equal strings
            for (var a = 0; a < keys.Length; a++)
            {
                for (var b = 0; b < keys.Length; b++)
                {
                    var ab = Math.Sign(keys[a].CompareTo(keys[b]));
                    Assert.Equal(-ab, Math.Sign(keys[b].CompareTo(keys[a])));
                    Assert.Equal(a == b, ab == 0);
                    for (var c = 0; c < keys.Length; c++)
                    {
                        if (ab <= 0 && keys[b].CompareTo(keys[c]) <= 0)
                        {
                            Assert.True(keys[a].CompareTo(keys[c]) <= 0, $"{versions[a]} <= {versions[b]} <= {versions[c]} but not {versions[a]} <= {versions[c]}");
                        }
                    }
                }
            }
        }

        [Fact]
        public void Should_Sort_A_Mixed_List_As_Documented()
        {
            // 1.0.0.Final and v1.0 tie in precedence; their text decides
            string[] expected = ["1.0a1", "1.0-beta", "1.0rc1", "1.0-SNAPSHOT", "1.0.0.Final", "v1.0", "1.0.1", "1.2.0", "1.10.0", "20240101.1", "20240101.2"];

            var sorted = expected.Reverse().Order(VersionComparer.Instance).ToArray();

            Assert.Equal(expected, sorted);
        }
    }

    public sealed class TheParseMethod
    {
        [Theory]
        [InlineData("1.0rc1", new[] { "1", "0" }, new[] { "rc", "1" })]
        [InlineData("1.0-SNAPSHOT", new[] { "1", "0" }, new[] { "snapshot" })]
        [InlineData("1.0b2", new[] { "1", "0" }, new[] { "beta", "2" })]
        [InlineData("1.2.0.Final", new[] { "1", "2", "0" }, null)]
        [InlineData("20240101.1", new[] { "20240101", "1" }, null)]
        [InlineData("v1.2", new[] { "1", "2" }, null)]
        [InlineData("1.0.a", new[] { "1", "0", "a" }, null)] // a lone letter is a word, not alpha
        [InlineData("1.2.3-rc.1", new[] { "1", "2", "3" }, new[] { "rc", "1" })]
        public void Should_Take_The_Version_Apart(string version, string[] release, string[]? prerelease)
        {
            var key = VersionKey.Parse(version);

            Assert.Equal(release, key.Release);
            Assert.Equal(prerelease, key.Prerelease);
            Assert.Equal(prerelease is not null, key.IsPrerelease);
            Assert.Equal(version, key.Original);
        }

        [Theory]
        [InlineData("1.2.3", true)]
        [InlineData("v1.2.3-rc.1+b", true)]
        [InlineData("1.2", false)]
        [InlineData("1.0rc1", false)]
        [InlineData("1.2.3.Final", false)]
        public void Should_Tell_SemVer_By_The_Library(string version, bool semVer) =>
            Assert.Equal(semVer, VersionKey.Parse(version).IsSemVer);
    }

    public sealed class TheTryParseMethod
    {
        [Theory]
        [InlineData("1.0.0")]
        [InlineData("v2")]
        [InlineData("1")]
        [InlineData("1.0rc1")]
        [InlineData("20240101.1")]
        [InlineData("2025-04-01")]
        [InlineData("1.2.0.Final")]
        [InlineData("1.0.0-SNAPSHOT")]
        [InlineData("1.0.0+build.5")]
        public void Should_Accept_A_Version_Segment(string segment)
        {
            Assert.True(VersionKey.TryParse(segment, out var key));
            Assert.Equal(0, VersionComparer.ComparePrecedence(key, VersionKey.Parse(segment)));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("app")]
        [InlineData("nightly")]
        [InlineData("latest")]
        [InlineData("v")]
        [InlineData("vv1")]
        [InlineData("1.0 beta")]
        [InlineData("1.0/2")]
        [InlineData("release-1.0")]
        public void Should_Refuse_A_Segment_That_Is_No_Version(string? segment)
        {
            Assert.False(VersionKey.TryParse(segment, out var key));
            Assert.Null(key);
        }

        [Fact]
        public void Should_Refuse_Overlong_Text()
        {
            Assert.True(VersionKey.TryParse("1." + new string('1', VersionKey.MaxLength - 2), out _));
            Assert.False(VersionKey.TryParse("1." + new string('1', VersionKey.MaxLength - 1), out _));
        }

        [Fact]
        public void Should_Find_The_Version_Segment_Of_A_Path()
        {
            // The use cleanup makes of it: the highest version folder among the segments of paths
            string[] paths = ["/app/1.9.0/app.zip", "/app/1.10.0-rc.1/app.zip", "/app/1.10.0/app.zip", "/app/nightly/app.zip"];

            var versions = paths
                .Select(p => p.Split('/').Select(s => VersionKey.TryParse(s, out var k) ? k : null).FirstOrDefault(k => k is not null))
                .OfType<VersionKey>()
                .Order(VersionKey.Comparer)
                .Select(k => k.Original)
                .ToArray();

            Assert.Equal(["1.9.0", "1.10.0-rc.1", "1.10.0"], versions);
        }
    }
}
