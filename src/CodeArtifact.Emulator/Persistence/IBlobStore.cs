namespace CodeArtifact.Emulator.Persistence;

/// <summary>File bodies, apart from their metadata. Keys are opaque and never reused.</summary>
internal interface IBlobStore
{
    /// <summary>Streams <paramref name="content"/> once into the store, hashing it on the way.</summary>
    Task<StoredBlob> WriteAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Stores bytes already in memory (seeding).</summary>
    StoredBlob Write(ReadOnlySpan<byte> content);

    /// <summary>The body, or null when the key is unknown.</summary>
    Stream? OpenRead(string key);

    void Delete(string key);

    /// <summary>Removes every body.</summary>
    void Clean();
}
