using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Benchmarks;

/// <summary>
/// The hashing path of verification. Baseline: SHA-256 of bytes already in memory, the floor
/// for any SHA-256 on this CPU. FileHasher reads in 1 MiB blocks with the next read overlapping
/// the current hash; "ComputeHash(FileStream)" is what MSBuild's GetFileHash does per file.
/// Allocations should stay flat whatever the size (two pooled buffers).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class HashingBenchmarks
{
    private byte[] _data = [];
    private string _file = string.Empty;

    [Params(64)]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[SizeMiB << 20];
        new Random(42).NextBytes(_data);
        _file = Path.Combine(Path.GetTempPath(), $"codeartifact-bench-hash-{Environment.ProcessId}.bin");
        File.WriteAllBytes(_file, _data);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true, Description = "SHA256.HashData(bytes in memory)")]
    public byte[] HashDataInMemory() => SHA256.HashData(_data);

    [Benchmark(Description = "FileHasher.HashStreamAsync(MemoryStream) SHA-256")]
    public async Task<FileDigests> HashStreamSha256()
    {
        using var stream = new MemoryStream(_data, writable: false);
        return await FileHasher.HashStreamAsync(stream, [ChecksumAlgorithm.Sha256]).ConfigureAwait(false);
    }

    [Benchmark(Description = "FileHasher.HashFileAsync SHA-256")]
    public Task<FileDigests> HashFileSha256() => FileHasher.HashFileAsync(_file, [ChecksumAlgorithm.Sha256]);

    [Benchmark(Description = "FileHasher.HashFileAsync SHA-512")]
    public Task<FileDigests> HashFileSha512() => FileHasher.HashFileAsync(_file, [ChecksumAlgorithm.Sha512]);

    [Benchmark(Description = "FileHasher.HashFileAsync all four in one pass")]
    public Task<FileDigests> HashFileAllFour() =>
        FileHasher.HashFileAsync(_file, [ChecksumAlgorithm.Sha512, ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Sha1, ChecksumAlgorithm.Md5]);

    [Benchmark(Description = "SHA256.ComputeHash(FileStream), as GetFileHash")]
    public byte[] ComputeHashFileStream()
    {
        using var stream = File.OpenRead(_file);
        using var sha = SHA256.Create();
        return sha.ComputeHash(stream);
    }
}
