using System.Text.Json;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Json.Converters;

namespace CodeArtifact.Core.Tests.Json;

public sealed class LenientInt64ConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new LenientInt64Converter() } };

    [Theory]
    [InlineData("\"1056\"", 1056L)]
    [InlineData("1056", 1056L)]
    [InlineData("\" 42 \"", 42L)]
    [InlineData("12.0", 12L)]
    [InlineData("\"5368709120\"", 5368709120L)]
    public void Should_Read_Whole_Number_If_Sent_As_Number_Or_Digit_String(string json, long expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<long?>(json, Options));

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Should_Read_Null_If_Empty(string json) =>
        Assert.Null(JsonSerializer.Deserialize<long?>(json, Options));

    [Theory]
    [InlineData("\"1.03 KB\"")]
    [InlineData("1.5")]
    [InlineData("true")]
    public void Should_Throw_JsonException_If_Not_A_Whole_Number(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<long?>(json, Options));

    [Fact]
    public void Should_Read_Total_As_Number_And_Size_As_String_Through_The_Generated_Context()
    {
        var tree = JsonSerializer.Deserialize("""{"total":1}""", CodeArtifactJsonContext.Default.FileTreeDto)!;
        var tree2 = JsonSerializer.Deserialize("""{"total":"3"}""", CodeArtifactJsonContext.Default.FileTreeDto)!;
        var detail = JsonSerializer.Deserialize("""{"size":"1056"}""", CodeArtifactJsonContext.Default.FileDetailDto)!;
        Assert.Equal(1, tree.Total);
        Assert.Equal(3, tree2.Total);
        Assert.Equal(1056, detail.Size);
    }
}
