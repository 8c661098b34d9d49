// The repository's build script (Cake 7, from the tool manifest in .config/dotnet-tools.json):
//
//   dotnet tool restore && dotnet cake                 the demo (the default target)
//   dotnet cake --target=Build | Test | Pack | Emulator | Demo | Bench
//
// Build     builds the product (src/) in Release
// Test      dotnet test CodeArtifact.Build.sln -c Release (what CI runs)
// Pack      packs CodeArtifact.Core, CodeArtifact.Build and Cake.CodeArtifact into artifacts/packages,
//           with a version no earlier run used, 0.1.0-dev.<UTC time> (--package-version=... to choose
//           it), and writes that version to artifacts/packages/version.txt for samples/msbuild
// Emulator  runs the CodeArts Artifact emulator in the foreground (--port=10150, data in artifacts/emulator)
// Demo      packs, starts the emulator on a free loopback port with a temporary data folder, runs
//           samples/msbuild and samples/cake against it (the Cake sample publishes dist/), prints a
//           summary and stops the emulator
// Bench     runs the macro benchmarks in bench/ (--quick for a short smoke run)
#nullable enable
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security;
using System.Text.Json;
using System.Text.RegularExpressions;

var target = Argument("target", "Demo");
var configuration = Argument("configuration", "Release");
// Unique per run, so that no NuGet or Cake cache can hand an older build to the samples.
var packageVersion = Argument("package-version", "0.1.0-dev." + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));

var root = Context.Environment.WorkingDirectory;
var packagesDirectory = root.Combine("artifacts/packages");
var demoDirectory = root.Combine("artifacts/demo");
var emulatorProject = root.CombineWithFilePath("src/CodeArtifact.Emulator/CodeArtifact.Emulator.csproj");
var seedFile = root.CombineWithFilePath("src/CodeArtifact.Emulator/seed.demo.json");

// What `Build` compiles (Core, the emulator, the MSBuild tasks and the Cake addin) and what `Pack`
// packs (Core, the tasks, the addin), as solution filters: one `dotnet build` and one `dotnet pack`
// for all of them, so that MSBuild starts, restores and checks Core once, and builds in parallel.
var productProjects = "src/CodeArtifact.Product.slnf";
var packages = "src/CodeArtifact.Packages.slnf";

Task("Build")
    .Description("Builds the product (src/) in Release.")
    .Does(() =>
{
    DotNetBuild(productProjects, new DotNetBuildSettings { Configuration = configuration, Verbosity = DotNetVerbosity.Minimal });
});

Task("Test")
    .Description("Runs every test: dotnet test CodeArtifact.Build.sln -c Release.")
    .Does(() =>
{
    DotNetTest("CodeArtifact.Build.sln", new DotNetTestSettings { Configuration = configuration });
});

Task("Pack")
    .Description("Packs the NuGet packages into artifacts/packages.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Each run packs a version no run uses again: earlier ones would only pile up. With them gone,
    // the newest is also the only one a floating version (samples/cake's 0.1.0-*) can find here.
    if (System.IO.Directory.Exists(packagesDirectory.FullPath))
    {
        foreach (var old in new[] { "*-dev.*.nupkg", "*-demo.*.nupkg" }.SelectMany(p => System.IO.Directory.GetFiles(packagesDirectory.FullPath, p)))
        {
            System.IO.File.Delete(old);
        }
    }

    DotNetPack(packages, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        OutputDirectory = packagesDirectory,
        Verbosity = DotNetVerbosity.Minimal,
        // PackageVersion, not Version: the assemblies stay as built; only the packages are new.
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PackageVersion", packageVersion),
    });

    // samples/msbuild takes its CodeArtifact.Build version from here: a new version changes its
    // restore inputs, so NuGet restores again instead of keeping what it resolved before.
    System.IO.File.WriteAllText(packagesDirectory.CombineWithFilePath("version.txt").FullPath, packageVersion + Environment.NewLine);
    Information("Packed CodeArtifact.Core, CodeArtifact.Build and Cake.CodeArtifact {0} into {1} (and its version into version.txt)", packageVersion, root.GetRelativePath(packagesDirectory));
});

