namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="PublishJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record PublishOptions
{
    /// <summary>The local files and where each one goes in the repository.</summary>
    public IReadOnlyList<PublishFileRequest> Files { get; init; } = [];

    /// <summary>The repository id for files that do not name their own (non-Maven repositories only).</summary>
    public string? Repository { get; init; }

    /// <summary>
    /// The repository format for file detail (default: the one the repository reports, else the
    /// one its id names, else <c>generic</c>). Maven formats are refused: Maven deploys its own.
    /// </summary>
    public string? Format { get; init; }

    /// <summary>
    /// Replace a file that differs from the local one. Without it such a file is refused (CART0606)
    /// and left as it is; a file with the same SHA-256 is never uploaded again either way.
    /// </summary>
    public bool Overwrite { get; init; }

    /// <summary>Compare each uploaded file's SHA-256 with the one the repository then reports (default true).</summary>
    public bool Verify { get; init; } = true;

    /// <summary>Only list what would be uploaded, left unchanged or refused; nothing is uploaded.</summary>
    public bool DryRun { get; init; }

    /// <summary>Uploads and look-ups at once (default: the client's MaxConcurrency).</summary>
    public int? MaxConcurrency { get; init; }
}

/// <summary>One local file to publish.</summary>
/// <param name="LocalPath">The local file.</param>
/// <param name="RemotePath">Its path in the repository, such as <c>/app/1.0/app.zip</c> (a leading <c>/</c> is added when missing).</param>
/// <param name="Repository">Its repository id, when not the options' one.</param>
public sealed record PublishFileRequest(string LocalPath, string RemotePath, string? Repository = null);
