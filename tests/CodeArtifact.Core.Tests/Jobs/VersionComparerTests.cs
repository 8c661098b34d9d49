using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class VersionComparerTests
{
    private static readonly VersionComparer Comparer = VersionComparer.Instance;

    public sealed class TheCompareMethod
    {
        [Fact]
        public void Should_Order_Design_Examples_Numerically()
        {
            // Given the DESIGN.md example, shuffled
            string[] versions = ["1.2.9", "1.10.0", "1.2.10", "1.9.12"];

            // When
            var sorted = versions.Order(Comparer).ToArray();

            // Then
            Assert.Equal(["1.2.9", "1.2.10", "1.9.12", "1.10.0"], sorted);
        }

        [Fact]
        public void Should_Follow_SemVer_Spec_Precedence_Example()
        {
            // SemVer 2.0.0 §11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
            string[] expected = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"];

            var sorted = expected.Reverse().Order(Comparer).ToArray();

            Assert.Equal(expected, sorted);
            for (var i = 0; i + 1 < expected.Length; i++)
            {
                Assert.True(Comparer.Compare(expected[i], expected[i + 1]) < 0, $"{expected[i]} < {expected[i + 1]}");
                Assert.True(Comparer.Compare(expected[i + 1], expected[i]) > 0, $"{expected[i + 1]} > {expected[i]}");
            }
        }

        [Fact]
        public void Should_Follow_SemVer_Spec_Numeric_Example()
        {
            // SemVer §11.2: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1
            string[] expected = ["1.0.0", "2.0.0", "2.1.0", "2.1.1"];

            Assert.Equal(expected, new[] { "2.1.1", "1.0.0", "2.1.0", "2.0.0" }.Order(Comparer).ToArray());
        }

        [Theory]
        [InlineData("1.0.0+build.1", "1.0.0+build.2")]
        [InlineData("1.0.0-rc.1+a", "1.0.0-rc.1+b")]
        [InlineData("1.2", "1.2.0")]
        [InlineData("v1.2.3", "1.2.3")]
        public void Should_Give_Equal_Precedence_If_Only_Build_Metadata_Or_Spelling_Differs(string x, string y)
        {
            Assert.Equal(0, VersionComparer.ComparePrecedence(x, y));

            // The full comparison still orders them (by text) so that sorting is deterministic.
            Assert.NotEqual(0, Comparer.Compare(x, y));
            Assert.Equal(-Math.Sign(Comparer.Compare(x, y)), Math.Sign(Comparer.Compare(y, x)));
        }

        [Theory]
        [InlineData("1.0.0-1", "1.0.0-alpha")] // numeric identifiers sort before alphanumeric ones
        [InlineData("1.0.0-2", "1.0.0-10")] // numeric identifiers compare as numbers
        [InlineData("1.0.0-alpha", "1.0.0-alpha.0")] // more identifiers win when the rest is equal
        [InlineData("1.0.0-rc.1", "1.0.0")] // a release beats its pre-releases
        [InlineData("0.9.99", "1.0.0-alpha")]
        [InlineData("1.0", "1.0.1")] // not SemVer: missing segments count as 0
        [InlineData("1.2.3.4", "1.2.3.10")] // four segments, numeric
        [InlineData("2023.9.1", "2023.10.1")]
        [InlineData("1.0-beta", "1.0")] // not SemVer, but "-" and a letter start a pre-release
        [InlineData("1.0.0", "1.0.0.1")]
        [InlineData("1.0.0.9", "1.0.0.a")] // a number sorts before text
        [InlineData("99999999999999999999998", "99999999999999999999999")] // any length of digits
        [InlineData("", "0.0.1")]
        public void Should_Order_Lower_Before_Higher(string lower, string higher)
        {
            Assert.True(Comparer.Compare(lower, higher) < 0, $"{lower} < {higher}");
            Assert.True(Comparer.Compare(higher, lower) > 0, $"{higher} > {lower}");
        }

        [Fact]
        public void Should_Be_Total_And_Transitive_Over_Mixed_Inputs()
        {
            // Given SemVer, loose, date-like, text and pathological strings together
            string[] versions =
            [
                "1.0.0", "1.0", "1", "1.0.0-rc.1", "1.0-rc1", "v1.0.0", "1.0.0+b", "1.0.0.0", "2023-11-29", "2023.11.29",
                "1.10", "1.9.12", "abc", "1.a", "1.0.0-0", "1.0.0-00a", "01.2.3", "1..2", "-1", "1.0-", "", "latest", "1.0.0-alpha-beta",
            ];

            // Then: antisymmetric, transitive, and equal only for equal strings
            foreach (var a in versions)
            {
                Assert.Equal(0, Comparer.Compare(a, a));
                foreach (var b in versions)
                {
                    var ab = Math.Sign(Comparer.Compare(a, b));
                    Assert.Equal(-ab, Math.Sign(Comparer.Compare(b, a)));
                    Assert.Equal(a == b, ab == 0);
                    foreach (var c in versions)
                    {
                        if (ab <= 0 && Comparer.Compare(b, c) <= 0)
                        {
                            Assert.True(Comparer.Compare(a, c) <= 0, $"{a} <= {b} <= {c} but not {a} <= {c}");
                        }
                    }
                }
            }

            // And sorting is the same whatever the input order
            var once = versions.Order(Comparer).ToArray();
            var again = versions.Reverse().Order(Comparer).ToArray();
            Assert.Equal(once, again);
        }

        [Fact]
        public void Should_Sort_Null_Like_Empty()
        {
            Assert.True(Comparer.Compare(null, "0.0.1") < 0);
            Assert.Equal(0, Comparer.Compare((string?)null, null));
        }
    }

    public sealed class TheClassificationMethods
    {
        [Theory]
        [InlineData("1.0.0-rc.1", true)]
        [InlineData("1.0.0-0.3.7", true)]
        [InlineData("1.0-beta.2", true)]
        [InlineData("1.0.0", false)]
        [InlineData("1.0.0+build-7", false)]
        [InlineData("2023-11-29", false)] // a dash followed by digits is not a pre-release in loose versions
        [InlineData("1.2.3.4", false)]
        public void Should_Tell_Prerelease(string version, bool expected) =>
            Assert.Equal(expected, VersionComparer.IsPrerelease(version));

        [Theory]
        [InlineData("1.0.0", true)]
        [InlineData("1.0.0-alpha+001", true)]
        [InlineData("1.0.0+20130313144700", true)]
        [InlineData("1.0.0-beta+exp.sha.5114f85", true)]
        [InlineData("v2.1.0", true)]
        [InlineData("01.0.0", false)] // leading zero
        [InlineData("1.0.0-01", false)] // leading zero in a numeric pre-release identifier
        [InlineData("1.0", false)]
        [InlineData("1.0.0-", false)]
        [InlineData("1.0.0+", false)]
        [InlineData("1.0.0-a..b", false)]
        public void Should_Tell_SemVer(string version, bool expected) =>
            Assert.Equal(expected, VersionComparer.IsSemVer(version));
    }
}
