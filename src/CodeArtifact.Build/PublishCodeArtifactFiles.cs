using System.Globalization;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using Microsoft.Build.Framework;

namespace CodeArtifact.Build;

/// <summary>
/// Uploads local files to a non-Maven (generic …) repository, each to its repository path: a file
/// the repository already holds with the same SHA-256 is skipped as unchanged, a different file at
/// the path is replaced only with <see cref="Overwrite"/> (else error CART0606), and every upload
/// is verified against the SHA-256 the repository then reports (unless <see cref="Verify"/> is off).
/// The uploads go as the repository user of the account: the one Maven info returns, or
/// <c>CODEARTIFACT_REPOSITORY_USER</c> / <c>CODEARTIFACT_REPOSITORY_PASSWORD</c> from the
/// environment; the password is never a parameter, an output or a log line.
/// </summary>
public sealed class PublishCodeArtifactFiles : CodeArtifactTask
{
    /// <summary>
    /// The local files. Metadata: <c>RemotePath</c> (required: the path in the repository, such as
    /// <c>/app/1.0/app.zip</c>), optional <c>Repository</c> overriding <see cref="Repository"/>.
    /// </summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The repository id for files without their own <c>Repository</c> metadata (non-Maven repositories only).</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format (default: the one the repository reports). Maven formats are refused.</summary>
    public string? Format { get; set; }

    /// <summary>Replace a file that differs from the local one (default false: such a file is an error and left as it is).</summary>
    public bool Overwrite { get; set; }

    /// <summary>Compare each uploaded file's SHA-256 with the one the repository then reports (default true).</summary>
    public bool Verify { get; set; } = true;

    /// <summary>Only list what would be uploaded, left unchanged or refused; nothing is uploaded.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// The files uploaded (and verified unless <see cref="Verify"/> is off), including those uploaded
    /// before a cancellation. Metadata of every output item: <c>Repository</c>, <c>RemotePath</c>,
    /// <c>Sha256</c>, <c>Size</c>, <c>DownloadUri</c>, <c>Replaced</c>, <c>Verified</c>, <c>Status</c>.
    /// </summary>
    [Output]
    public ITaskItem[] PublishedFiles { get; private set; } = [];

    /// <summary>The files the repository already held with the same SHA-256: not uploaded.</summary>
    [Output]
    public ITaskItem[] UnchangedFiles { get; private set; } = [];

    /// <summary>The files not published, with metadata <c>Code</c> (<c>CART####</c>) and <c>Error</c> besides the others.</summary>
    [Output]
    public ITaskItem[] FailedFiles { get; private set; } = [];

    /// <summary>In a dry run, the files a real run would upload (new, or different with <see cref="Overwrite"/>).</summary>
    [Output]
    public ITaskItem[] WouldPublishFiles { get; private set; } = [];

    private protected override async Task<JobRun> RunAsync(JobRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(CodeArtifactJobs.Publish, Options, cancellationToken).ConfigureAwait(false);
        if (run.Result is { } result)
        {
            // The outcomes are in the order of the files given: each output item is its input item, with metadata.
            var items = result.Files.Select((file, i) => (file.Status, Item: ToItem(Files[i], file))).ToList();
            PublishedFiles = Outputs(items, PublishFileStatus.Uploaded);
            UnchangedFiles = Outputs(items, PublishFileStatus.Unchanged);
            FailedFiles = Outputs(items, PublishFileStatus.Failed);
            WouldPublishFiles = Outputs(items, PublishFileStatus.WouldUpload);
        }

        return run;
    }

    private PublishOptions Options() => new()
    {
        Files = Files.Select(f => new PublishFileRequest(f.GetMetadata("FullPath"), f.GetMetadata("RemotePath"), NullIfBlank(f.GetMetadata("Repository")))).ToArray(),
        Repository = NullIfBlank(Repository),
        Format = NullIfBlank(Format),
        Overwrite = Overwrite,
        Verify = Verify,
        DryRun = DryRun,
    };

    private static ITaskItem[] Outputs(List<(PublishFileStatus Status, ITaskItem Item)> items, PublishFileStatus status) =>
        items.Where(i => i.Status == status).Select(i => i.Item).ToArray();

    private static ITaskItem ToItem(ITaskItem input, PublishedFile file) => TaskItems.Copy(
        input,
        ("Repository", file.Repository),
        ("RemotePath", file.RemotePath),
        ("Status", Status(file.Status)),
        ("Sha256", file.Sha256),
        ("Size", MetadataValue(file.Size)),
        ("DownloadUri", file.DownloadUri),
        ("Replaced", file.Replaced ? "true" : "false"),
        ("Verified", file.Verified is { } verified ? (verified ? "true" : "false") : string.Empty),
        ("Code", file.Code),
        ("Error", file.Error));

    /// <summary>The status as the JSON report spells it: <c>uploaded</c>, <c>would-upload</c> ….</summary>
    private static string Status(PublishFileStatus status) => status switch
    {
        PublishFileStatus.WouldUpload => "would-upload",
        PublishFileStatus.NotStarted => "not-started",
        _ => status.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
