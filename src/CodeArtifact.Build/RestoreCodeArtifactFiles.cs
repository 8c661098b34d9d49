using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>Restores deleted files from a repository's recycle bin, such as the files a cleanup deleted.</summary>
public sealed class RestoreCodeArtifactFiles : CodeArtifactTask
{
    /// <summary>The repository id the files were deleted from.</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format (default: from the repository id, else <c>generic</c>).</summary>
    public string? Format { get; set; }

    /// <summary>Repository paths, such as <c>/app/1.0/app.zip</c> (a cleanup report lists them).</summary>
    public string[]? Paths { get; set; }

    /// <summary>The paths restored.</summary>
    [Output]
    public ITaskItem[] RestoredFiles { get; private set; } = [];

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.Restore, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            RestoredFiles = result.Restored.Select(p => (ITaskItem)TaskItems.Create(p)).ToArray();
        }

        return run;
    }

    private RestoreOptions Options() => new()
    {
        Repository = Repository?.Trim() ?? string.Empty,
        Format = NullIfBlank(Format),
        Paths = List(Paths),
    };
}
