using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// A cleanup's options, checked before any request: the repository (a Maven one is refused,
/// CART0501), format, root, policy, limits, and for a plan run the plan file itself (CART0508) and
/// its repository and root against the run's (CART0509).
/// </summary>
internal sealed record CleanupSettings(string Repository, string Format, string Root, RetentionPolicy Policy, int Concurrency, CleanupPlan? Plan)
{
    public static CleanupSettings Validate(CleanupOptions options, int clientConcurrency)
    {
        var repository = Argument.RepositoryId(options.Repository, nameof(CleanupOptions.Repository));
        if (RepositoryPaths.IsMaven(repository, options.Format))
        {
            throw new CodeArtifactException(
                ErrorCodes.MavenRepositoryRefused,
                $"Repository \"{repository}\" is a Maven repository: the file delete API serves non-Maven repositories only, so cleanup refuses it. Use Maven's own snapshot clean-up settings for Maven repositories.")
            {
                ParameterName = nameof(CleanupOptions.Repository),
            };
        }

        var format = options.Format is null
            ? RepositoryPaths.FormatFromRepositoryId(repository)
            : Argument.OneOf(options.Format, nameof(CleanupOptions.Format), KnownValues.FileFormats);
        if (!KnownValues.FileFormats.Contains(format, StringComparer.Ordinal))
        {
            format = "generic";
        }

        var root = RepositoryPaths.NormalizeRoot(options.RootPath);
        var policy = RetentionPolicy.FromOptions(options);
        if (options.MaxDeletions < 0)
        {
            throw Argument.Invalid(nameof(CleanupOptions.MaxDeletions), Quantity.Number(options.MaxDeletions), "MaxDeletions is 0 or more (the most files one run may delete)");
        }

        if (options.MaxConcurrency is < 1)
        {
            throw Argument.Invalid(nameof(CleanupOptions.MaxConcurrency), Quantity.Number(options.MaxConcurrency.Value), "MaxConcurrency is 1 or more");
        }

        var plan = PlanOf(options, repository, root);
        return new CleanupSettings(repository, format, root, policy, options.MaxConcurrency ?? Math.Max(1, clientConcurrency), plan);
    }

    private static CleanupPlan? PlanOf(CleanupOptions options, string repository, string root)
    {
        var planFile = Blank(options.PlanFile);
        var fromPlan = Blank(options.FromPlan);
        if (planFile is not null && !options.DryRun)
        {
            throw Argument.Invalid(nameof(CleanupOptions.PlanFile), planFile, "a plan is written by a dry run: set DryRun=true with PlanFile, review the plan, then apply it with FromPlan");
        }

        if (fromPlan is null)
        {
            return null;
        }

        if (options.DryRun)
        {
            throw Argument.Invalid(nameof(CleanupOptions.FromPlan), fromPlan, "FromPlan applies a plan in a real run; a dry run writes one (PlanFile): leave DryRun off to apply it");
        }

        var plan = CleanupPlanStore.Read(fromPlan);
        if (!string.Equals(plan.Repository, repository, StringComparison.Ordinal) || !string.Equals(plan.RootPath, root, StringComparison.Ordinal))
        {
            throw new CodeArtifactException(
                ErrorCodes.PlanMismatch,
                $"The plan {Argument.Quote(fromPlan)} was made for {Argument.Quote(plan.Repository)} under \"{plan.RootPath}\", but this run cleans {Argument.Quote(repository)} under \"{root}\". Nothing was deleted. Apply a plan only to the repository and RootPath it was made for.")
            {
                ParameterName = nameof(CleanupOptions.FromPlan),
            };
        }

        return plan;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
