namespace CodeArtifact.Core.Model;

/// <summary>
/// One folder of a repository as <c>ShowFileTree</c> lists it: all its children at once (the API
/// has no paging).
/// </summary>
public sealed class FileTree
{
    /// <summary>The folder as the service names it, such as <c>/&lt;repoId&gt;</c> for the root.</summary>
    public string Uri { get; init; } = string.Empty;

    /// <summary>The number of children the service reports.</summary>
    public int Total { get; init; }

    /// <summary>Whether the caller may upload into this repository.</summary>
    public bool UploadAccess { get; init; }

    /// <summary>When the folder was created, when the service says.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The files and folders directly inside.</summary>
    public IReadOnlyList<FileTreeEntry> Children { get; init; } = Array.Empty<FileTreeEntry>();
}

/// <summary>A file or folder in a <see cref="FileTree"/>. The tree reports no size; ask <c>GetFileDetailAsync</c>.</summary>
public sealed class FileTreeEntry
{
    /// <summary>The last path segment.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The service's access address of the entry.</summary>
    public string Uri { get; init; } = string.Empty;

    /// <summary>The path as the service sent it: <c>&lt;repoId&gt;/&lt;path&gt;</c>, no leading slash (the form file delete takes).</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The path relative to the repository with a leading slash, <c>/&lt;path&gt;</c> (the form file detail and file tree take).</summary>
    public string RelativePath { get; init; } = string.Empty;

    /// <summary>The last change.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Who changed it last.</summary>
    public string? ModifiedBy { get; init; }

    /// <summary>True for a folder.</summary>
    public bool IsFolder { get; init; }

    /// <summary>True when a folder has children.</summary>
    public bool HasChild { get; init; }
}