Task("Emulator")
    .Description("Runs the emulator in the foreground until Ctrl+C (--port=10150, --data=artifacts/emulator).")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder()
        .Append("--port").Append(Argument("port", "10150"))
        .Append("--data").AppendQuoted(MakeAbsolute(Directory(Argument("data", "artifacts/emulator"))).FullPath)
        .Append("--seed").AppendQuoted(seedFile.FullPath);
    DotNetRun(emulatorProject.FullPath, arguments, new DotNetRunSettings { Configuration = configuration });
});

Task("Bench")
    .Description("Runs the macro benchmarks of bench/ (--quick: a short smoke run).")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder();
    if (HasArgument("quick"))
    {
        arguments.Append("--quick");
    }

    DotNetRun("bench/CodeArtifact.Bench.Runner/CodeArtifact.Bench.Runner.csproj", arguments, new DotNetRunSettings { Configuration = "Release" });
});

Task("Demo")
    .Description("The main job: packs, starts the emulator, runs samples/msbuild and samples/cake, prints a summary.")
    .IsDependentOn("Pack")
    .Does(async () =>
{
    var clock = Stopwatch.StartNew();
    var demo = new DemoLayout(demoDirectory.FullPath, root.Combine("samples").FullPath);
    demo.Reset();

    var port = FreeLoopbackPort();
    var dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codeartifact-demo-" + Guid.NewGuid().ToString("N"));
    Step("Start the emulator", $"on port {port}, data in {dataDirectory}, seeded from {root.GetRelativePath(seedFile)}");
    using var emulator = await EmulatorProcess.StartAsync(emulatorProject.FullPath, configuration, port, dataDirectory, seedFile.FullPath);
    try
    {
        Say(emulator.Banner);
        var endpoint = emulator.Endpoint;
        var environment = SampleEnvironment();

        Step("samples/msbuild: dotnet build", "job 1: Maven credentials into settings.xml (before the build); then the app into dist/");
        DotNetBuild(demo.MSBuildProject, demo.MSBuildSettings(packageVersion, endpoint, environment));

        Step("samples/cake: dotnet cake", $"publish dist/ to {DemoLayout.RemoteFolder}; job 3: latest release; job 4: cleanup dry run, cleanup, restore one (Cake.CodeArtifact {packageVersion})");
        var cakeScript = demo.PrepareCakeSample(packageVersion, packagesDirectory.FullPath);
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append("cake").Append(cakeScript.GetFilename().FullPath)
                .Append("--endpoint=" + endpoint)
                .AppendQuoted("--dist=" + demo.DistDirectory)
                .AppendQuoted("--reports=" + demo.CakeReports),
            WorkingDirectory = cakeScript.GetDirectory(),
            EnvironmentVariables = environment,
        });
        if (exitCode != 0)
        {
            throw new CakeException($"samples/cake failed with exit code {exitCode}.");
        }

        var tampered = System.IO.Directory.GetFiles(demo.DistDirectory, "*.zip").Single();
        System.IO.File.AppendAllText(tampered, "changed after publishing");
        Information("Then changed {0} locally, so that verification has something to catch.", root.GetRelativePath(new FilePath(tampered)));

        Step("samples/msbuild: dotnet build -t:VerifyRelease", "job 2: verify checksums (a mismatch is a warning here); job 3: latest release version");
        var verify = demo.MSBuildSettings(packageVersion, endpoint, environment);
        verify.MSBuildSettings.WithTarget("VerifyRelease").WithProperty("CodeArtifactFailOnMismatch", "false");
        DotNetBuild(demo.MSBuildProject, verify);

        Step("Summary", $"reports in {root.GetRelativePath(new DirectoryPath(demo.ReportsDirectory))}");
        var summary = DemoSummary.Read(demo);
        summary.Check();
        foreach (var line in summary.TableLines())
        {
            Say(line);
        }

        var markdown = summary.WriteMarkdown();
        Information("");
        Information("Markdown summary (as for $GITHUB_STEP_SUMMARY): {0}", root.GetRelativePath(new FilePath(markdown)));
        if (EnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
        {
            System.IO.File.AppendAllText(stepSummary, System.IO.File.ReadAllText(markdown));
        }
    }
    finally
    {
        emulator.Stop();
        DeleteQuietly(dataDirectory);
        Information("Emulator stopped; its data folder is deleted.");
    }

    Information("Demo finished in {0:0} s.", clock.Elapsed.TotalSeconds);
});

RunTarget(target);

// ---------------------------------------------------------------------------------------------
// The demo's parts.

void Step(string title, string detail)
{
    Say("");
    Say("==> " + title);
    Say("    " + detail);
}

