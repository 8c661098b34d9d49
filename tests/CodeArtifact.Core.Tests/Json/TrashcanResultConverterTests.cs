using System.Text.Json;
using CodeArtifact.Core.Json;

namespace CodeArtifact.Core.Tests.Json;

public sealed class TrashcanResultConverterTests
{
    private static TrashcanResultDto Read(string json) =>
        JsonSerializer.Deserialize(json, CodeArtifactJsonContext.Default.TrashcanResultDto)!;

    [Fact]
    public void Should_Count_All_Items_If_Result_Is_The_String_Success()
    {
        var result = Read("\"success\"").ToModel(3);
        Assert.Equal(3, result.SuccessNum);
        Assert.Equal(0, result.FailedNum);
        Assert.Empty(result.FailedMessages);
    }

    [Fact]
    public void Should_Use_Counts_If_Result_Is_The_Object()
    {
        var result = Read("""{"successNum":2,"failedNum":1,"failedMessages":["x not found"]}""").ToModel(3);
        Assert.Equal(2, result.SuccessNum);
        Assert.Equal(1, result.FailedNum);
        Assert.Equal(["x not found"], result.FailedMessages);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Should_Read_Counts_Sent_As_Strings_And_Fill_Missing_Success_Count()
    {
        var result = Read("""{"failedNum":"1"}""").ToModel(4);
        Assert.Equal(1, result.FailedNum);
        Assert.Equal(3, result.SuccessNum);
    }

    [Fact]
    public void Should_Count_All_Items_As_Failed_If_Result_Is_Another_String()
    {
        var result = Read("\"failed\"").ToModel(2);
        Assert.Equal(2, result.FailedNum);
        Assert.Equal(["failed"], result.FailedMessages);
    }

    [Fact]
    public void Should_Treat_Null_Result_As_Success()
    {
        Assert.Equal(2, Read("null").ToModel(2).SuccessNum);
    }

    [Fact]
    public void Should_Throw_JsonException_If_Result_Is_An_Array()
    {
        Assert.Throws<JsonException>(() => Read("[1]"));
    }
}
