using System.Diagnostics;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>
/// Runs the sides of a case in turns (A B, B A, A B …) rather than all of one then all of the
/// other, so that a change in the machine's load during the case weighs on both sides alike.
/// </summary>
internal static class Alternation
{
    /// <summary>Runs each side <c>runs[i]</c> times, alternating the order, and returns each side's values.</summary>
    public static async Task<double[][]> RunAsync(IReadOnlyList<Func<Task<double>>> sides, IReadOnlyList<int> runs, CancellationToken cancellationToken)
    {
        var values = sides.Select(_ => new List<double>()).ToArray();
        var rounds = runs.Max();
        for (var round = 0; round < rounds; round++)
        {
            var order = Enumerable.Range(0, sides.Count).ToArray();
            if (round % 2 == 1)
            {
                Array.Reverse(order);
            }

            foreach (var side in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (values[side].Count < runs[side])
                {
                    values[side].Add(await sides[side]().ConfigureAwait(false));
                }
            }
        }

        return values.Select(v => v.ToArray()).ToArray();
    }

    /// <summary>Seconds taken by <paramref name="action"/>.</summary>
    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }
}
