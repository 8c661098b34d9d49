using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Domain.Maven;

/// <summary>A file the repository computes rather than stores (generated metadata), with its digests.</summary>
internal sealed record GeneratedFile(byte[] Content, DateTimeOffset Modified)
{
    public FileChecksums Checksums { get; } = MultiHasher.Of(Content);
}
