using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace CodeArtifact.Build;

/// <summary>
/// Deletes a Maven <c>settings.xml</c> that <see cref="ResolveCodeArtifactMavenCredentials"/>
/// wrote, once the Maven steps are done: it holds the repository passwords in clear text. A
/// missing file is not an error (the step may run twice); a file CodeArtifact.Build did not write
/// is refused (<c>CART0209</c>) and left alone. Sends no request.
/// </summary>
public sealed class DeleteCodeArtifactMavenSettings : MSBuildTask
{
    /// <summary>The settings file to delete.</summary>
    [Required]
    public string SettingsFile { get; set; } = string.Empty;

    /// <summary>
    /// The MSBuild property behind each parameter, as <c>Parameter=Property</c> pairs: set by the
    /// ready target, so that a message names the property the user set.
    /// </summary>
    public string[]? PropertyNames { get; set; }

    /// <summary>True when the file was there and is now deleted; false when there was nothing to delete.</summary>
    [Output]
    public bool Deleted { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var result = MavenSettingsFile.Delete(SettingsFile);
            Deleted = result.Deleted;
            Log.LogMessage(MessageImportance.High, "{0}", result.Summary);
        }
        catch (CodeArtifactException ex)
        {
            var message = new ParameterRenamer(CodeArtifactTask.ParsePropertyNames(PropertyNames)).Rename(ex.Message);
            Log.LogError(null, ex.Code, "CodeArtifact." + ex.Code, null, 0, 0, 0, 0, "{0}", message);
            if (ex.InnerException is { } cause)
            {
                Log.LogMessage(MessageImportance.Low, "{0}", cause.ToString());
            }
        }

        return !Log.HasLoggedErrors;
    }
}
