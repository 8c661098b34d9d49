namespace CodeArtifact.Core.Jobs;

/// <summary>
/// One file on its way through a <see cref="PublishJob"/> run: its validated inputs, then what
/// each step learned. Each item is written by one task at a time (planning, then its upload,
/// then verification), so it needs no lock.
/// </summary>
internal sealed class PublishItem
{
    public required string GivenLocalPath { get; init; }

    public required string FullLocalPath { get; init; }

    public required string RemotePath { get; init; }

    public required string Repository { get; init; }

    /// <summary>The parameter names of this file's inputs, for messages (<c>Files[3]</c>).</summary>
    public required string ParameterPrefix { get; init; }

    public string Format { get; set; } = "generic";

    /// <summary>The repository's URL, once resolved.</summary>
    public Uri? RepositoryUrl { get; set; }

    /// <summary>Where the file is uploaded to (and, in the service's layout, downloaded from).</summary>
    public Uri? UploadUri { get; set; }

    public PublishFileStatus Status { get; set; } = PublishFileStatus.NotStarted;

    public long? Size { get; set; }

    public string? Sha256 { get; set; }

    public string? RemoteSha256 { get; set; }

    public bool Replaced { get; set; }

    public bool Stored { get; set; }

    public bool? Verified { get; set; }

    public string? DownloadUri { get; set; }

    public string? Code { get; set; }

    public string? Error { get; set; }

    /// <summary>Where the file goes, for messages: <c>{repository}/{path}</c>.</summary>
    public string Target => Repository + RemotePath;

    public void Fail(string code, string error)
    {
        Status = PublishFileStatus.Failed;
        Code = code;
        Error = error;
    }

    public PublishedFile ToResult() => new()
    {
        LocalPath = GivenLocalPath,
        RemotePath = RemotePath,
        Repository = Repository,
        Status = Status,
        Size = Size,
        Sha256 = Sha256,
        RemoteSha256 = RemoteSha256,
        Replaced = Replaced,
        Stored = Stored,
        Verified = Verified,
        DownloadUri = DownloadUri ?? (Stored ? UploadUri?.AbsoluteUri : null),
        Code = Code,
        Error = Error,
    };
}
