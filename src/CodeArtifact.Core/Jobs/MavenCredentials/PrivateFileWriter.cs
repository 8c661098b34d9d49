namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Replaces a file that holds secrets so that it is never readable by others and never seen
/// half-written: the bytes go to a new temporary file in the same folder, created with mode 0600
/// on Unix by the <c>open</c> call itself (no window between creating and restricting it), flushed
/// to disk, then renamed over the target. A failure at any point removes the temporary file and
/// leaves the earlier target exactly as it was.
/// </summary>
internal sealed class PrivateFileWriter
{
    /// <summary>Owner read and write only.</summary>
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static PrivateFileWriter Default { get; } = new();

    /// <summary>
    /// Test seam: called with the temporary file's path right after it is created, before any byte
    /// is written, and once more (<c>written: true</c>) after the bytes are flushed, before the
    /// rename. Throwing from it stands for a failed write.
    /// </summary>
    public Func<string, bool, Task>? Observer { get; init; }

    /// <summary>The temporary files of <paramref name="fullPath"/> follow this pattern (<c>.{name}.{32 hex}.tmp</c>).</summary>
    public static string TemporaryPattern(string fullPath) => $".{Path.GetFileName(fullPath)}.*.tmp";

    /// <summary>True when <paramref name="candidate"/> is exactly a temporary file name this writer makes for <paramref name="fullPath"/>.</summary>
    public static bool IsTemporaryOf(string fullPath, string candidate)
    {
        var prefix = "." + Path.GetFileName(fullPath) + ".";
        var name = Path.GetFileName(candidate);
        return name.Length == prefix.Length + 32 + 4
            && name.StartsWith(prefix, StringComparison.Ordinal)
            && name.EndsWith(".tmp", StringComparison.Ordinal)
            && name.AsSpan(prefix.Length, 32).ToString().All(char.IsAsciiHexDigitLower);
    }

    public async Task ReplaceAsync(string fullPath, byte[] content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await Observe(temporary, written: false).ConfigureAwait(false);
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            await Observe(temporary, written: true).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Narrows an existing file to 0600 on Unix when it is readable or writable by others.</summary>
    public static void Restrict(string fullPath)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(fullPath) & ~OwnerReadWrite) != 0)
        {
            File.SetUnixFileMode(fullPath, OwnerReadWrite);
        }
    }

    private Task Observe(string temporary, bool written) => Observer?.Invoke(temporary, written) ?? Task.CompletedTask;
}
