namespace Cake.CodeArtifact;

/// <summary>
/// The retention policy of <see cref="CodeArtifactAliases.CodeArtifactDeleteObsoleteFiles"/>.
/// A file is deleted when it matches an <see cref="Include"/> glob, no <see cref="Exclude"/> or
/// <see cref="Protect"/> glob, is not among the <see cref="KeepLatest"/> newest files of its
/// folder, and is older than <see cref="OlderThanDays"/> when that is set.
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

    /// <summary>Only files last modified more than this many days ago (fractions allowed: 0.5 is twelve hours).</summary>
    public double? OlderThanDays { get; set; }

    /// <summary>Refuse to delete more files than this (default 100).</summary>
    public int MaxDeletions { get; set; } = 100;

    /// <summary>List what would be deleted without deleting anything.</summary>
    public bool DryRun { get; set; }
}
