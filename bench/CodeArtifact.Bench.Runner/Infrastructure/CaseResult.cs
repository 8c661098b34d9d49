namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>The values of one side of a case.</summary>
internal sealed record Side(Samples Samples, Unit Unit)
{
    public string Describe() => Units.Describe(Samples, Unit);
}

/// <summary>One row of the table.</summary>
internal sealed record CaseResult
{
    public required string Number { get; init; }

    public required string Title { get; init; }

    public Side? Ours { get; init; }

    public Side? Baseline { get; init; }

    /// <summary>The figure the goal is about (a ratio, a difference, a count); null when it could not be measured.</summary>
    public double? Figure { get; init; }

    /// <summary>How the figure prints.</summary>
    public string FigureText { get; init; } = "n/a";

    public Goal? Goal { get; init; }

    /// <summary>A second condition of the goal (such as "exactly 9,000 deletions"), when there is one.</summary>
    public bool? ExtraConditionMet { get; init; }

    public string? ExtraConditionText { get; init; }

    /// <summary>Why the case or its baseline did not run, or what the reader should know.</summary>
    public string? Note { get; init; }

    public bool Skipped { get; init; }

    public string MetText
    {
        get
        {
            if (Skipped || Goal is null || Figure is not { } figure)
            {
                return "n/a";
            }

            var gaps = new List<string>();
            if (!Goal.IsMet(figure))
            {
                gaps.Add(Goal.Gap(figure));
            }

            if (ExtraConditionMet == false)
            {
                gaps.Add(ExtraConditionText ?? "extra condition failed");
            }

            return gaps.Count == 0 ? "yes" : "**no**: " + string.Join("; ", gaps);
        }
    }

    public static CaseResult Failed(string number, string title, string why) =>
        new() { Number = number, Title = title, Skipped = true, FigureText = "failed", Note = why };

    public static CaseResult Skip(string number, string title, string why) =>
        new() { Number = number, Title = title, Skipped = true, FigureText = "skipped", Note = why };
}
