namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="RestoreJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record RestoreOptions
{
    /// <summary>The repository id the files were deleted from.</summary>
    public string Repository { get; init; } = string.Empty;

    /// <summary>The repository format (default: read from the repository id, else <c>generic</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Repository-relative paths (as a cleanup report lists them), such as <c>/app/1.0/app.zip</c>.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Items per recycle-bin request (default 100).</summary>
    public int BatchSize { get; init; } = 100;
}
