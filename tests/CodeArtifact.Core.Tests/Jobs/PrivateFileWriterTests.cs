using System.Text;
using CodeArtifact.Core.Jobs;
using static CodeArtifact.Core.Tests.Jobs.MavenSettingsSamples;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>The settings file is 0600 from the moment it exists, and a failed write changes nothing.</summary>
public sealed class PrivateFileWriterTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-private-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Target => Path.Combine(_folder, "settings.xml");

    [Fact]
    public async Task Should_Create_The_Temporary_File_With_Mode_0600_Before_Writing_A_Byte()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        // Given a writer that looks at its temporary file at each step
        var seen = new List<(bool Written, UnixFileMode Mode, long Length, bool TargetExists, string Name)>();
        var writer = new PrivateFileWriter
        {
            Observer = (temporary, written) =>
            {
                seen.Add((written, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(temporary), new FileInfo(temporary).Length, File.Exists(Target), Path.GetFileName(temporary)));
                return Task.CompletedTask;
            },
        };
        var composition = MavenSettingsWriter.Compose([Release()], baseSettings: null, overwrite: false);

        // When the settings file is written
        await MavenSettingsWriter.WriteAsync(Target, composition, overwrite: false, writer, CancellationToken.None);

        // Then the temporary file was owner-only while still empty, and after it was filled, before the rename
        Assert.Equal(2, seen.Count);
        Assert.Equal((false, OwnerOnly, 0L, false), (seen[0].Written, seen[0].Mode, seen[0].Length, seen[0].TargetExists));
        Assert.Equal((true, OwnerOnly, (long)composition.Content.Length, false), (seen[1].Written, seen[1].Mode, seen[1].Length, seen[1].TargetExists));
        Assert.True(PrivateFileWriter.IsTemporaryOf(Target, seen[0].Name));

        // And the final file is owner-only and complete, with nothing left beside it
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Target));
        Assert.Equal(composition.Content, await File.ReadAllBytesAsync(Target));
        Assert.Equal([Target], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_Leave_The_Earlier_File_Intact_If_The_Write_Fails(bool afterWriting)
    {
        // Given an earlier settings file
        await MavenSettingsWriter.WriteAsync(Target, [Release("old")]);
        var before = await File.ReadAllBytesAsync(Target);

        // When the next write fails (disk full, say) before or after the bytes went to the temporary file
        var writer = new PrivateFileWriter
        {
            Observer = (_, written) => written == afterWriting ? throw new IOException("No space left on device") : Task.CompletedTask,
        };
        var error = await Assert.ThrowsAsync<CodeArtifactException>(() =>
            MavenSettingsWriter.WriteAsync(Target, MavenSettingsWriter.Compose([Release("new")], null, false), overwrite: false, writer, CancellationToken.None));

        // Then CART0203, the earlier file is byte for byte as it was, and no temporary file is left
        Assert.Equal(ErrorCodes.SettingsFileWriteFailed, error.Code);
        Assert.DoesNotContain("new", error.Message.Split(' '), StringComparer.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Target));
        Assert.Equal([Target], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Should_Leave_The_Earlier_File_Intact_If_Cancelled_Before_The_Rename()
    {
        await MavenSettingsWriter.WriteAsync(Target, [Release("old")]);
        var before = await File.ReadAllBytesAsync(Target);
        using var cancellation = new CancellationTokenSource();
        var writer = new PrivateFileWriter
        {
            Observer = (_, written) =>
            {
                if (written)
                {
                    cancellation.Cancel();
                }

                return Task.CompletedTask;
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            MavenSettingsWriter.WriteAsync(Target, MavenSettingsWriter.Compose([Release("new")], null, false), overwrite: false, writer, cancellation.Token));

        Assert.Equal(before, await File.ReadAllBytesAsync(Target));
        Assert.Equal([Target], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Should_Replace_A_World_Readable_Earlier_File_With_An_Owner_Only_One()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        await MavenSettingsWriter.WriteAsync(Target, [Release("old")]);
        File.SetUnixFileMode(Target, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await MavenSettingsWriter.WriteAsync(Target, [Release("new")]);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Target));
        Assert.Contains("<password>new</password>", await File.ReadAllTextAsync(Target, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".settings.xml.0123456789abcdef0123456789abcdef.tmp", true)]
    [InlineData(".settings.xml.0123456789ABCDEF0123456789abcdef.tmp", false)]
    [InlineData(".settings.xml.backup.tmp", false)]
    [InlineData("settings.xml.0123456789abcdef0123456789abcdef.tmp", false)]
    [InlineData(".other.xml.0123456789abcdef0123456789abcdef.tmp", false)]
    public void Should_Recognise_Only_Its_Own_Temporary_Names(string name, bool expected)
    {
        Assert.Equal(expected, PrivateFileWriter.IsTemporaryOf(Target, Path.Combine(_folder, name)));
    }
}
