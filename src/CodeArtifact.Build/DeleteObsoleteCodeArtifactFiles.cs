using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Deletes obsolete files of a non-Maven repository by a retention policy: a file under
/// <see cref="RootPath"/> is deleted when it matches <see cref="Include"/>, matches neither
/// <see cref="Exclude"/> nor <see cref="Protect"/>, is not among the <see cref="KeepLatest"/>
/// newest of its folder, and is older than <see cref="OlderThanDays"/> when that is set. Deleted
/// files go to the recycle bin (see <see cref="RestoreCodeArtifactFiles"/>).
/// </summary>
public sealed class DeleteObsoleteCodeArtifactFiles : CodeArtifactTask
{
    /// <summary>The repository id (non-Maven repositories only).</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format (default: from the repository id, else <c>generic</c>).</summary>
    public string? Format { get; set; }

    /// <summary>The folder to clean (default <c>/</c>); nothing outside it is touched.</summary>
    public string? RootPath { get; set; }

    /// <summary>Globs of files to consider, relative to <see cref="RootPath"/>, <c>/</c>-separated, case-sensitive (default <c>**/*</c>).</summary>
    public string[]? Include { get; set; }

    /// <summary>Globs of files not to consider.</summary>
    public string[]? Exclude { get; set; }

    /// <summary>Globs of files never to delete.</summary>
    public string[]? Protect { get; set; }

    /// <summary>Keep this many newest files in each folder (default 0).</summary>
    public string? KeepLatest { get; set; }

    /// <summary>Only files modified more than this many days ago (empty: any age).</summary>
    public string? OlderThanDays { get; set; }

    /// <summary>Refuse, before the first delete, to delete more files than this (default 100).</summary>
    public string? MaxDeletions { get; set; }

    /// <summary>Only list what would be deleted.</summary>
    public bool DryRun { get; set; }

    /// <summary>The files deleted (none in a dry run): ItemSpec = repository path; metadata <c>Modified</c>, <c>Size</c>.</summary>
    [Output]
    public ITaskItem[] DeletedFiles { get; private set; } = [];

    /// <summary>Every file the policy selects, which is what a real run deletes: metadata <c>Modified</c>, <c>Size</c>.</summary>
    [Output]
    public ITaskItem[] Candidates { get; private set; } = [];

    /// <summary>Bytes freed (in a dry run: that would be freed).</summary>
    [Output]
    public long BytesFreed { get; private set; }

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.Cleanup, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            Candidates = result.Candidates.Select(ToItem).ToArray();
            DeletedFiles = result.Deleted.Select(ToItem).ToArray();
            BytesFreed = result.BytesFreed;
        }

        return run;
    }

    private CleanupOptions Options() => new()
    {
        Repository = Repository?.Trim() ?? string.Empty,
        Format = NullIfBlank(Format),
        RootPath = NullIfBlank(RootPath) ?? "/",
        Include = List(Include),
        Exclude = List(Exclude),
        Protect = List(Protect),
        KeepLatest = ParseCount(KeepLatest, nameof(KeepLatest), minimum: 0) ?? 0,
        OlderThanDays = ParseNumber(OlderThanDays, nameof(OlderThanDays), minimum: 0),
        MaxDeletions = ParseCount(MaxDeletions, nameof(MaxDeletions), minimum: 0) ?? 100,
        DryRun = DryRun,
    };

    private static ITaskItem ToItem(CleanupFile file) =>
        TaskItems.Create(file.Path, ("Modified", MetadataValue(file.Modified)), ("Size", MetadataValue(file.Size)));
}
