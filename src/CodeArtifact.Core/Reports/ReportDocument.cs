using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Reports;

// The JSON report's schema. Only these types are serialized, never a job's result or options
// directly, so a field appears in a report only when it is written here, and no secret type is.
// Adding a field keeps schemaVersion; renaming or removing one raises it.

/// <summary>The envelope every report shares; <typeparamref name="TInputs"/> and <typeparamref name="TResults"/> are the job's own.</summary>
internal sealed class ReportDocument<TInputs, TResults>
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

    /// <summary><c>succeeded</c>, <c>completed-with-problems</c>, <c>dry-run</c> or <c>cancelled</c>.</summary>
    [JsonPropertyOrder(6)]
    public required string Outcome { get; init; }

    [JsonPropertyOrder(7)]
    public required TInputs Inputs { get; init; }

    [JsonPropertyOrder(8)]
    public required TResults Results { get; init; }
}

internal sealed record ReportTool(string Name, string Version);

internal sealed record MavenCredentialsInputs(string? ProjectId, string? Policy, string Access, bool DefaultOnly, IReadOnlyList<string> RepositoryIds, string? SettingsFile, bool Overwrite);

internal sealed record MavenCredentialsResults(int Count, IReadOnlyList<MavenRepositoryEntry> Repositories, MavenSettingsEntry? SettingsFile);

/// <summary>A repository without its password: the report is not a place for it.</summary>
internal sealed record MavenRepositoryEntry(string Id, string Name, string Url, string? Policy, string UserName);

internal sealed record MavenSettingsEntry(string Path, bool Changed);

internal sealed record ChecksumInputs(string? Repository, string Format, string Algorithm, int FileCount);

// Failed counts the files that could not be judged: remote errors plus unreadable files.
internal sealed record ChecksumResults(int Verified, int Mismatched, int Missing, int Failed, IReadOnlyList<ChecksumFileEntry> Files, int WithoutRemoteDigest, int RemoteErrors, int Unreadable);

internal sealed record ChecksumFileEntry(string LocalPath, string RemotePath, string Repository, string Status, string? Algorithm, string? LocalHash, string? RemoteHash, string? DownloadUri, string? Error, string? ErrorCode, long? LocalSize, long? RemoteSize);

internal sealed record ReleaseVersionsInputs(string? ProjectId, string FileName, int? MaxResults, bool IncludePrerelease, string? PathFilter);

internal sealed record ReleaseVersionsResults(int TotalRecords, int RecordsReceived, int PagesFetched, bool Complete, ReleaseVersionEntry? Latest, IReadOnlyList<ReleaseVersionEntry> Versions, string? File, IReadOnlyList<string> OtherFiles, int SidecarsLeftOut, int FilteredOut);

internal sealed record ReleaseVersionEntry(string Version, string Path, string DownloadUrl);

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
    bool DryRun);

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
    IReadOnlyList<CleanupFileEntry> Kept);

internal sealed record CleanupFileEntry(string Path, DateTimeOffset? Modified, long? Size, string? Reason);

internal sealed record CleanupFailureEntry(string Path, string Message);

internal sealed record RestoreInputs(string Repository, string? Format, int PathCount);

internal sealed record RestoreResults(int RestoredCount, int FailedCount, IReadOnlyList<string> Restored, IReadOnlyList<CleanupFailureEntry> Failed);

/// <summary>Report JSON: camelCase, indented, nulls written (a reader sees every field of the schema).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument<MavenCredentialsInputs, MavenCredentialsResults>))]
[JsonSerializable(typeof(ReportDocument<ChecksumInputs, ChecksumResults>))]
[JsonSerializable(typeof(ReportDocument<ReleaseVersionsInputs, ReleaseVersionsResults>))]
[JsonSerializable(typeof(ReportDocument<CleanupInputs, CleanupResults>))]
[JsonSerializable(typeof(ReportDocument<RestoreInputs, RestoreResults>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
