namespace CodeArtifact.Core.Validation;

/// <summary>
/// The documented value lists. Where sources disagree (see api-fidelity-notes.md) the list is the
/// union of the sources, so that a value one source documents is never refused.
/// </summary>
internal static class KnownValues
{
    /// <summary>
    /// File detail <c>format</c>: the page's own list (maven2 … generic) plus the formats its
    /// repository-id rule names (composer, docker2, ohpm), since a repository of those formats has files too.
    /// </summary>
    public static readonly IReadOnlyList<string> FileFormats =
        ["maven2", "docker", "conan", "debian", "go", "nuget", "rpm", "pypi", "npm", "cocoapods", "generic", "composer", "docker2", "ohpm"];

    /// <summary>
    /// Recycle bin <c>format</c>: APIX/NET/DOC-EU (… docker2, cocoapods, ohpm, generic) united with DOC-CN
    /// (maven, helm, conda).
    /// </summary>
    public static readonly IReadOnlyList<string> RecycleBinFormats =
        ["maven2", "docker", "npm", "go", "pypi", "rpm", "composer", "debian", "conan", "nuget", "docker2", "cocoapods", "ohpm", "generic", "maven", "helm", "conda"];

    /// <summary>Advanced search <c>artifact_type</c> (advanced-search page).</summary>
    public static readonly IReadOnlyList<string> SearchFormats =
        ["maven2", "npm", "go", "pypi", "rpm", "composer", "debian", "conan", "nuget", "docker2", "cocoapods", "ohpm"];

    /// <summary>Repository formats for listing, storage and repository management (every format any page names).</summary>
    public static readonly IReadOnlyList<string> RepositoryFormats =
        ["maven2", "docker", "docker2", "npm", "go", "pypi", "rpm", "composer", "debian", "conan", "nuget", "cocoapods", "ohpm", "generic", "helm", "conda"];

    /// <summary>Recycle bin item <c>status</c>: active (正常), trash (废弃), delete (删除).</summary>
    public static readonly IReadOnlyList<string> RecycleBinStatuses = ["active", "trash", "delete"];

    /// <summary>Maven info <c>policy</c>; <c>releases</c> is the SDKs' spelling and is sent as <c>release</c>.</summary>
    public static readonly IReadOnlyList<string> MavenPolicies = ["release", "snapshot", "releases"];

    /// <summary>Maven info <c>access</c>: read, or read and write.</summary>
    public static readonly IReadOnlyList<string> MavenAccess = ["r", "rw"];

    /// <summary>Repository <c>type</c>: local (hosted), proxy (remote) or aggregate (virtual).</summary>
    public static readonly IReadOnlyList<string> RepositoryTypes = ["hosted", "remote", "virtual"];
}
