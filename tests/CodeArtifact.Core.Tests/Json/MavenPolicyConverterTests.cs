using System.Text.Json;
using CodeArtifact.Core.Json.Converters;

namespace CodeArtifact.Core.Tests.Json;

public sealed class MavenPolicyConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new MavenPolicyConverter() } };

    [Theory]
    [InlineData("\"release\"", "release")]
    [InlineData("\"releases\"", "release")]
    [InlineData("\"Releases\"", "release")]
    [InlineData("\"snapshot\"", "snapshot")]
    [InlineData("\"snapshots\"", "snapshot")]
    [InlineData("\"mixed\"", "mixed")]
    public void Should_Read_Release_For_Both_Spellings(string json, string expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<string?>(json, Options));

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Should_Read_Null_If_Empty(string json) =>
        Assert.Null(JsonSerializer.Deserialize<string?>(json, Options));
}
