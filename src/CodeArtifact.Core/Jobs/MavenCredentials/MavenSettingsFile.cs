namespace CodeArtifact.Core.Jobs;

/// <summary>
/// The life of a settings file after <see cref="MavenCredentialsJob"/> wrote it: it holds
/// passwords in clear text, so a pipeline removes it once Maven has run, as CI actions do
/// (MSBuild target and Cake alias <c>CodeArtifactDeleteMavenSettings</c>).
/// </summary>
public static class MavenSettingsFile
{
    private const string Parameter = "SettingsFile";

    /// <summary>
    /// Deletes a settings file that CodeArtifact.Build wrote, with any temporary file an
    /// interrupted write left beside it. A missing file is not an error (the step may run twice);
    /// a file this product did not write, such as the user's own <c>~/.m2/settings.xml</c>, is
    /// refused (CART0209) and left alone.
    /// </summary>
    /// <exception cref="CodeArtifactException">CART0002 without a path, CART0209 for a file not ours, CART0210 when deleting fails.</exception>
    public static MavenSettingsDeleteResult Delete(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw CodeArtifactException.Missing(Parameter, "SettingsFile is required: the path of the settings.xml to delete.");
        }

        string fullPath = path;
        try
        {
            fullPath = Path.GetFullPath(path);
            var temporaries = DeleteTemporaries(fullPath);
            if (!File.Exists(fullPath))
            {
                return new MavenSettingsDeleteResult(fullPath, Deleted: false, temporaries);
            }

            if (!MavenSettingsWriter.IsOurs(File.ReadAllBytes(fullPath)))
            {
                throw new CodeArtifactException(
                    ErrorCodes.SettingsFileDeleteRefused,
                    $"The file {fullPath} was not written by CodeArtifact.Build (it has no <!-- {MavenSettingsWriter.Marker} --> comment), so it is not deleted. Give the SettingsFile that ResolveCodeArtifactMavenCredentials wrote.")
                {
                    ParameterName = Parameter,
                };
            }

            File.Delete(fullPath);
            return new MavenSettingsDeleteResult(fullPath, Deleted: true, temporaries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CodeArtifactException(ErrorCodes.SettingsFileDeleteFailed, $"Could not delete the settings file {fullPath}: {ex.Message} It still holds passwords: delete it by hand.", ex)
            {
                ParameterName = Parameter,
            };
        }
    }

    private static int DeleteTemporaries(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath);
        if (directory is null || !Directory.Exists(directory))
        {
            return 0;
        }

        var count = 0;
        foreach (var temporary in Directory.EnumerateFiles(directory, PrivateFileWriter.TemporaryPattern(fullPath)))
        {
            if (PrivateFileWriter.IsTemporaryOf(fullPath, temporary))
            {
                File.Delete(temporary);
                count++;
            }
        }

        return count;
    }
}
