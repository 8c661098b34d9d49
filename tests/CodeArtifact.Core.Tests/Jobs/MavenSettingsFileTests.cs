using CodeArtifact.Core.Jobs;
using static CodeArtifact.Core.Tests.Jobs.MavenSettingsSamples;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>Deleting the settings file after use (what <c>CodeArtifactDeleteMavenSettings</c> calls).</summary>
public sealed class MavenSettingsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-delete-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Target => Path.Combine(_folder, "settings.xml");

    [Fact]
    public async Task Should_Delete_A_File_It_Wrote_And_Leftover_Temporary_Files()
    {
        // Given our settings file and the temporary file of an interrupted write
        await MavenSettingsWriter.WriteAsync(Target, [Release()]);
        var leftover = Path.Combine(_folder, $".settings.xml.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(leftover, "half");
        var unrelated = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(unrelated, "keep");

        // When
        var result = MavenSettingsFile.Delete(Target);

        // Then both are gone, and nothing else
        Assert.Equal(new MavenSettingsDeleteResult(Target, Deleted: true, TemporaryFilesDeleted: 1), result);
        Assert.Equal([unrelated], Directory.GetFiles(_folder));
        Assert.Contains("Deleted", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Nothing_To_Delete_If_The_File_Is_Gone()
    {
        var result = MavenSettingsFile.Delete(Target);

        Assert.False(result.Deleted);
        Assert.Equal(Target, result.Path);
    }

    [Fact]
    public async Task Should_Refuse_To_Delete_A_File_It_Did_Not_Write()
    {
        const string mine = "<settings><localRepository>/cache</localRepository></settings>";
        await File.WriteAllTextAsync(Target, mine);

        var error = Assert.Throws<CodeArtifactException>(() => MavenSettingsFile.Delete(Target));

        Assert.Equal(ErrorCodes.SettingsFileDeleteRefused, error.Code);
        Assert.Equal("SettingsFile", error.ParameterName);
        Assert.Equal(mine, await File.ReadAllTextAsync(Target));
    }

    [Fact]
    public void Should_Require_A_Path()
    {
        var error = Assert.Throws<CodeArtifactException>(() => MavenSettingsFile.Delete(" "));

        Assert.Equal((ErrorCodes.MissingArgument, "SettingsFile"), (error.Code, error.ParameterName));
    }
}
