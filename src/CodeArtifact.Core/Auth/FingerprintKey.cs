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
    /// does not exist (or holds no key). Builds that create it at once all end up with one key: the
    /// creation runs under a lock file beside the key (<c>stamp.key.lock</c>, left in place), and
    /// the key is written aside and moved into place, so no reader ever sees half a key.
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
        using (Lock(path + ".lock"))
        {
            // Another build may have created it while this one waited for the lock.
            if (Read(path) is { } created)
            {
                return created;
            }

            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                using (var stream = new FileStream(temporary, OwnerOnly(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
                {
                    stream.Write(RandomNumberGenerator.GetBytes(Length));
                }

                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            return Read(path) ?? throw new IOException($"The fingerprint key {path} could not be written.");
        }
    }

    /// <summary>
    /// Opens <paramref name="lockPath"/> for this process alone (an advisory lock that every build
    /// takes the same way), waiting up to ten seconds for another build to finish creating the key.
    /// </summary>
    private static FileStream Lock(string lockPath)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(15);
            }
        }
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
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
