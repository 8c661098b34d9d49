using CodeArtifact.Emulator.Domain.Maven;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Domain;

/// <summary>What a <c>GET</c> of a repository path answers: a stored file, generated metadata, or a checksum of either.</summary>
internal sealed record ServedFile(string ContentType, long Size, FileChecksums Checksums, DateTimeOffset Modified, FileRecord? Stored, byte[]? Content)
{
    public static ServedFile Of(FileRecord file) => new("application/octet-stream", file.Size, file.Checksums, file.Modified, file, null);

    public static ServedFile Of(GeneratedFile file) => new("text/xml", file.Content.Length, file.Checksums, file.Modified, null, file.Content);

    /// <summary>A checksum file: the hex digest alone, as Maven writes and reads it.</summary>
    public static ServedFile Text(string text, DateTimeOffset modified)
    {
        var content = System.Text.Encoding.ASCII.GetBytes(text);
        return new("text/plain", content.Length, MultiHasher.Of(content), modified, null, content);
    }

    /// <summary>The body, or null when a stored file's blob is gone.</summary>
    public Stream? OpenRead(IBlobStore blobs) => Stored is null ? new MemoryStream(Content!, writable: false) : blobs.OpenRead(Stored.BlobKey);
}
