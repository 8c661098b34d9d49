using System.Security.Cryptography;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// The random key of <see cref="CredentialFingerprint"/>, kept in a file readable by its owner
/// only: created on first use, then read. By default one key per user and machine, outside the
/// project, so that an <c>obj</c> folder copied elsewhere (a CI cache, an artifact) carries
/// fingerprints but not the key that would let anyone test guesses against them.
/// </summary>
public static class FingerprintKey
{
    /// <summary>The key's length in bytes.</summary>
    public const int Length = 32;

    /// <summary>The default key file: <c>{LocalApplicationData}/CodeArtifact.Build/stamp.key</c>, or null when the user has no such folder.</summary>
    public static string? DefaultPath()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, "CodeArtifact.Build", "stamp.key");
    }

    /// <summary>
    /// Reads the key in <paramref name="path"/>, creating the file with a new random key when it
    /// does not exist (or holds no key). When two builds create it at once, both end up with the
    /// one that was written first.
    /// </summary>
    /// <exception cref="IOException">The file could not be read or created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be read or written.</exception>
    public static byte[] LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Read(path) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(Length);

        // Written aside and moved into place without overwriting, so a reader never sees half a key
        // and a key another build wrote first wins.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(key);
            }

            try
            {
                File.Move(temporary, path, overwrite: Read(path) is null && File.Exists(path));
            }
            catch (IOException) when (Read(path) is not null)
            {
                // Another build wrote its key first: use that one.
            }
        }
        finally
        {
            File.Delete(temporary);
        }

        return Read(path) ?? throw new IOException($"The fingerprint key {path} could not be written.");
    }

    private static byte[]? Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == Length ? bytes : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