// Cake's log treats its text as a format string: braces in data must not count as placeholders.
void Say(string text) => Information(text.Replace("{", "{{").Replace("}", "}}"));

// The emulator's well-known development credentials (src/CodeArtifact.Emulator/README.md), given to
// the samples the way CI gives secrets: as environment variables, never as properties or arguments.
// Anything a developer's shell holds for the real service is blanked, so it cannot mix in.
Dictionary<string, string> SampleEnvironment() => new()
{
    ["HUAWEICLOUD_SDK_AK"] = "CAEMUDEVACCESSKEY001",
    ["HUAWEICLOUD_SDK_SK"] = "CAEmuDevSecretKey0000000000000000000001",
    ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "",
    ["HUAWEICLOUD_SDK_PROJECT_ID"] = "",
    ["HUAWEICLOUD_SDK_DOMAIN_ID"] = "",
    ["HUAWEICLOUD_SDK_IAM_ENDPOINT"] = "",
    ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = "",
    ["CODEARTIFACT_PASSWORD"] = "",
    ["CODEARTIFACT_AUTH_TOKEN"] = "",
    ["CODEARTIFACT_USER_NAME"] = "",
    ["CODEARTIFACT_DOMAIN_NAME"] = "",
    ["CODEARTIFACT_ENDPOINT"] = "",
    ["CODEARTIFACT_REGION"] = "",
    ["CODEARTIFACT_TENANT_ID"] = "",
};

static int FreeLoopbackPort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static void DeleteQuietly(string directory)
{
    try
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
    catch (IOException)
    {
        // A file still held by the process that just exited: the temp folder is cleaned by the system anyway.
    }
}

// Where the demo runs the samples and keeps what they produce (artifacts/demo).
sealed class DemoLayout(string directory, string samples)
{
    // Where samples/cake publishes dist/ (its --publish-to default), which is where samples/msbuild
    // expects the files: the RemotePath of its CodeArtifactVerifyFile items (/sample-app/$(Version)/...).
    public const string RemoteFolder = "/sample-app/3.0.0/";

    public string Directory { get; } = directory;

    public string MSBuildProject { get; } = System.IO.Path.Combine(samples, "msbuild", "SampleApp.csproj");

    public string DistDirectory { get; } = System.IO.Path.Combine(samples, "msbuild", "dist");

    public string ReportsDirectory => System.IO.Path.Combine(Directory, "reports");

    public string MSBuildReports => System.IO.Path.Combine(ReportsDirectory, "msbuild");

    public string CakeReports => System.IO.Path.Combine(ReportsDirectory, "cake");

    public string MavenSettingsFile => System.IO.Path.Combine(Directory, "maven", "settings.xml");

