using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Maven credentials: resolve them, or write them to a Maven <c>settings.xml</c>.</content>
public static partial class CodeArtifactAliases
{
    /// <summary>
    /// Resolves the Maven repositories of a project with the account to use each one. The
    /// passwords are <c>Secret</c> values: <c>ToString()</c> shows <c>***</c>, and
    /// <c>Reveal()</c> gives the value where it must be handed on.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">Which repositories, and how to connect.</param>
    /// <returns>The repositories: <c>Id</c>, <c>Name</c>, <c>Url</c>, <c>Policy</c>, <c>UserName</c>, <c>Password</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">A setting or credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// var repositories = CodeArtifactResolveMavenCredentials(new CodeArtifactMavenCredentialsSettings
    /// {
    ///     Region = "ap-southeast-3",
    ///     ProjectId = EnvironmentVariable("CODEARTIFACT_PROJECT_ID"),
    ///     Policy = "release",
    /// });
    /// foreach (var repository in repositories)
    /// {
    ///     Information("{0}: {1}", repository.Id, repository.Url);
    /// }
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Maven")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    [CakeNamespaceImport("CodeArtifact.Core.Auth")]
    public static IReadOnlyList<MavenRepositoryCredential> CodeArtifactResolveMavenCredentials(this ICakeContext context, CodeArtifactMavenCredentialsSettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return MavenAliasRunner.Resolve(context, settings).Repositories;
    }

    /// <summary>
    /// Writes the Maven repositories of a project and their accounts to a Maven
    /// <c>settings.xml</c>: a <c>&lt;server&gt;</c> per repository and an active profile listing them.
    /// The file is readable by its owner only (on Unix), rewritten only when its content changes,
    /// and a file this addin did not write is replaced only with <c>Overwrite = true</c>.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settingsFile">The file to write, such as <c>.mvn/settings.xml</c>.</param>
    /// <param name="settings">Which repositories, and how to connect.</param>
    /// <returns>The full path of the file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">The file, a setting or a credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">The file exists and was not written by this addin: <c>CART0201</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// var settingsXml = CodeArtifactWriteMavenSettings("build/settings.xml", new CodeArtifactMavenCredentialsSettings
    /// {
    ///     Region = "ap-southeast-3",
    ///     ProjectId = EnvironmentVariable("CODEARTIFACT_PROJECT_ID"),
    /// });
    /// StartProcess("mvn", $"-s {settingsXml} deploy");
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Maven")]
    public static FilePath CodeArtifactWriteMavenSettings(this ICakeContext context, FilePath settingsFile, CodeArtifactMavenCredentialsSettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return MavenAliasRunner.Write(context, settingsFile, settings);
    }
}
