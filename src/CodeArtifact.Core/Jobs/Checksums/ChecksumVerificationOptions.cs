namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="ChecksumVerificationJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record ChecksumVerificationOptions
{
    /// <summary>The local files and where each one is in the repository.</summary>
    public IReadOnlyList<VerifyFileRequest> Files { get; init; } = [];

    /// <summary>The repository id for files that do not name their own.</summary>
    public string? Repository { get; init; }

    /// <summary>The repository format for files that do not name their own (default <c>generic</c>).</summary>
    public string Format { get; init; } = "generic";

    /// <summary>The digest to compare; Auto takes the strongest the repository reports.</summary>
    public ChecksumAlgorithm Algorithm { get; init; } = ChecksumAlgorithm.Auto;

    /// <summary>Files hashed at once (default: the processor count).</summary>
    public int? MaxParallelHashing { get; init; }

    /// <summary>
    /// Whether a mismatch (digest or size), or a file the repository holds no digest of the
    /// algorithm asked for, fails the run (default) or only warns. See <see cref="ChecksumVerificationResult.Problems"/>.
    /// </summary>
    public bool FailOnMismatch { get; init; } = true;

    /// <summary>Whether a file missing from the repository fails the run (default) or only warns.</summary>
    public bool FailOnMissing { get; init; } = true;
}

/// <summary>One local file to verify against its copy in the repository.</summary>
/// <param name="LocalPath">The local file.</param>
/// <param name="RemotePath">Its path in the repository, such as <c>/app/1.0/app.zip</c>.</param>
/// <param name="Repository">Its repository id, when not the options' one.</param>
/// <param name="Format">Its repository format, when not the options' one.</param>
public sealed record VerifyFileRequest(string LocalPath, string RemotePath, string? Repository = null, string? Format = null);
