using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Maven credentials: resolve them, write them to a Maven <c>settings.xml</c> (on its own or merged into the user's), and delete that file after use.</content>
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
    /// <c>settings.xml</c>: a <c>&lt;server&gt;</c> per repository and an active profile listing them,
    /// on their own or merged into <c>BaseSettingsFile</c> (such as the user's <c>~/.m2/settings.xml</c>,
    /// whose mirrors, proxies, servers and profiles are kept; the base itself is never changed).
    /// The file is written atomically and readable by its owner only (on Unix), rewritten only
    /// when its content changes, and a file this addin did not write is replaced only with
    /// <c>Overwrite = true</c>. It holds the passwords: delete it after use with
    /// <see cref="CodeArtifactDeleteMavenSettings"/>.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settingsFile">The file to write, such as <c>.mvn/settings.xml</c>.</param>
    /// <param name="settings">Which repositories, the base settings file, and how to connect.</param>
    /// <returns>The full path of the file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">The file, a setting or a credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">The file exists and was not written by this addin (<c>CART0201</c>), it could not be written (<c>CART0203</c>), the base settings file is missing or not a settings file (<c>CART0204</c>, before any request), a base server has one of the repositories' ids and other credentials (<c>CART0205</c>, unless <c>Overwrite</c>), or no repository has a password (<c>CART0208</c>) (inner <see cref="CodeArtifactAliasException"/>). A repository without a password (<c>CART0207</c>) and a base mirror that catches the repositories (<c>CART0206</c>) are Cake warnings.</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// var settingsXml = CodeArtifactWriteMavenSettings("build/settings.xml", new CodeArtifactMavenCredentialsSettings
    /// {
    ///     Region = "ap-southeast-3",
    ///     ProjectId = EnvironmentVariable("CODEARTIFACT_PROJECT_ID"),
    ///     BaseSettingsFile = EnvironmentVariable("HOME") + "/.m2/settings.xml",
    /// });
    /// try
    /// {
    ///     StartProcess("mvn", $"-s {settingsXml} deploy");
    /// }
    /// finally
    /// {
    ///     CodeArtifactDeleteMavenSettings(settingsXml);
    /// }
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

    /// <summary>
    /// Deletes a Maven <c>settings.xml</c> that <see cref="CodeArtifactWriteMavenSettings"/> wrote,
    /// with any temporary file an interrupted write left beside it, once Maven has run: it holds
    /// the repository passwords in clear text. A missing file is not an error (the step may run
    /// twice); a file this addin did not write, such as your own <c>~/.m2/settings.xml</c>, is
    /// refused and left alone. Sends no request.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settingsFile">The settings file to delete, as <see cref="CodeArtifactWriteMavenSettings"/> returned it.</param>
    /// <returns>What was done: <c>Path</c> (the full path), <c>Deleted</c> (false when there was nothing to delete), <c>TemporaryFilesDeleted</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settingsFile"/> is null.</exception>
    /// <exception cref="CakeException">The file was not written by this addin (<c>CART0209</c>, left alone), or it could not be deleted (<c>CART0210</c>: it still holds passwords) (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// Teardown(context =>
    /// {
    ///     CodeArtifactDeleteMavenSettings("build/settings.xml");
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Maven")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static MavenSettingsDeleteResult CodeArtifactDeleteMavenSettings(this ICakeContext context, FilePath settingsFile)
    {
        context.NotNull(nameof(context));
        settingsFile.NotNull(nameof(settingsFile));
        return MavenAliasRunner.Delete(context, settingsFile);
    }
}
