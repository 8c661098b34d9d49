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

    /// <summary>The paths in place after the run (a cancelled run keeps those it restored).</summary>
    [Output]
    public ITaskItem[] RestoredFiles { get; private set; } = [];

    /// <summary>The paths not restored: metadata <c>Code</c> (<c>CART0505</c>) and <c>Error</c> (what the service said).</summary>
    [Output]
    public ITaskItem[] FailedFiles { get; private set; } = [];

    /// <summary>The paths of the batch on its way when the run was cancelled: restored or not (restoring again is harmless).</summary>
    [Output]
    public ITaskItem[] InterruptedFiles { get; private set; } = [];

    /// <summary>The paths never sent, because the run was cancelled first.</summary>
    [Output]
    public ITaskItem[] NotAttemptedFiles { get; private set; } = [];

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.Restore, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            RestoredFiles = Items(result.Restored);
            FailedFiles = result.Failed.Select(f => (ITaskItem)TaskItems.Create(f.Path, ("Code", f.Code), ("Error", f.Message))).ToArray();
            InterruptedFiles = Items(result.Interrupted);
            NotAttemptedFiles = Items(result.NotAttempted);
        }

        return run;
    }

    private RestoreOptions Options() => new()
    {
        Repository = Repository?.Trim() ?? string.Empty,
        Format = NullIfBlank(Format),
        Paths = List(Paths),
    };

    private static ITaskItem[] Items(IEnumerable<string> paths) => paths.Select(p => (ITaskItem)TaskItems.Create(p)).ToArray();
}