    public void Reset()
    {
        DeleteQuietly(Directory);
        DeleteQuietly(DistDirectory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    // Non-secret values as properties; the package version just packed; the samples' packages kept
    // in artifacts/demo/packages so that demo versions never pile up in the NuGet cache.
    public DotNetBuildSettings MSBuildSettings(string packageVersion, string endpoint, Dictionary<string, string> environment) => new()
    {
        Verbosity = DotNetVerbosity.Minimal,
        EnvironmentVariables = environment,
        MSBuildSettings = new DotNetMSBuildSettings
        {
            // Warnings once, where they happen, not again in a closing summary.
            ConsoleLoggerSettings = new MSBuildLoggerSettings { NoSummary = true },
        }
            .WithProperty("CodeArtifactBuildVersion", packageVersion)
            .WithProperty("CodeArtifactEndpoint", endpoint)
            .WithProperty("CodeArtifactMavenSettingsFile", MavenSettingsFile)
            .WithProperty("CodeArtifactReportDirectory", MSBuildReports)
            .WithProperty("RestorePackagesPath", System.IO.Path.Combine(Directory, "packages")),
    };

    // samples/cake pins Cake.CodeArtifact 0.1.0 in its #addin line; the demo runs a copy that pins
    // the version it has just packed, with a nuget.config naming the local feed.
    public FilePath PrepareCakeSample(string packageVersion, string packagesDirectory)
    {
        var copy = System.IO.Path.Combine(Directory, "cake");
        System.IO.Directory.CreateDirectory(copy);
        var script = System.IO.File.ReadAllText(System.IO.Path.Combine(samples, "cake", "build.cake"));
        var addin = new Regex(@"(#addin nuget:\?package=Cake\.CodeArtifact&version=)[^&\s]+");
        if (!addin.IsMatch(script))
        {
            throw new CakeException("samples/cake/build.cake has no '#addin nuget:?package=Cake.CodeArtifact&version=...' line to pin.");
        }

        System.IO.File.WriteAllText(System.IO.Path.Combine(copy, "build.cake"), addin.Replace(script, "${1}" + packageVersion, 1));
        System.IO.File.WriteAllText(System.IO.Path.Combine(copy, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="codeartifact-build-local" value="{SecurityElement.Escape(packagesDirectory)}" />
              </packageSources>
            </configuration>
            """);
        return new FilePath(System.IO.Path.Combine(copy, "build.cake"));
    }
}

// The emulator as a child process: `dotnet run --no-build` of the project just built.
sealed class EmulatorProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = new();

    private EmulatorProcess(Process process, string endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public string Banner
    {
        get
        {
            lock (output)
            {
                return output.FirstOrDefault(l => l.Contains("listening on", StringComparison.Ordinal)) ?? "codeartifact-emulator listening on " + Endpoint;
            }
        }
    }

    public static async System.Threading.Tasks.Task<EmulatorProcess> StartAsync(string project, string configuration, int port, string dataDirectory, string seedFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", project, "-c", configuration, "--no-build", "--", "--port", port.ToString(CultureInfo.InvariantCulture), "--data", dataDirectory, "--seed", seedFile })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var emulator = new EmulatorProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => emulator.Record(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await emulator.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(60));
            return emulator;
        }
        catch
        {
            emulator.Dispose();
            throw;
        }
    }

    // Any HTTP answer will do (the root path is an unknown API, 404): the server is up.
    private async System.Threading.Tasks.Task WaitUntilAnsweringAsync(TimeSpan limit)
    {
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new CakeException($"The emulator exited with code {process.ExitCode} before answering:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(Endpoint + "/");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (deadline.Elapsed > limit)
                {
                    throw new CakeException($"The emulator did not answer on {Endpoint} within {limit.TotalSeconds:0} s:{Environment.NewLine}{Output()}");
                }

                await System.Threading.Tasks.Task.Delay(250);
            }
        }
    }

    // `dotnet run` starts the emulator as its own child: end the whole tree.
    public void Stop()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return string.Join(Environment.NewLine, output);
        }
    }
}

// The summary table, read from the JSON reports the jobs wrote (the same files a pipeline archives).
sealed class DemoSummary
{
    private readonly DemoLayout demo;
    private readonly List<(string Job, string FrontEnd, string Result)> rows = new();

    private DemoSummary(DemoLayout demo) => this.demo = demo;

    public int Uploaded { get; private set; }

    public int PublishFailed { get; private set; }

    public int Verified { get; private set; }

    public int Mismatched { get; private set; }

    public int Restored { get; private set; }

    public int PreviewCandidates { get; private set; }

    public int Deleted { get; private set; }

    public static DemoSummary Read(DemoLayout demo)
    {
        var summary = new DemoSummary(demo);
        var maven = Results(demo.MSBuildReports, "maven-credentials");
        summary.rows.Add(("Maven credentials", "MSBuild", $"{maven.GetProperty("count").GetInt32()} repositories -> settings.xml"));

        var publish = Results(demo.CakeReports, "publish");
        summary.Uploaded = publish.GetProperty("uploadedCount").GetInt32();
        summary.PublishFailed = publish.GetProperty("failedCount").GetInt32();
        summary.rows.Add(("Publish dist/", "Cake", $"{summary.Uploaded} uploaded, {publish.GetProperty("unchangedCount").GetInt32()} unchanged, to {DemoLayout.RemoteFolder}"));

        var checks = Results(demo.MSBuildReports, "verify-checksums");
        summary.Verified = checks.GetProperty("verified").GetInt32();
        summary.Mismatched = checks.GetProperty("mismatched").GetInt32();
        var mismatchedFiles = checks.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("status").GetString() == "mismatch")
            .Select(f => System.IO.Path.GetFileName(f.GetProperty("remotePath").GetString()));
        summary.rows.Add(("Verify checksums", "MSBuild", $"{summary.Verified} verified, {summary.Mismatched} mismatch ({string.Join(", ", mismatchedFiles)} tampered), {checks.GetProperty("missing").GetInt32()} missing"));

        summary.rows.Add(("Release versions", "MSBuild", Latest(Results(demo.MSBuildReports, "release-versions"))));
        summary.rows.Add(("Release versions", "Cake", Latest(Results(demo.CakeReports, "release-versions"))));

        var preview = Results(demo.CakeReports, "cleanup-dry-run");
        summary.PreviewCandidates = preview.GetProperty("candidateCount").GetInt32();
        summary.rows.Add(("Cleanup (dry run)", "Cake", $"{summary.PreviewCandidates} candidates, 0 deleted, {Size(preview.GetProperty("bytesFreed").GetInt64())} to free"));

        var cleanup = Results(demo.CakeReports, "cleanup");
        summary.Deleted = cleanup.GetProperty("deletedCount").GetInt32();
        summary.rows.Add(("Cleanup", "Cake", $"{cleanup.GetProperty("candidateCount").GetInt32()} candidates, {summary.Deleted} deleted, {Size(cleanup.GetProperty("bytesFreed").GetInt64())} freed"));

        var restore = Results(demo.CakeReports, "restore");
        summary.Restored = restore.GetProperty("restoredCount").GetInt32();
        summary.rows.Add(("Restore", "Cake", $"{summary.Restored} restored ({string.Join(", ", restore.GetProperty("restored").EnumerateArray().Select(p => p.GetString()))})"));
        return summary;
    }

    // The demo proves the product works: it fails when a job did not do what it shows.
    public void Check()
    {
        var problems = new List<string>();
        if (Uploaded != 4 || PublishFailed != 0)
        {
            problems.Add($"the publish should upload the 4 files of dist/, and uploaded {Uploaded} ({PublishFailed} failed)");
        }

        if (Verified != 3 || Mismatched != 1)
        {
            problems.Add($"verification should find 3 verified files and the 1 tampered one, and found {Verified} and {Mismatched}");
        }

        if (PreviewCandidates == 0 || Deleted != PreviewCandidates)
        {
            problems.Add($"the cleanup should delete what its dry run listed ({PreviewCandidates}), and deleted {Deleted}");
        }

        if (Restored != 1)
        {
            problems.Add($"one file should be restored, and {Restored} were");
        }

        if (problems.Count > 0)
        {
            throw new CakeException("The demo did not go as expected: " + string.Join("; ", problems) + ".");
        }
    }

    public IEnumerable<string> TableLines()
    {
        (string Job, string FrontEnd, string Result) header = ("Job", "Front end", "Result");
        var jobWidth = rows.Append(header).Max(r => r.Job.Length);
        var frontEndWidth = rows.Append(header).Max(r => r.FrontEnd.Length);
        string Line((string Job, string FrontEnd, string Result) row) => $"  {row.Job.PadRight(jobWidth)}  {row.FrontEnd.PadRight(frontEndWidth)}  {row.Result}";
        yield return Line(header);
        yield return "  " + new string('-', jobWidth) + "  " + new string('-', frontEndWidth) + "  " + new string('-', rows.Max(r => r.Result.Length));
        foreach (var row in rows)
        {
            yield return Line(row);
        }
    }

    // One Markdown file: the table, then each job's own Markdown summary.
    public string WriteMarkdown()
    {
        var markdown = new System.Text.StringBuilder("## CodeArtifact.Build demo\n\n| Job | Front end | Result |\n|---|---|---|\n");
        foreach (var row in rows)
        {
            markdown.Append($"| {row.Job} | {row.FrontEnd} | {row.Result} |\n");
        }

        foreach (var folder in new[] { demo.MSBuildReports, demo.CakeReports })
        {
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                markdown.Append('\n').Append(System.IO.File.ReadAllText(file));
            }
        }

        var path = System.IO.Path.Combine(demo.ReportsDirectory, "summary.md");
        System.IO.File.WriteAllText(path, markdown.ToString());
        return path;
    }

    private static JsonElement Results(string folder, string job)
    {
        var path = System.IO.Path.Combine(folder, job + ".json");
        if (!System.IO.File.Exists(path))
        {
            throw new CakeException($"The job wrote no report {path}.");
        }

        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return document.RootElement.GetProperty("results").Clone();
    }

    private static string Latest(JsonElement results) =>
        results.GetProperty("latest") is { ValueKind: JsonValueKind.Object } latest
            ? $"latest {latest.GetProperty("version").GetString()} of {results.GetProperty("versions").GetArrayLength()} versions"
            : "no version found";

    private static string Size(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";
}
