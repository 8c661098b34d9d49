namespace CodeArtifact.Core.Reports;

// The publish report's schema (see PublishReport). Like the other reports' types, only these are
// serialized, so a field appears in the report only when it is written here.

internal sealed record PublishInputs(IReadOnlyList<string> Repositories, string? Format, int FileCount, bool Overwrite, bool Verify, bool DryRun, int? MaxConcurrency);

internal sealed record PublishResults(
    bool DryRun,
    bool Cancelled,
    string? RepositoryUser,
    long BytesUploaded,
    int UploadedCount,
    int UnchangedCount,
    int FailedCount,
    int WouldUploadCount,
    int InterruptedCount,
    int NotStartedCount,
    IReadOnlyList<PublishFileEntry> Files);

internal sealed record PublishFileEntry(
    string LocalPath,
    string RemotePath,
    string Repository,
    string Status,
    long? Size,
    string? Sha256,
    string? RemoteSha256,
    bool Replaced,
    bool Stored,
    bool? Verified,
    string? DownloadUri,
    string? Code,
    string? Error);
