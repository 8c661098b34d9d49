namespace CodeArtifact.Core.Jobs;

/// <summary>What <see cref="MavenSettingsWriter.WriteAsync(string, IReadOnlyList{MavenRepositoryCredential}, bool, CancellationToken)"/> did.</summary>
/// <param name="Path">The full path of the file.</param>
/// <param name="Changed">False when the file already had exactly this content and was left alone.</param>
public sealed record MavenSettingsWriteResult(string Path, bool Changed)
{
    /// <summary>The settings file the written one was merged from (never modified), or null.</summary>
    public string? BaseSettingsFile { get; init; }

    /// <summary>Base servers with one of our ids and other credentials that <c>Overwrite</c> replaced.</summary>
    public IReadOnlyList<string> ReplacedBaseServers { get; init; } = [];

    /// <summary>
    /// True when the file holds repository passwords in clear text (it always does when it has a
    /// server): it is readable only by its owner (0600 on Unix); delete it after use
    /// (<see cref="MavenSettingsFile.Delete"/>).
    /// </summary>
    public bool HoldsPasswords { get; init; }
}
