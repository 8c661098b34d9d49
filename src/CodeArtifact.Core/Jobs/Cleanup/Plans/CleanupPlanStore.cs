using System.Text;
using System.Text.Json;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>Reads and writes <see cref="CleanupPlan"/> files; every problem is a coded error naming the option.</summary>
internal static class CleanupPlanStore
{
    /// <summary>Writes the plan (replacing the file) through a temporary file beside it, so a reader never sees half a plan. Fails with CART0507.</summary>
    public static async Task WriteAsync(string path, CleanupPlan plan, CancellationToken cancellationToken)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(JsonSerializer.Serialize(plan, CleanupPlanJsonContext.Default.CleanupPlan) + "\n");
        string? temporary = null;
        try
        {
            var fullPath = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            temporary = fullPath + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, fullPath, overwrite: true);
            temporary = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CodeArtifactException(ErrorCodes.PlanWriteFailed, $"Could not write the cleanup plan {Argument.Quote(path)}: {ex.Message} Choose another PlanFile.", ex)
            {
                ParameterName = nameof(CleanupOptions.PlanFile),
            };
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>
    /// Reads and checks a plan: its kind and version, a repository and root, and every file path
    /// inside the root, once. Fails with CART0508 naming FromPlan; sends no request.
    /// </summary>
    public static CleanupPlan Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Invalid(path, $"it could not be read ({ex.Message})", ex);
        }

        CleanupPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize(bytes, CleanupPlanJsonContext.Default.CleanupPlan);
        }
        catch (JsonException ex)
        {
            throw Invalid(path, $"it is not a cleanup plan's JSON ({ex.Message})", ex);
        }

        if (plan is null)
        {
            throw Invalid(path, "it holds null instead of a plan");
        }

        if (plan.Kind != CleanupPlan.PlanKind || plan.Version != CleanupPlan.CurrentVersion)
        {
            throw Invalid(path, $"its kind and version are {Argument.Quote(plan.Kind)} {plan.Version}, and this build reads \"{CleanupPlan.PlanKind}\" {CleanupPlan.CurrentVersion} (a plan is written by a dry run with PlanFile)");
        }

        if (string.IsNullOrWhiteSpace(plan.Repository) || string.IsNullOrWhiteSpace(plan.RootPath) || plan.Files is null)
        {
            throw Invalid(path, "it lacks its repository, rootPath or files");
        }

        string root;
        try
        {
            root = RepositoryPaths.NormalizeRoot(plan.RootPath, nameof(CleanupOptions.FromPlan));
        }
        catch (CodeArtifactException ex)
        {
            throw Invalid(path, $"its rootPath {Argument.Quote(plan.RootPath)} is not a folder path", ex);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Files.Count; i++)
        {
            var file = plan.Files[i];
            if (file?.Path is null || !RepositoryPaths.IsUnderRoot(root, file.Path))
            {
                throw Invalid(path, $"files[{i}] has the path {Argument.Quote(file?.Path)}, which is not a file inside its rootPath \"{root}\"");
            }

            if (!seen.Add(file.Path))
            {
                throw Invalid(path, $"files[{i}] lists {Argument.Quote(file.Path)} a second time");
            }
        }

        return plan with { RootPath = root };
    }

    private static CodeArtifactException Invalid(string path, string why, Exception? inner = null) =>
        new(ErrorCodes.InvalidPlan, $"FromPlan {Argument.Quote(path)} cannot be applied: {why}. Nothing was deleted.", inner)
        {
            ParameterName = nameof(CleanupOptions.FromPlan),
        };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless; the failure that matters is already reported.
        }
    }
}
