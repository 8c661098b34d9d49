namespace CodeArtifact.Core.Jobs;

/// <summary>What <see cref="MavenSettingsFile.Delete"/> did.</summary>
/// <param name="Path">The full path of the settings file.</param>
/// <param name="Deleted">True when the file was there and is now gone; false when there was nothing to delete.</param>
/// <param name="TemporaryFilesDeleted">Temporary files of an interrupted write that were removed with it.</param>
public sealed record MavenSettingsDeleteResult(string Path, bool Deleted, int TemporaryFilesDeleted = 0)
{
    /// <summary>One line for the log.</summary>
    public string Summary => Deleted
        ? $"Deleted the Maven settings file {Path} and the passwords it held."
        : $"No Maven settings file to delete at {Path}.";
}
