using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Reports;

/// <summary>From job results to report documents; the one place that decides what a report holds.</summary>
internal static class ReportMapper
{
    public static string Outcome(JobResult result) => result switch
    {
        CleanupResult { Cancelled: true } => "cancelled",
        CleanupResult { DryRun: true } => "dry-run",
        CleanupResult r => r.Failed.Count == 0 ? Succeeded : Problems,
        MavenCredentialsResult r => r.Repositories.Count > 0 ? Succeeded : Problems,
        ChecksumVerificationResult r => r.Files.All(f => f.Status == VerificationStatus.Verified) ? Succeeded : Problems,
        ReleaseVersionsResult r => r.Complete ? Succeeded : Problems,
        RestoreResult r => r.Failed.Count == 0 ? Succeeded : Problems,
        PublishResult r => PublishReport.Outcome(r),
        _ => Succeeded,
    };

    private const string Succeeded = "succeeded";
    private const string Problems = "completed-with-problems";

    public static ReportDocument<MavenCredentialsInputs, MavenCredentialsResults> Map(MavenCredentialsResult r) => Document(
        r,
        new MavenCredentialsInputs(r.Options.ProjectId, r.Options.Policy, r.Options.Access, r.Options.DefaultOnly, r.Options.RepositoryIds ?? [], r.Options.SettingsFile, r.Options.Overwrite),
        new MavenCredentialsResults(
            r.Repositories.Count,
            r.Repositories.Select(x => new MavenRepositoryEntry(x.Id, x.Name, x.Url, x.Policy, x.UserName)).ToArray(),
            r.Settings is { } s ? new MavenSettingsEntry(s.Path, s.Changed) : null));

    public static ReportDocument<ChecksumInputs, ChecksumResults> Map(ChecksumVerificationResult r) => Document(
        r,
        new ChecksumInputs(r.Options.Repository, r.Options.Format, r.Options.Algorithm.Name(), r.Files.Count),
        new ChecksumResults(
            r.Verified,
            r.Mismatched,
            r.Missing,
            r.Failed,
            r.Files.Select(f => new ChecksumFileEntry(f.LocalPath, f.RemotePath, f.Repository, StatusName(f.Status), f.Algorithm, f.LocalHash, f.RemoteHash, f.DownloadUri, f.Error)).ToArray()));

    public static ReportDocument<ReleaseVersionsInputs, ReleaseVersionsResults> Map(ReleaseVersionsResult r) => Document(
        r,
        new ReleaseVersionsInputs(r.Options.ProjectId, r.Options.FileName, r.Options.MaxResults, r.Options.IncludePrerelease),
        new ReleaseVersionsResults(
            r.TotalRecords,
            r.RecordsReceived,
            r.PagesFetched,
            r.Complete,
            r.Latest is { } l ? Entry(l) : null,
            r.Versions.Select(Entry).ToArray()));

    public static ReportDocument<CleanupInputs, CleanupResults> Map(CleanupResult r) => Document(
        r,
        new CleanupInputs(
            r.Options.Repository,
            r.Options.Format,
            r.Options.RootPath,
            r.Options.Include ?? [],
            r.Options.Exclude ?? [],
            r.Options.Protect ?? [],
            r.Options.KeepLatest,
            r.Options.OlderThanDays,
            r.Options.MaxDeletions,
            r.Options.DryRun),
        new CleanupResults(
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
            r.Failed.Select(f => new CleanupFailureEntry(f.Path, f.Message)).ToArray(),
            Entries(r.Kept)));

    public static ReportDocument<RestoreInputs, RestoreResults> Map(RestoreResult r) => Document(
        r,
        new RestoreInputs(r.Options.Repository, r.Options.Format, r.Options.Paths?.Count ?? 0),
        new RestoreResults(r.Restored.Count, r.Failed.Count, r.Restored, r.Failed.Select(f => new CleanupFailureEntry(f.Path, f.Message)).ToArray()));

    public static string StatusName(VerificationStatus status) => status switch
    {
        VerificationStatus.Verified => "verified",
        VerificationStatus.Mismatch => "mismatch",
        VerificationStatus.MissingRemotely => "missing-remotely",
        _ => "unreadable-locally",
    };

    internal static ReportDocument<TInputs, TResults> Document<TInputs, TResults>(JobResult result, TInputs inputs, TResults results) => new()
    {
        Job = result.JobName,
        Tool = JobReport.Tool,
        StartedAt = result.StartedAt,
        FinishedAt = result.FinishedAt,
        DurationMs = (long)Math.Max(0, (result.FinishedAt - result.StartedAt).TotalMilliseconds),
        Outcome = Outcome(result),
        Inputs = inputs,
        Results = results,
    };

    private static ReleaseVersionEntry Entry(ReleaseVersion v) => new(v.Version, v.Path, v.DownloadUrl);

    private static CleanupFileEntry[] Entries(IReadOnlyList<CleanupFile> files) =>
        files.Select(f => new CleanupFileEntry(f.Path, f.Modified, f.Size, f.Reason)).ToArray();
}
