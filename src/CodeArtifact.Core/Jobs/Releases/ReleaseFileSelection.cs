using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Picks the one file asked for among the records of a fuzzy search (see
/// <see cref="ReleaseFileNames"/> for how records become files).
/// </summary>
/// <remarks>
/// In order: checksum and signature sidecars are left out; with a PathFilter, only records whose
/// path it matches are kept; the rest are grouped into files. One file is the answer. Among
/// several, the one named as asked (<see cref="ReleaseFileNames.IsNamed"/>, with or without its
/// version: <c>app</c> and <c>app-1.0.zip</c> both name <c>/app/{version}/app-{version}.zip</c>) is the answer, or else
/// the one in a folder named as asked; when no single file is, the search is ambiguous
/// (CART0403) and the error lists the files found.
/// </remarks>
internal sealed class ReleaseFileSelection
{
    private const int MaxNamesListed = 10;

    private ReleaseFileSelection(string? pattern, IReadOnlyList<ReleaseFile> records, IReadOnlyList<string> otherFiles, int sidecars, int filteredOut)
    {
        Pattern = pattern;
        Records = records;
        OtherFiles = otherFiles;
        Sidecars = sidecars;
        FilteredOut = filteredOut;
    }

    /// <summary>The chosen file's path pattern, or null when no record is left.</summary>
    public string? Pattern { get; }

    /// <summary>The chosen file's records.</summary>
    public IReadOnlyList<ReleaseFile> Records { get; }

    /// <summary>The patterns of the other files the search returned, left out.</summary>
    public IReadOnlyList<string> OtherFiles { get; }

    /// <summary>Sidecar records left out.</summary>
    public int Sidecars { get; }

    /// <summary>Records the PathFilter did not match.</summary>
    public int FilteredOut { get; }

    public static ReleaseFileSelection Select(IReadOnlyList<ReleaseFile> records, string fileName, PathGlob? pathFilter)
    {
        var candidates = records.Where(r => !ReleaseFileNames.IsSidecar(r.Path)).ToList();
        var sidecars = records.Count - candidates.Count;
        var filteredOut = 0;
        if (pathFilter is not null)
        {
            var matching = pathFilter.Matching(candidates.Select(r => r.Path));
            filteredOut = candidates.RemoveAll(r => !matching.Contains(r.Path));
        }

        var files = candidates
            .GroupBy(r => ReleaseFileNames.FilePattern(r.Path, r.Version), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReleaseFile>)g.ToList(), StringComparer.Ordinal);
        if (files.Count == 0)
        {
            return new ReleaseFileSelection(null, [], [], sidecars, filteredOut);
        }

        var chosen = files.Count == 1 ? files.Keys.First() : Choose(files, fileName, pathFilter);
        var others = files.Keys.Where(k => k != chosen).Order(StringComparer.Ordinal).ToArray();
        return new ReleaseFileSelection(chosen, files[chosen], others, sidecars, filteredOut);
    }

    private static string Choose(Dictionary<string, IReadOnlyList<ReleaseFile>> files, string fileName, PathGlob? pathFilter)
    {
        var all = files.Keys.Order(StringComparer.Ordinal).ToList();

        // Named as asked without its version (app names app-{version}.zip), or as one of its records is (app-9.0.0.zip).
        var named = all.Where(p => ReleaseFileNames.IsNamed(p, fileName)
            || files[p].Any(r => ReleaseFileNames.IsNamed(r.Path, fileName))).ToList();
        if (named.Count == 1)
        {
            return named[0];
        }

        if (named.Count == 0)
        {
            var inFolder = all.Where(p => ReleaseFileNames.IsInFolderNamed(p, fileName)).ToList();
            if (inFolder.Count == 1)
            {
                return inFolder[0];
            }
        }

        throw Ambiguous(fileName, all.Count, named.Count > 1 ? named : all, named.Count > 1, pathFilter);
    }

    private static CodeArtifactException Ambiguous(string fileName, int files, IReadOnlyList<string> patterns, bool severalNamed, PathGlob? pathFilter)
    {
        var listed = string.Join(", ", patterns.Take(MaxNamesListed).Select(p => $"{ReleaseFileNames.Name(p)} ({p})"));
        var more = patterns.Count > MaxNamesListed ? $" and {Quantity.Number(patterns.Count - MaxNamesListed)} more" : string.Empty;
        var filter = pathFilter is null ? string.Empty : $" that PathFilter \"{pathFilter.Glob}\" matches";
        var example = patterns[0].Replace(ReleaseFileNames.VersionPlaceholder, "*", StringComparison.Ordinal);

        // An exact name helps only when the stored name holds no version: the service's search would not find app.zip in app-1.0.zip.
        var lastSegment = patterns[0][(patterns[0].LastIndexOf('/') + 1)..];
        var byName = lastSegment.Contains(ReleaseFileNames.VersionPlaceholder, StringComparison.Ordinal)
            ? string.Empty
            : $", or set FileName to its exact name (such as {lastSegment})";
        return new CodeArtifactException(
            ErrorCodes.AmbiguousReleaseFile,
            $"The release file name \"{fileName}\" matches {Quantity.Of(files, "file")}{filter}, and "
            + (severalNamed ? $"{Quantity.Number(patterns.Count)} of them are named so" : "none is named exactly so")
            + $": {listed}{more}. Choose one with PathFilter, a glob of its path (such as {example}){byName}.");
    }
}
