using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Deletes obsolete files of a non-Maven repository by a retention policy: a file under
/// <see cref="RootPath"/> is deleted when every rule that is set selects it (<see cref="Include"/>,
/// <see cref="Exclude"/>, <see cref="Protect"/>, <see cref="KeepLatest"/>,
/// <see cref="KeepLatestVersions"/>, <see cref="OlderThanDays"/>, <see cref="NotDownloadedForDays"/>),
/// or exactly the files of a reviewed plan (<see cref="PlanFile"/>, then <see cref="FromPlan"/>).
/// Deleted files go to the recycle bin (see <see cref="RestoreCodeArtifactFiles"/>).
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

    /// <summary>
    /// Keep every file of this many highest versions of each package (default 0: off). A file's
    /// version is the first folder below <see cref="RootPath"/> that reads as a version
    /// (<c>app/1.2.0/app.zip</c>); with 1 or more, a package's highest release is kept too, and a
    /// file in no version folder is never deleted.
    /// </summary>
    public string? KeepLatestVersions { get; set; }

    /// <summary>Only files modified more than this many days ago (empty: any age).</summary>
    public string? OlderThanDays { get; set; }

    /// <summary>
    /// Only files neither downloaded nor uploaded within this many days (empty: downloads are not
    /// looked at). A file never downloaded counts from its upload.
    /// </summary>
    public string? NotDownloadedForDays { get; set; }

    /// <summary>Refuse, before the first delete, to delete more files than this (default 100); a plan too.</summary>
    public string? MaxDeletions { get; set; }

    /// <summary>Only list what would be deleted.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// With <see cref="DryRun"/>: write the candidates to this JSON plan file, for review and a
    /// later run with <see cref="FromPlan"/>. On output: its full path, once written.
    /// </summary>
    [Output]
    public string? PlanFile { get; set; }

    /// <summary>
    /// Delete exactly the files of this plan (written by a dry run with <see cref="PlanFile"/>),
    /// each checked again first: a file changed since the plan is kept. The plan's repository and
    /// root must be <see cref="Repository"/> and <see cref="RootPath"/>.
    /// </summary>
    public string? FromPlan { get; set; }

    /// <summary>The files this run deleted (none in a dry run): ItemSpec = repository path; metadata <c>Modified</c>, <c>Size</c>, <c>Note</c>.</summary>
    [Output]
    public ITaskItem[] DeletedFiles { get; private set; } = [];

    /// <summary>Every file the policy selects (or the plan lists), which is what a real run tries to delete: metadata <c>Modified</c>, <c>Size</c>.</summary>
    [Output]
    public ITaskItem[] Candidates { get; private set; } = [];

    /// <summary>Candidates someone else deleted first: not deleted by this run, no bytes freed. Metadata <c>Modified</c>, <c>Size</c>, <c>Note</c>.</summary>
    [Output]
    public ITaskItem[] AlreadyGoneFiles { get; private set; } = [];

    /// <summary>
    /// Candidates kept because they changed since the plan or the listing: metadata <c>Reason</c>
    /// (<c>changed-since-plan</c>, <c>changed-since-listing</c>, <c>downloaded-since-listing</c>),
    /// <c>Note</c> (what changed), <c>Modified</c>, <c>Size</c>.
    /// </summary>
    [Output]
    public ITaskItem[] SkippedFiles { get; private set; } = [];

    /// <summary>Candidates whose delete failed: metadata <c>Code</c> (<c>CART0504</c>, <c>CART0511</c>, <c>CART0512</c>) and <c>Error</c>.</summary>
    [Output]
    public ITaskItem[] FailedFiles { get; private set; } = [];

    /// <summary>Candidates whose delete was on its way when the run was cancelled: deleted or not (restore them to be sure).</summary>
    [Output]
    public ITaskItem[] InterruptedFiles { get; private set; } = [];

    /// <summary>Candidates never tried, because the run stopped first (cancellation, or a 401/403).</summary>
    [Output]
    public ITaskItem[] NotAttemptedFiles { get; private set; } = [];

    /// <summary>Files under the root that the policy keeps: metadata <c>Reason</c> (such as <c>keep-latest-versions</c>, <c>time-unknown</c>), <c>Modified</c>, <c>Size</c>.</summary>
    [Output]
    public ITaskItem[] KeptFiles { get; private set; } = [];

    /// <summary>Bytes freed by the deleted files (in a dry run: that would be freed); already-gone files free nothing.</summary>
    [Output]
    public long BytesFreed { get; private set; }

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.Cleanup, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            Candidates = Items(result.Candidates);
            DeletedFiles = Items(result.Deleted);
            AlreadyGoneFiles = Items(result.AlreadyGone);
            SkippedFiles = Items(result.SkippedAsChanged);
            FailedFiles = result.Failed.Select(f => (ITaskItem)TaskItems.Create(f.Path, ("Code", f.Code), ("Error", f.Message))).ToArray();
            InterruptedFiles = Items(result.Interrupted);
            NotAttemptedFiles = Items(result.NotAttempted);
            KeptFiles = Items(result.Kept);
            BytesFreed = result.BytesFreed;
            PlanFile = result.DryRun && result.Plan is not null && NullIfBlank(PlanFile) is { } written ? Path.GetFullPath(written) : PlanFile;
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
        KeepLatestVersions = ParseCount(KeepLatestVersions, nameof(KeepLatestVersions), minimum: 0) ?? 0,
        OlderThanDays = ParseNumber(OlderThanDays, nameof(OlderThanDays), minimum: 0),
        NotDownloadedForDays = ParseNumber(NotDownloadedForDays, nameof(NotDownloadedForDays), minimum: 0),
        MaxDeletions = ParseCount(MaxDeletions, nameof(MaxDeletions), minimum: 0) ?? 100,
        DryRun = DryRun,
        PlanFile = NullIfBlank(PlanFile),
        FromPlan = NullIfBlank(FromPlan),
    };

    private static ITaskItem[] Items(IEnumerable<CleanupFile> files) => files.Select(ToItem).ToArray();

    private static ITaskItem ToItem(CleanupFile file) =>
        TaskItems.Create(
            file.Path,
            ("Modified", MetadataValue(file.Modified)),
            ("Size", MetadataValue(file.Size)),
            ("Reason", file.Reason),
            ("Note", file.Note));
}
