namespace CodeArtifact.Core.Model;

/// <summary>
/// One entry of a recycle-bin request (<c>BatchRestoreRepo</c>, <c>BatchDeleteTrashes</c>).
/// </summary>
/// <param name="Id">The repository id.</param>
/// <param name="Format">The repository format, such as <c>go</c> or <c>maven2</c>.</param>
/// <param name="Uri"><c>&lt;repoId&gt;/&lt;path&gt;</c> for a file or folder, <c>&lt;repoId&gt;/</c> for a whole repository; no leading slash.</param>
/// <param name="Status"><c>active</c>, <c>trash</c> or <c>delete</c>.</param>
public sealed record RecycleBinItem(string Id, string Format, string Uri, string Status = "active")
{
    /// <summary>The item for one file or folder, from its repository-relative path (<c>/app/1.0/app.zip</c>).</summary>
    public static RecycleBinItem ForPath(string repository, string format, string path) =>
        new(repository, format, repository + "/" + (path ?? string.Empty).TrimStart('/'));

    /// <summary>The item for a whole repository.</summary>
    public static RecycleBinItem ForRepository(string repository, string format) =>
        new(repository, format, repository + "/");
}

/// <summary>The outcome of a recycle-bin batch.</summary>
public sealed class TrashcanResult
{
    /// <summary>Items the service handled.</summary>
    public int SuccessNum { get; init; }

    /// <summary>Items it could not handle; their reasons are in <see cref="FailedMessages"/>.</summary>
    public int FailedNum { get; init; }

    public IReadOnlyList<string> FailedMessages { get; init; } = Array.Empty<string>();

    /// <summary>True when nothing failed.</summary>
    public bool Succeeded => FailedNum == 0;
}
