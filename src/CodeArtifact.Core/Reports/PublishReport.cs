using System.Text;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Reports;

/// <summary>
/// The publish job's report: inputs, counts and every file with its status, SHA-256 and download
/// address (never the repository password: no field here can hold it). JSON shape:
/// <c>inputs{repositories, format, fileCount, overwrite, verify, dryRun, maxConcurrency}</c>,
/// <c>results{dryRun, cancelled, repositoryUser, bytesUploaded, uploadedCount, unchangedCount,
/// failedCount, wouldUploadCount, interruptedCount, notStartedCount, files[{localPath, remotePath,
/// repository, status, size, sha256, remoteSha256, replaced, stored, verified, downloadUri, code,
/// error}]}</c>; <c>status</c> is <c>uploaded</c>, <c>unchanged</c>, <c>failed</c>,
/// <c>would-upload</c>, <c>interrupted</c> or <c>not-started</c>.
/// </summary>
internal static class PublishReport
{
    public static PublishInputs Inputs(PublishOptions o) => new(
        o.Files.Select(f => f.Repository ?? o.Repository).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
        o.Format,
        o.Files.Count,
        o.Overwrite,
        o.Verify,
        o.DryRun,
        o.MaxConcurrency);

    public static PublishResults Results(PublishResult r) => new(
        r.DryRun,
        r.Cancelled,
        r.RepositoryUser,
        r.BytesUploaded,
        r.Uploaded.Count,
        r.Unchanged.Count,
        r.Failed.Count,
        r.WouldUpload.Count,
        r.Interrupted.Count,
        r.NotStarted.Count,
        r.Files.Select(f => new PublishFileEntry(
            f.LocalPath, f.RemotePath, f.Repository, StatusName(f.Status), f.Size, f.Sha256, f.RemoteSha256, f.Replaced, f.Stored, f.Verified, f.DownloadUri, f.Code, f.Error)).ToArray());

    public static void RenderMarkdown(StringBuilder md, PublishResult r)
    {
        MarkdownReport.Table(
            md,
            ["Files", r.DryRun ? "Would upload" : "Uploaded", "Unchanged", "Failed", "Bytes uploaded"],
            [[MarkdownReport.Count(r.Files.Count), MarkdownReport.Count(r.DryRun ? r.WouldUpload.Count : r.Uploaded.Count), MarkdownReport.Count(r.Unchanged.Count), MarkdownReport.Count(r.Failed.Count), MarkdownReport.Bytes(r.BytesUploaded)]]);

        // Problems first: in a long list they are what a reader looks for.
        MarkdownReport.Table(
            md,
            ["Status", "Local file", "Repository path", "Size", "SHA-256"],
            r.Files
                .OrderBy(f => f.Status == PublishFileStatus.Failed ? 0 : f.Status is PublishFileStatus.Interrupted or PublishFileStatus.NotStarted ? 1 : 2)
                .Select(f => new[]
                {
                    MarkdownReport.Cell(f.Status == PublishFileStatus.Failed ? $"failed ({f.Code}): {f.Error}" : StatusName(f.Status)),
                    MarkdownReport.Code(f.LocalPath),
                    MarkdownReport.Code(f.Repository + f.RemotePath),
                    f.Size is { } size ? MarkdownReport.Bytes(size) : "—",
                    MarkdownReport.Code(f.Sha256),
                }));
    }

    public static string StatusName(PublishFileStatus status) => status switch
    {
        PublishFileStatus.Uploaded => "uploaded",
        PublishFileStatus.Unchanged => "unchanged",
        PublishFileStatus.Failed => "failed",
        PublishFileStatus.WouldUpload => "would-upload",
        PublishFileStatus.Interrupted => "interrupted",
        _ => "not-started",
    };
}
