using CodeArtifact.Core.Json.Converters;

namespace CodeArtifact.Core.Tests.Json;

public sealed class ServiceTimeTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Should_Read_Epoch_Milliseconds()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1701220753711), ServiceTime.Parse("1701220753711", Beijing));
    }

    [Fact]
    public void Should_Use_Service_Offset_If_Local_Time_Has_None()
    {
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 19, 29, 46, Beijing), ServiceTime.Parse("2023-11-14 19:29:46", Beijing));
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 19, 29, 46, TimeSpan.Zero), ServiceTime.Parse("2023-11-14 19:29:46", TimeSpan.Zero));
    }

    [Fact]
    public void Should_Keep_Explicit_Offset_If_Iso_8601()
    {
        var parsed = ServiceTime.Parse("2023-11-29T09:56:51.349+08:00", TimeSpan.FromHours(-5));
        Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 56, 51, 349, Beijing), parsed);
        Assert.Equal(Beijing, parsed!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2023, 11, 29, 1, 56, 51, TimeSpan.Zero), ServiceTime.Parse("2023-11-29T01:56:51Z", Beijing));
    }

    [Fact]
    public void Should_Read_Audit_Slash_Form_And_Date_Only()
    {
        Assert.Equal(new DateTimeOffset(2023, 10, 27, 15, 46, 19, Beijing), ServiceTime.Parse("2023/10/27 15:46:19", Beijing));
        Assert.Equal(new DateTimeOffset(2023, 11, 22, 0, 0, 0, Beijing), ServiceTime.Parse("2023-11-22", Beijing));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("yesterday")]
    public void Should_Return_Null_If_Empty_Never_Or_Unknown(string? raw) =>
        Assert.Null(ServiceTime.Parse(raw, Beijing));
}
