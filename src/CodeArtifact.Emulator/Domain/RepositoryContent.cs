using CodeArtifact.Emulator.Domain.Maven;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Domain;

/// <summary>
/// Decides what a repository path serves, as the service does for a Maven client: generated
/// <c>maven-metadata.xml</c> (<see cref="MavenMetadataGenerator"/>), stored files, and
/// <c>.md5</c>, <c>.sha1</c>, <c>.sha256</c> and <c>.sha512</c> for every one of them.
/// </summary>
/// <remarks>
/// A checksum is always answered from the digests of what its base path serves: the digests the
/// store computed on upload or seeding, or those of the generated metadata. So <c>mvn -C</c>
/// (strict checksums) passes for seeded files and for files uploaded without checksum files, and a
/// checksum file a client uploaded can never contradict the body served (the metadata Maven
/// uploads, with its checksums, is merged on read and so changes). Only where the base path serves
/// nothing is an uploaded checksum file served as stored.
/// </remarks>
internal sealed class RepositoryContent(EmulatorContext context)
{
    private static readonly (string Extension, Func<FileChecksums, string> Digest)[] ChecksumFiles =
    [
        (".md5", c => c.Md5),
        (".sha1", c => c.Sha1),
        (".sha256", c => c.Sha256),
        (".sha512", c => c.Sha512),
    ];

    private readonly MavenMetadataGenerator _metadata = new(context);

    /// <summary>What <paramref name="path"/> (normalized) serves in the repository, or null (404).</summary>
    public ServedFile? Resolve(RepositoryRecord repository, string path)
    {
        foreach (var (extension, digest) in ChecksumFiles)
        {
            if (path.Length > extension.Length && path.EndsWith(extension, StringComparison.Ordinal)
                && Body(repository, path[..^extension.Length]) is { } target)
            {
                return ServedFile.Text(digest(target.Checksums), target.Modified);
            }
        }

        return Body(repository, path);
    }

    private ServedFile? Body(RepositoryRecord repository, string path)
    {
        if (_metadata.Generate(repository, path) is { } generated)
        {
            return ServedFile.Of(generated);
        }

        return context.Store.GetActiveFile(repository.Id, path) is { } stored ? ServedFile.Of(stored) : null;
    }
}
