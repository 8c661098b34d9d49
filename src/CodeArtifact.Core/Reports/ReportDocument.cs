using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Reports;

// The JSON report's schema. Only these types are serialized, never a job's result or options
// directly, so a field appears in a report only when it is written here, and no secret type is.
// Adding a field keeps schemaVersion; renaming or removing one raises it (2: outcome values,
// summary, error and problems, UTC times, release entries' prerelease).

/// <summary>
/// The envelope every report shares (schema version 2). <see cref="Inputs"/> and <see cref="Results"/>
/// are the job's own records (below), serialized by their runtime type; null when the run stopped
/// before the options could be read, or before the job had a result.
/// </summary>
internal sealed class ReportDocument
{
    [JsonPropertyOrder(0)]
    public int SchemaVersion { get; init; } = JobReport.SchemaVersion;

    [JsonPropertyOrder(1)]
    public required string Job { get; init; }

    [JsonPropertyOrder(2)]
    public required ReportTool Tool { get; init; }

    [JsonPropertyOrder(3)]
    public DateTimeOffset StartedAt { get; init; }

    [JsonPropertyOrder(4)]
    public DateTimeOffset FinishedAt { get; init; }

    [JsonPropertyOrder(5)]
    public long DurationMs { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c>, <c>refused</c> or <c>cancelled</c>.</summary>
    [JsonPropertyOrder(6)]
    public required string Outcome { get; init; }

    /// <summary>The one line that says what was done, or null when the job had no result.</summary>
    [JsonPropertyOrder(7)]
    public string? Summary { get; init; }

    /// <summary>Why the run stopped before its end (a refusal, a failure, a cancellation), or null.</summary>
    [JsonPropertyOrder(8)]
    public ReportError? Error { get; init; }

    /// <summary>Every coded problem, in the order the front ends report them (the stop last).</summary>
    [JsonPropertyOrder(9)]
    public required IReadOnlyList<ReportProblem> Problems { get; init; }

    [JsonPropertyOrder(10)]
    public object? Inputs { get; init; }

    [JsonPropertyOrder(11)]
    public object? Results { get; init; }
}

/// <summary>The failure that stopped a run, with what the service said when it answered.</summary>
internal sealed record ReportError(string Code, string Message, string? Parameter, string? Operation, int? HttpStatus, string? ServiceErrorCode, string? TraceId);

/// <summary>One coded problem: <c>error</c> (fails the run) or <c>warning</c>.</summary>
internal sealed record ReportProblem(string Severity, string Code, string Message, string? Subject);

internal sealed record ReportTool(string Name, string Version);

internal sealed record MavenCredentialsInputs(string? ProjectId, string? Policy, string Access, bool DefaultOnly, IReadOnlyList<string> RepositoryIds, string? SettingsFile, bool Overwrite, string? BaseSettingsFile);

internal sealed record MavenCredentialsResults(
    int Count, IReadOnlyList<MavenRepositoryEntry> Repositories, MavenSettingsEntry? SettingsFile, IReadOnlyList<string> LeftOutWithoutCredentials, IReadOnlyList<MavenMirrorEntry> MirrorCatches);

/// <summary>A mirror of the written settings file that catches some of our repositories.</summary>
internal sealed record MavenMirrorEntry(string MirrorId, string MirrorOf, string? MirrorUrl, bool Blocked, IReadOnlyList<string> RepositoryIds, string SuggestedMirrorOf);

/// <summary>A repository without its password: the report is not a place for it.</summary>
internal sealed record MavenRepositoryEntry(string Id, string Name, string Url, string? Policy, string UserName);

/// <summary>Where the settings file is and that it holds the repositories' credentials in clear text (<c>mode</c>: <c>0600</c> on Unix, else null).</summary>
internal sealed record MavenSettingsEntry(string Path, bool Changed, bool HoldsCredentials, string? Mode, string? BaseSettingsFile, IReadOnlyList<string> ReplacedBaseServers);

internal sealed record ChecksumInputs(string? Repository, string Format, string Algorithm, bool FailOnMismatch, bool FailOnMissing, int FileCount);

// Failed counts the files that could not be judged: remote errors plus unreadable files.
internal sealed record ChecksumResults(int Verified, int Mismatched, int Missing, int Failed, IReadOnlyList<ChecksumFileEntry> Files, int WithoutRemoteDigest, int RemoteErrors, int Unreadable);

internal sealed record ChecksumFileEntry(string LocalPath, string RemotePath, string Repository, string Status, string? Algorithm, string? LocalHash, string? RemoteHash, string? DownloadUri, string? Error, string? ErrorCode, long? LocalSize, long? RemoteSize);

internal sealed record ReleaseVersionsInputs(string? ProjectId, string FileName, int? MaxResults, bool IncludePrerelease, string? PathFilter);

internal sealed record ReleaseVersionsResults(int TotalRecords, int RecordsReceived, int PagesFetched, bool Complete, ReleaseVersionEntry? Latest, IReadOnlyList<ReleaseVersionEntry> Versions, string? File, IReadOnlyList<string> OtherFiles, int SidecarsLeftOut, int FilteredOut);

internal sealed record ReleaseVersionEntry(string Version, bool Prerelease, string Path, string DownloadUrl);

internal sealed record CleanupInputs(
    string Repository,
    string? Format,
    string RootPath,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> Protect,
    int KeepLatest,
    double? OlderThanDays,
    int MaxDeletions,
    bool DryRun,
    int KeepLatestVersions,
    double? NotDownloadedForDays,
    string? PlanFile,
    string? FromPlan);

internal sealed record CleanupResults(
    bool DryRun,
    bool Cancelled,
    long BytesFreed,
    int CandidateCount,
    int DeletedCount,
    int KeptCount,
    int FailedCount,
    IReadOnlyList<CleanupFileEntry> Candidates,
    IReadOnlyList<CleanupFileEntry> Deleted,
    IReadOnlyList<CleanupFileEntry> Interrupted,
    IReadOnlyList<CleanupFailureEntry> Failed,
    IReadOnlyList<CleanupFileEntry> Kept,
    int AlreadyGoneCount,
    int SkippedAsChangedCount,
    IReadOnlyList<CleanupFileEntry> AlreadyGone,
    IReadOnlyList<CleanupFileEntry> SkippedAsChanged,
    IReadOnlyList<CleanupFileEntry> NotAttempted,
    CleanupFailureEntry? StoppedBy);

internal sealed record CleanupFileEntry(string Path, DateTimeOffset? Modified, long? Size, string? Reason, string? Note);

internal sealed record CleanupFailureEntry(string Path, string Message, string Code);

internal sealed record RestoreInputs(string Repository, string? Format, int PathCount);

internal sealed record RestoreResults(int RestoredCount, int FailedCount, IReadOnlyList<string> Restored, IReadOnlyList<CleanupFailureEntry> Failed, IReadOnlyList<string> Interrupted, IReadOnlyList<string> NotAttempted);

/// <summary>
/// Report JSON: camelCase, indented, nulls written (a reader sees every field of the schema), every
/// time in UTC as ISO 8601 with <c>Z</c>. Each job's inputs and results records are listed here,
/// since the envelope holds them as <c>object</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = new[] { typeof(UtcTimeConverter) })]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(MavenCredentialsInputs))]
[JsonSerializable(typeof(MavenCredentialsResults))]
[JsonSerializable(typeof(ChecksumInputs))]
[JsonSerializable(typeof(ChecksumResults))]
[JsonSerializable(typeof(ReleaseVersionsInputs))]
[JsonSerializable(typeof(ReleaseVersionsResults))]
[JsonSerializable(typeof(CleanupInputs))]
[JsonSerializable(typeof(CleanupResults))]
[JsonSerializable(typeof(RestoreInputs))]
[JsonSerializable(typeof(RestoreResults))]
[JsonSerializable(typeof(PublishInputs))]
[JsonSerializable(typeof(PublishResults))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
