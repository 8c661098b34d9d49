using System.Diagnostics;
using CodeArtifact.Bench.Runner;
using CodeArtifact.Bench.Runner.Cases;
using CodeArtifact.Bench.Runner.Infrastructure;

// The macro benchmark runner: `dotnet run -c Release --project bench/CodeArtifact.Bench.Runner -- [--quick]`.
// Each case runs ours and its baseline in turns in this one run and reports their ratio; see bench/README.md.
if (args.Length > 0 && args[0] == PeakMemoryCase.ChildSwitch)
{
    return await PeakMemoryCase.RunChildAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == PublishCase.ChildSwitch)
{
    return await PublishCase.RunChildAsync(args[1..]).ConfigureAwait(false);
}

// Before any Microsoft.Build type can load (the GetFileHash baseline runs the SDK's own MSBuild).
MSBuildSdk.Register();

var quick = false;
string? outputPath = null;
HashSet<string>? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--out" when i + 1 < args.Length:
            outputPath = Path.GetFullPath(args[++i]);
            break;
        case "--cases" when i + 1 < args.Length:
            only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            break;
        case "--help" or "-h":
            Console.WriteLine("""
                CodeArtifact.Build macro benchmarks: ours vs baselines, one table of ratios.
                  --quick        shrunk sizes, a smoke run of about a minute (not the goals' figures)
                  --cases 1,3,9  run only these cases (1-9)
                  --out FILE     where to write the Markdown table (default artifacts/bench/results-<mode>.md)
                """);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'; see --help.");
            return 2;
    }
}

var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
var repositoryRoot = RepositoryRoot.Find();
outputPath ??= Path.Combine(repositoryRoot, "artifacts", "bench", $"results-{sizes.Mode}.md");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

BenchCase[] cases =
[
    new Sha256OneFileCase(),
    new LocalVerificationCase(),
    new RemoteVerificationCase(),
    new CleanupCase(),
    new ReleaseVersionsCase(),
    new NoOpBuildCase(),
    new PeakMemoryCase(),
    new EmulatorThroughputCase(),
    new PublishCase(),
];

var clock = Stopwatch.StartNew();
var loadBefore = MachineInfo.LoadAverage();
var machine = await MachineInfo.DescribeAsync(cancel.Token).ConfigureAwait(false);
var results = new List<CaseResult>();
var crashed = false;
using (var workspace = new Workspace())
{
    var context = new BenchContext(sizes, workspace, repositoryRoot);
    context.Log($"{sizes.Mode} run; data in {workspace.Root}");
    foreach (var benchCase in cases.Where(c => only is null || only.Contains(c.Number)))
    {
        context.Log($"Case {benchCase.Number}: {benchCase.Title}");
        try
        {
            results.AddRange(await benchCase.RunAsync(context, cancel.Token).ConfigureAwait(false));
        }
        catch (BenchSkipException ex)
        {
            results.Add(CaseResult.Skip(benchCase.Number, benchCase.Title, "skipped: " + ex.Message));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            results.Add(CaseResult.Failed(benchCase.Number, benchCase.Title, "cancelled (Ctrl+C)"));
            break;
        }
        catch (Exception ex)
        {
            crashed = true;
            context.Log($"Case {benchCase.Number} failed: {ex}");
            results.Add(CaseResult.Failed(benchCase.Number, benchCase.Title, $"failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }
}

var scope = only is null ? "all cases" : "only cases " + string.Join(", ", only.Order(StringComparer.Ordinal));
var table = ResultTable.Render(sizes, scope, machine, loadBefore, MachineInfo.LoadAverage(), clock.Elapsed, results);
Console.WriteLine();
Console.WriteLine(table);
Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
await File.WriteAllTextAsync(outputPath, table).ConfigureAwait(false);
Console.WriteLine($"Written to {outputPath}");

// Goals not met are the table's business, not a failure; a case that broke is.
return crashed ? 1 : 0;
