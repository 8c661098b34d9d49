namespace CodeArtifact.Core.Jobs;

/// <summary>A settings file ready to write, and what composing it found.</summary>
/// <param name="Content">The bytes to write.</param>
/// <param name="ReplacedBaseServers">Base servers with our ids and other credentials, replaced because Overwrite was set.</param>
/// <param name="MirrorCatches">Mirrors of the result that catch our repositories.</param>
/// <param name="BaseSettingsFile">The base file's full path, or null.</param>
/// <param name="HoldsPasswords">True when the file has at least one of our servers.</param>
internal sealed record MavenSettingsComposition(
    byte[] Content, IReadOnlyList<string> ReplacedBaseServers, IReadOnlyList<MavenMirrorCatch> MirrorCatches, string? BaseSettingsFile, bool HoldsPasswords);
