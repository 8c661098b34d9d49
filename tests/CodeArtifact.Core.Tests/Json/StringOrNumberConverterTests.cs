using System.Text.Json;
using CodeArtifact.Core.Json.Converters;

namespace CodeArtifact.Core.Tests.Json;

public sealed class StringOrNumberConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new StringOrNumberConverter() } };

    [Theory]
    [InlineData("\"1701220753711\"", "1701220753711")]
    [InlineData("1701220753711", "1701220753711")]
    [InlineData("3000110176", "3000110176")]
    [InlineData("\"2271182\"", "2271182")]
    [InlineData("0", "0")]
    [InlineData("false", "false")]
    public void Should_Keep_Exact_Text_If_Sent_As_String_Or_Number(string json, string expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<string?>(json, Options));

    [Fact]
    public void Should_Read_Null() =>
        Assert.Null(JsonSerializer.Deserialize<string?>("null", Options));

    [Fact]
    public void Should_Throw_JsonException_If_An_Object() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<string?>("{}", Options));
}
