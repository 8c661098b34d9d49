using System.Security.Cryptography;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class FileHasherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-hash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<int> Sizes => new()
    {
        0,
        1,
        4096,
        FileHasher.BufferSize - 1,
        FileHasher.BufferSize,
        FileHasher.BufferSize + 1,
        (3 * FileHasher.BufferSize) + 12345,
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Should_Match_System_Security_Cryptography_If_File_Has_Size(int size)
    {
        // Given a random file of that size
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = Path.Combine(_folder, $"file-{size}.bin");
        await File.WriteAllBytesAsync(path, bytes);

        // When all four digests are computed in one pass
        var digests = await FileHasher.HashFileAsync(path, [ChecksumAlgorithm.Md5, ChecksumAlgorithm.Sha1, ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Sha512]);

        // Then each equals the one-shot digest, in lower-case hex
        Assert.Equal(size, digests.Length);
        Assert.Equal(Hex(MD5.HashData(bytes)), digests[ChecksumAlgorithm.Md5]);
        Assert.Equal(Hex(SHA1.HashData(bytes)), digests[ChecksumAlgorithm.Sha1]);
        Assert.Equal(Hex(SHA256.HashData(bytes)), digests[ChecksumAlgorithm.Sha256]);
        Assert.Equal(Hex(SHA512.HashData(bytes)), digests[ChecksumAlgorithm.Sha512]);
    }

    [Fact]
    public async Task Should_Compute_Only_The_Digests_Asked_For()
    {
        var path = Path.Combine(_folder, "one.bin");
        await File.WriteAllTextAsync(path, "hello");

        var digests = await FileHasher.HashFileAsync(path, [ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Auto, ChecksumAlgorithm.Sha256]);

        Assert.Equal([ChecksumAlgorithm.Sha256], digests.Algorithms.ToArray());
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", digests[ChecksumAlgorithm.Sha256]);
        Assert.Null(digests[ChecksumAlgorithm.Sha512]);
    }

    [Fact]
    public async Task Should_Read_The_Stream_Once_In_Large_Blocks()
    {
        // Given a stream that counts its reads
        var bytes = new byte[(2 * FileHasher.BufferSize) + 10];
        new Random(7).NextBytes(bytes);
        using var stream = new CountingStream(bytes);

        // When
        var digests = await FileHasher.HashStreamAsync(stream, [ChecksumAlgorithm.Sha256]);

        // Then: every byte read exactly once, in blocks of the buffer size
        Assert.Equal(Hex(SHA256.HashData(bytes)), digests[ChecksumAlgorithm.Sha256]);
        Assert.Equal(bytes.Length, stream.BytesRead);
        Assert.True(stream.Reads <= 4, $"{stream.Reads} reads");
        Assert.All(stream.RequestedSizes, requested => Assert.Equal(FileHasher.BufferSize, requested));
    }

    [Fact]
    public async Task Should_Use_Flat_Memory_Whatever_The_Size()
    {
        // Given streams of 4 MiB and 64 MiB that complete synchronously, so the whole hash runs
        // on this thread and its allocations can be counted
        await HashZerosAsync(1 << 20); // warm up the pool and the JIT

        // When
        var small = await AllocatedWhileHashingAsync(4L << 20);
        var large = await AllocatedWhileHashingAsync(64L << 20);

        // Then: 16 times the data costs no more memory (a little slack for bookkeeping)
        Assert.True(large < small + (64 * 1024), $"4 MiB allocated {small} bytes, 64 MiB allocated {large} bytes");
        Assert.True(large < 4L << 20, $"64 MiB allocated {large} bytes");
    }

    private static async Task<long> AllocatedWhileHashingAsync(long length)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var thread = Environment.CurrentManagedThreadId;
        await HashZerosAsync(length);
        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static Task<FileDigests> HashZerosAsync(long length) =>
        FileHasher.HashStreamAsync(new ZeroStream(length), [ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Sha512]);

    [Fact]
    public async Task Should_Stop_If_Cancelled()
    {
        var path = Path.Combine(_folder, "big.bin");
        await File.WriteAllBytesAsync(path, new byte[FileHasher.BufferSize * 2]);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FileHasher.HashFileAsync(path, [ChecksumAlgorithm.Sha256], cancellation.Token));
    }

    [Fact]
    public async Task Should_Throw_IOException_If_File_Is_Missing()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => FileHasher.HashFileAsync(Path.Combine(_folder, "absent"), [ChecksumAlgorithm.Sha256]));
    }

    [Theory]
    [InlineData("auto", ChecksumAlgorithm.Auto)]
    [InlineData("", ChecksumAlgorithm.Auto)]
    [InlineData("SHA-256", ChecksumAlgorithm.Sha256)]
    [InlineData("sha512", ChecksumAlgorithm.Sha512)]
    [InlineData("Sha1", ChecksumAlgorithm.Sha1)]
    [InlineData("MD5", ChecksumAlgorithm.Md5)]
    public void Should_Parse_Algorithm_Names(string text, ChecksumAlgorithm expected) =>
        Assert.Equal(expected, ChecksumAlgorithms.Parse(text));

    [Fact]
    public void Should_Reject_Unknown_Algorithm_Naming_The_Parameter()
    {
        var error = Assert.Throws<CodeArtifactException>(() => ChecksumAlgorithms.Parse("crc32"));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("Algorithm", error.ParameterName);
        Assert.Contains("SHA256", error.Message, StringComparison.Ordinal);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Zeros of a given length, produced without allocating, every read completed at once.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            buffer[..n].Clear();
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class CountingStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public int Reads { get; private set; }

        public long BytesRead { get; private set; }

        public List<int> RequestedSizes { get; } = [];

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            RequestedSizes.Add(buffer.Length);
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
