using System.Text.Json;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Json.Converters;

namespace CodeArtifact.Core.Tests.Json;

public sealed class LenientBooleanConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new LenientBooleanConverter() } };

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("\"1\"", true)]
    [InlineData("0", false)]
    public void Should_Read_Boolean_If_Sent_As_Bool_String_Or_Digit(string json, bool expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<bool?>(json, Options));

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Should_Read_Null_If_Empty(string json) =>
        Assert.Null(JsonSerializer.Deserialize<bool?>(json, Options));

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("2")]
    [InlineData("{}")]
    public void Should_Throw_JsonException_If_Not_A_Boolean(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<bool?>(json, Options));

    [Fact]
    public void Should_Read_String_Has_Child_Through_The_Generated_Context()
    {
        var child = JsonSerializer.Deserialize("""{"name":"1","folder":true,"has_child":"true"}""", CodeArtifactJsonContext.Default.FileTreeChildDto)!;
        Assert.True(child.HasChild);
        Assert.True(child.Folder);
    }
}
