using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// From a run to its report document: the one place that decides what a report holds. A new job
/// adds its inputs and results records (ReportDocument.cs), and one case to each of
/// <see cref="Inputs"/> and <see cref="Results"/>.
/// </summary>
internal static class ReportMapper
{
    public static string Outcome(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Succeeded => "succeeded",
        JobOutcome.Failed => "failed",
        JobOutcome.Refused => "refused",
        _ => "cancelled",
    };

    public static ReportDocument Document(JobRun run) => new()
    {
        Job = run.JobName,
        Tool = JobReport.Tool,
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        DurationMs = (long)Math.Max(0, (run.FinishedAt - run.StartedAt).TotalMilliseconds),
        Outcome = Outcome(run.Outcome),
        Summary = run.Summary,
        Error = run.Failure is { } failure
            ? new ReportError(
                failure.Code,
                failure.Message,
                Service(run)?.ParameterName is null ? null : failure.Subject,
                Service(run)?.Operation,
                Service(run) is { HttpStatus: > 0 } http ? http.HttpStatus : null,
                Service(run)?.ServiceErrorCode,
                Service(run)?.TraceId)
            : null,
        Problems = run.Problems.Select(p => new ReportProblem(p.Severity == ProblemSeverity.Error ? "error" : "warning", p.Code, p.Message, p.Subject)).ToArray(),
        Inputs = Inputs(run.Options ?? OptionsOf(run.Result)),
        Results = Results(run.Result),
    };

    public static object? Inputs(object? options) => options switch
    {
        null => null,
        MavenCredentialsOptions o => new MavenCredentialsInputs(o.ProjectId, o.Policy, o.Access, o.DefaultOnly, o.RepositoryIds ?? [], o.SettingsFile, o.Overwrite, o.BaseSettingsFile),
        ChecksumVerificationOptions o => new ChecksumInputs(o.Repository, o.Format, o.Algorithm.Name(), o.FailOnMismatch, o.FailOnMissing, o.Files?.Count ?? 0),
        ReleaseVersionsOptions o => new ReleaseVersionsInputs(o.ProjectId, o.FileName, o.MaxResults, o.IncludePrerelease, o.PathFilter),
        CleanupOptions o => new CleanupInputs(o.Repository, o.Format, o.RootPath, o.Include ?? [], o.Exclude ?? [], o.Protect ?? [], o.KeepLatest, o.OlderThanDays, o.MaxDeletions, o.DryRun, o.KeepLatestVersions, o.NotDownloadedForDays, o.PlanFile, o.FromPlan),
        RestoreOptions o => new RestoreInputs(o.Repository, o.Format, o.Paths?.Count ?? 0),
        PublishOptions o => PublishReport.Inputs(o),
        _ => throw new ArgumentException($"No report is defined for {options.GetType().Name}.", nameof(options)),
    };

    private static CodeArtifactException? Service(JobRun run) => run.Exception as CodeArtifactException;

    /// <summary>The options a result carries (every job's result keeps its inputs).</summary>
    public static object? OptionsOf(JobResult? result) => result switch
    {
        MavenCredentialsResult r => r.Options,
        ChecksumVerificationResult r => r.Options,
        ReleaseVersionsResult r => r.Options,
        CleanupResult r => r.Options,
        RestoreResult r => r.Options,
        PublishResult r => r.Options,
        _ => null,
    };

    public static object? Results(JobResult? result) => result switch
    {
        null => null,
        MavenCredentialsResult r => new MavenCredentialsResults(
            r.Repositories.Count,
            r.Repositories.Select(x => new MavenRepositoryEntry(x.Id, x.Name, x.Url, x.Policy, x.UserName)).ToArray(),
            r.Settings is { } s
                ? new MavenSettingsEntry(s.Path, s.Changed, s.HoldsPasswords, OperatingSystem.IsWindows() ? null : "0600", s.BaseSettingsFile, s.ReplacedBaseServers)
                : null,
            r.RepositoriesWithoutPassword,
            r.MirrorCatches.Select(m => new MavenMirrorEntry(m.MirrorId, m.MirrorOf, m.MirrorUrl, m.Blocked, m.RepositoryIds, m.SuggestedMirrorOf)).ToArray()),
        ChecksumVerificationResult r => new ChecksumResults(
            r.Verified,
            r.Mismatched,
            r.Missing,
            r.Failed,
            r.Files.Select(f => new ChecksumFileEntry(f.LocalPath, f.RemotePath, f.Repository, StatusName(f.Status), f.Algorithm, f.LocalHash, f.RemoteHash, f.DownloadUri, f.Error, f.ErrorCode, f.LocalSize, f.RemoteSize)).ToArray(),
            r.WithoutRemoteDigest,
            r.RemoteErrors,
            r.Unreadable),
        ReleaseVersionsResult r => new ReleaseVersionsResults(
            r.TotalRecords,
            r.RecordsReceived,
            r.PagesFetched,
            r.Complete,
            r.Latest is { } l ? Entry(l) : null,
            r.Versions.Select(Entry).ToArray(),
            r.File,
            r.OtherFiles,
            r.SidecarsLeftOut,
            r.FilteredOut),
        CleanupResult r => new CleanupResults(
            r.DryRun,
            r.Cancelled,
            r.BytesFreed,
            r.Candidates.Count,
            r.Deleted.Count,
            r.Kept.Count,
            r.Failed.Count,
            Entries(r.Candidates),
            Entries(r.Deleted),
            Entries(r.Interrupted),
            r.Failed.Select(Entry).ToArray(),
            Entries(r.Kept),
            r.AlreadyGone.Count,
            r.SkippedAsChanged.Count,
            Entries(r.AlreadyGone),
            Entries(r.SkippedAsChanged),
            Entries(r.NotAttempted),
            r.StoppedBy is { } stop ? Entry(stop) : null),
        PublishResult r => PublishReport.Results(r),
        RestoreResult r => new RestoreResults(r.Restored.Count, r.Failed.Count, r.Restored, r.Failed.Select(Entry).ToArray(), r.Interrupted, r.NotAttempted),
        _ => throw new ArgumentException($"No report is defined for {result.GetType().Name}.", nameof(result)),
    };

    public static string StatusName(VerificationStatus status) => status switch
    {
        VerificationStatus.Verified => "verified",
        VerificationStatus.Mismatch => "mismatch",
        VerificationStatus.MissingRemotely => "missing-remotely",
        VerificationStatus.NoRemoteDigest => "no-remote-digest",
        VerificationStatus.RemoteError => "remote-error",
        _ => "unreadable-locally",
    };

    /// <summary>True for a version with a pre-release part (<c>2.0.0-rc.1</c>), by the jobs' own reading of versions.</summary>
    public static bool IsPrerelease(string version) => VersionKey.Parse(version).IsPrerelease;

    private static ReleaseVersionEntry Entry(ReleaseVersion v) => new(v.Version, IsPrerelease(v.Version), v.Path, v.DownloadUrl);

    private static CleanupFileEntry[] Entries(IReadOnlyList<CleanupFile> files) =>
        files.Select(f => new CleanupFileEntry(f.Path, f.Modified, f.Size, f.Reason, f.Note)).ToArray();

    private static CleanupFailureEntry Entry(CleanupFailure f) => new(f.Path, f.Message, f.Code);
}
