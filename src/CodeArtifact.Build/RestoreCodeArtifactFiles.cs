using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
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

    private protected override async Task<JobResult?> RunJobAsync(CodeArtifactClient client, Action<CodeArtifactLogEvent> log, CancellationToken cancellationToken)
    {
        var options = new RestoreOptions
        {
            Repository = Repository?.Trim() ?? string.Empty,
            Format = string.IsNullOrWhiteSpace(Format) ? null : Format.Trim(),
            Paths = List(Paths),
        };
        var result = await new RestoreJob(client, log).RunAsync(options, cancellationToken).ConfigureAwait(false);

        RestoredFiles = result.Restored.Select(p => (ITaskItem)TaskItems.Create(p)).ToArray();
        foreach (var failure in result.Failed)
        {
            Log.LogErrorWithCodeFromResources("RestoreCodeArtifactFiles.Failed", failure.Path, failure.Message);
        }

        return result;
    }

    // The job's own warning about failed restores is an error here, logged per file above.
    private protected override bool IsReportedByTask(CodeArtifactLogEvent logEvent) => logEvent.Code == ErrorCodes.RestoreFailed;
}
