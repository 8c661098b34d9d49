using System.Security.Cryptography;

namespace CodeArtifact.Core.Jobs;

/// <summary>The digests the repository reports in file detail <c>checksums</c>.</summary>
public enum ChecksumAlgorithm
{
    /// <summary>
    /// SHA-256 when the repository reports it (the normal case), else the strongest digest it
    /// reports: SHA-512, SHA-1, MD5. SHA-256 goes first although SHA-512 is longer: both are far
    /// beyond collision reach, and SHA-256 runs about twice as fast on CPUs with SHA extensions,
    /// which lets hashing start before the repository has answered.
    /// </summary>
    Auto,

    Md5,

    Sha1,

    Sha256,

    Sha512,
}

/// <summary>Names, strength order and parsing of <see cref="ChecksumAlgorithm"/>.</summary>
public static class ChecksumAlgorithms
{
    /// <summary>The concrete algorithms in the order <see cref="ChecksumAlgorithm.Auto"/> tries them.</summary>
    public static IReadOnlyList<ChecksumAlgorithm> AutoPreference { get; } =
        [ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Sha512, ChecksumAlgorithm.Sha1, ChecksumAlgorithm.Md5];

    /// <summary>The name used in results and reports, as MSBuild's <c>GetFileHash</c> spells it: <c>SHA256</c>.</summary>
    public static string Name(this ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Md5 => "MD5",
        ChecksumAlgorithm.Sha1 => "SHA1",
        ChecksumAlgorithm.Sha256 => "SHA256",
        ChecksumAlgorithm.Sha512 => "SHA512",
        _ => "Auto",
    };

    /// <summary>
    /// Reads an algorithm name as a user writes it: <c>Auto</c>, <c>MD5</c>, <c>SHA1</c>, <c>SHA-1</c>,
    /// <c>sha256</c>, <c>SHA-512</c> … (case and one dash ignored). Empty means Auto.
    /// </summary>
    public static ChecksumAlgorithm Parse(string? value, string parameterName = "Algorithm")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ChecksumAlgorithm.Auto;
        }

        return value.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "AUTO" => ChecksumAlgorithm.Auto,
            "MD5" => ChecksumAlgorithm.Md5,
            "SHA1" => ChecksumAlgorithm.Sha1,
            "SHA256" => ChecksumAlgorithm.Sha256,
            "SHA512" => ChecksumAlgorithm.Sha512,
            _ => throw CodeArtifactException.Invalid(
                parameterName,
                $"Invalid {parameterName} \"{value}\": use Auto, SHA512, SHA256, SHA1 or MD5 (the digests the repository reports)."),
        };
    }

    internal static HashAlgorithmName ToHashAlgorithmName(this ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Md5 => HashAlgorithmName.MD5,
        ChecksumAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        ChecksumAlgorithm.Sha256 => HashAlgorithmName.SHA256,
        ChecksumAlgorithm.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Auto is not a digest; choose one first."),
    };
}
