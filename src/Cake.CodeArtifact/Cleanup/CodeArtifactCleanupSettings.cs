using Cake.Core.IO;

namespace Cake.CodeArtifact;

/// <summary>
/// The retention policy of <see cref="CodeArtifactAliases.CodeArtifactDeleteObsoleteFiles"/>.
/// A file is deleted when every rule that is set selects it: it matches an <see cref="Include"/>
/// glob and no <see cref="Exclude"/> or <see cref="Protect"/> glob, is not among the
/// <see cref="KeepLatest"/> newest files of its folder nor in the <see cref="KeepLatestVersions"/>
/// highest versions of its package, is older than <see cref="OlderThanDays"/> and unused for
/// <see cref="NotDownloadedForDays"/>. Or, with <see cref="FromPlan"/>, exactly the files of a
/// plan that a dry run wrote to <see cref="PlanFile"/>.
/// </summary>
public class CodeArtifactCleanupSettings : CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactCleanupSettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The shared connection settings.</param>
    public CodeArtifactCleanupSettings(CodeArtifactSettings connection)
        : base(connection)
    {
    }

    /// <summary>The repository id (required; Maven repositories are refused).</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format, when known (a Maven format is refused).</summary>
    public string? Format { get; set; }

    /// <summary>The folder to clean, such as <c>/app</c> (default <c>/</c>); nothing outside it is touched.</summary>
    public string RootPath { get; set; } = "/";

    /// <summary>Globs of paths relative to <see cref="RootPath"/> to consider (default <c>**/*</c>).</summary>
    public ICollection<string> Include { get; set; } = new List<string>();

    /// <summary>Globs of paths to leave out.</summary>
    public ICollection<string> Exclude { get; set; } = new List<string>();

    /// <summary>Globs of paths that are never deleted.</summary>
    public ICollection<string> Protect { get; set; } = new List<string>();

    /// <summary>Keep this many newest files in each folder (default 0).</summary>
    public int KeepLatest { get; set; }

    /// <summary>
    /// Keep every file of this many highest versions of each package (default 0: off). A file's
    /// version is the first folder below <see cref="RootPath"/> that reads as a version
    /// (<c>app/1.2.0/app.zip</c>); with 1 or more, a package's highest release is kept too, and a
    /// file in no version folder is never deleted.
    /// </summary>
    public int KeepLatestVersions { get; set; }

    /// <summary>Only files last modified more than this many days ago (fractions allowed: 0.5 is twelve hours).</summary>
    public double? OlderThanDays { get; set; }

    /// <summary>
    /// Only files neither downloaded nor uploaded within this many days (unset: downloads are not
    /// looked at). A file never downloaded counts from its upload, so a fresh upload is never unused.
    /// </summary>
    public double? NotDownloadedForDays { get; set; }

    /// <summary>Refuse to delete more files than this (default 100).</summary>
    public int MaxDeletions { get; set; } = 100;

    /// <summary>List what would be deleted without deleting anything.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// With <see cref="DryRun"/>: write the candidates to this JSON plan file (relative to the
    /// working directory), for review and a later run with <see cref="FromPlan"/>.
    /// </summary>
    public FilePath? PlanFile { get; set; }

    /// <summary>
    /// Delete exactly the files of this plan (written by a dry run with <see cref="PlanFile"/>)
    /// instead of walking the tree; each is checked again first, and a file changed since the plan
    /// is kept. The plan's repository and root must be <see cref="Repository"/> and <see cref="RootPath"/>.
    /// </summary>
    public FilePath? FromPlan { get; set; }
}
