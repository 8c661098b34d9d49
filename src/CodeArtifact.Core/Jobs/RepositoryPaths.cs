using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>Repository-relative paths (<c>/app/1.0/app.zip</c>) and repository ids, as the jobs use them.</summary>
internal static class RepositoryPaths
{
    /// <summary>The root in one form: a leading <c>/</c>, no trailing one (<c>/</c> itself stays <c>/</c>), no empty or <c>..</c> segment.</summary>
    public static string NormalizeRoot(string? rootPath, string parameterName = nameof(CleanupOptions.RootPath))
    {
        var path = Argument.RepositoryPath(string.IsNullOrEmpty(rootPath) ? "/" : rootPath, parameterName);
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }

        if (trimmed.Split('/').Skip(1).Any(segment => segment.Length == 0 || segment == "."))
        {
            throw Argument.Invalid(parameterName, rootPath, "a folder path such as /app/builds has no empty or '.' segment");
        }

        return trimmed;
    }

    /// <summary>True when <paramref name="path"/> is strictly inside <paramref name="root"/> (a normalized root).</summary>
    public static bool IsUnderRoot(string root, string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length > Argument.MaxPathLength || path.Any(char.IsControl))
        {
            return false;
        }

        var segments = path.Split('/');
        if (segments.Skip(1).Any(segment => segment.Length == 0 || segment is "." or ".."))
        {
            return false;
        }

        return root == "/" ? path.Length > 1 : path.StartsWith(root + "/", StringComparison.Ordinal) && path.Length > root.Length + 1;
    }

    /// <summary>Fails with CART0503 unless <paramref name="path"/> is inside <paramref name="root"/>.</summary>
    public static void EnsureUnderRoot(string root, string path)
    {
        if (!IsUnderRoot(root, path))
        {
            throw new CodeArtifactException(
                ErrorCodes.OutsideRoot,
                $"Refusing to touch {Argument.Quote(path)}: it is not inside \"{root}\" (the listing gave a path outside the folder being cleaned), so nothing was deleted.")
            {
                ParameterName = nameof(CleanupOptions.RootPath),
            };
        }
    }

    /// <summary>The path below the root without a leading <c>/</c> (<c>1.0/app.zip</c> for root <c>/app</c>).</summary>
    public static string RelativeToRoot(string root, string path) => root == "/" ? path[1..] : path[(root.Length + 1)..];

    /// <summary>The folder holding <paramref name="path"/> (<c>/</c> for a top-level file).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>
    /// The format named inside a repository id <c>{region}_{domainId}_{format}_{sequence}</c>
    /// (<c>maven</c> read as <c>maven2</c>), or <c>generic</c> when the id does not say.
    /// </summary>
    public static string FormatFromRepositoryId(string repositoryId)
    {
        var parts = repositoryId.Split('_');
        if (parts.Length >= 4)
        {
            var format = parts[2].ToLowerInvariant();
            if (format == "maven")
            {
                return "maven2";
            }

            if (KnownValues.RepositoryFormats.Contains(format, StringComparer.Ordinal))
            {
                return format;
            }
        }

        return "generic";
    }

    /// <summary>True for a Maven repository: its format is maven/maven2, or its id names the maven format.</summary>
    public static bool IsMaven(string repositoryId, string? format) =>
        format is not null && (format.Equals("maven2", StringComparison.OrdinalIgnoreCase) || format.Equals("maven", StringComparison.OrdinalIgnoreCase))
        || repositoryId.Contains("_maven_", StringComparison.OrdinalIgnoreCase);
}
