using CodeArtifact.Emulator.Domain.Maven;

namespace CodeArtifact.Emulator.Tests;

/// <summary>The order generated metadata uses: Maven's, not the text's.</summary>
public sealed class MavenVersionComparerTests
{
    [Theory]
    [InlineData("1.0-alpha-1", "1.0-beta-1")]
    [InlineData("1.0-beta-2", "1.0-milestone-1")]
    [InlineData("1.0-M1", "1.0-rc1")]
    [InlineData("1.0-RC2", "1.0-SNAPSHOT")]
    [InlineData("1.0-SNAPSHOT", "1.0")]
    [InlineData("1.0", "1.0-sp1")]
    [InlineData("1.0-sp1", "1.0-whatever")]
    [InlineData("1.0-whatever", "1.0.1")]
    [InlineData("1.9.12", "1.10.0")]
    [InlineData("1.2.9", "1.2.10")]
    [InlineData("2.0.0-beta-1", "2.0.0-SNAPSHOT")]
    [InlineData("9", "10")]
    [InlineData("1.0", "12345678901234567890.0")]
    public void Should_Order_Lower_Before_Higher(string lower, string higher)
    {
        Assert.True(MavenVersionComparer.Instance.Compare(lower, higher) < 0);
        Assert.True(MavenVersionComparer.Instance.Compare(higher, lower) > 0);
    }

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0", "1-0")]
    [InlineData("1.0-ga", "1.0")]
    [InlineData("1.0-final", "1.0-RELEASE")]
    [InlineData("1.0-cr1", "1.0-rc1")]
    [InlineData("1a1", "1-alpha-1")]
    public void Should_Treat_Equivalent_Spellings_As_Equal(string x, string y)
    {
        Assert.Equal(0, MavenVersionComparer.Instance.Compare(x, y));
    }
}
