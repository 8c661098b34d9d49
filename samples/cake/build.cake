// A release script with the Cake.CodeArtifact addin (see README.md beside this file): publish the
// files the build left in dist/, find the latest release of demo-app, write the Maven settings for
// the pipeline's Maven steps, plan a cleanup of old builds, apply exactly that plan, and bring one
// file back from the recycle bin. The Maven settings file holds passwords, so Teardown deletes it,
// whatever happened.
//
//   dotnet cake build.cake --endpoint=http://127.0.0.1:10150     (against the emulator)
//   dotnet cake build.cake --region=ap-southeast-3 --project-id=... --tenant-id=... --repository=...
//
// In a pipeline, plan in one stage and apply in the next, once the plan is approved:
//   dotnet cake build.cake --target=Cleanup-Plan --plan=plan/cleanup-plan.json
//   dotnet cake build.cake --target=Cleanup --exclusive --plan=plan/cleanup-plan.json
//
// Secrets never appear here: the addin reads HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK from the
// environment (or ~/.huaweicloud/credentials), as CI systems provide them.
#addin nuget:?package=Cake.CodeArtifact&version=0.1.0-*&prerelease
#nullable enable

var target = Argument("target", "Default");
var reportsFolder = Argument("reports", "reports");
var reports = Directory(reportsFolder);
var plan = File(Argument("plan", $"{reportsFolder}/cleanup-plan.json"));

// Which service, project and repository. The defaults are the emulator's demo data.
var connection = new CodeArtifactSettings
{
    Endpoint = Argument<string?>("endpoint", null),
    Region = Argument<string?>("region", null),
    TenantId = Argument("tenant-id", "c0dea7f1ac7e4e55a00000000000d001"),
    ProjectId = Argument("project-id", "c0dea7f1ac7e4e55b00000000000p001"),
};
var repository = Argument("repository", "cn-north-4_c0dea7f1ac7e4e55a00000000000d001_generic_3");

// What to publish, and where to: the files samples/msbuild builds into its dist/ folder.
var dist = Argument("dist", "../msbuild/dist");
var publishTo = Argument("publish-to", "/sample-app/3.0.0");

// The retention policy: release builds under app/ older than 30 days go, except the newest
// version of each package (app/<version>/...), which stays whatever its age.
CodeArtifactCleanupSettings Cleanup(string report) => new(connection)
{
    Repository = repository,
    Include = { "app/**" },
    KeepLatestVersions = 1,
    OlderThanDays = 30,
    MaxDeletions = 20,
    ReportFile = reports + File(report + ".json"),
    MarkdownSummaryFile = reports + File(report + ".md"),
};

FilePath? mavenSettings = null;
CleanupResult? deleted = null;

// Uploads what the repository does not hold yet, skips what it holds (same SHA-256), and verifies
// each upload; a different file at a path fails the task unless Overwrite = true.
Task("Publish")
    .Does(() =>
{
    var files = GetFiles($"{dist}/*");
    if (files.Count == 0)
    {
        Information("Nothing to publish in {0}: build samples/msbuild first (dotnet build ../msbuild).", dist);
        return;
    }

    var published = CodeArtifactPublishFiles(files, publishTo, new CodeArtifactPublishSettings(connection)
    {
        Repository = repository,
        ReportFile = reports + File("publish.json"),
        MarkdownSummaryFile = reports + File("publish.md"),
    });
    foreach (var file in published.Uploaded)
    {
        Information("  uploaded {0}", file.RemotePath);
    }
});

Task("Latest-Release")
    .Does(() =>
{
    // The service matches the name fuzzily: only demo-app's own files count, and PathFilter picks its
    // .zip should a release also hold another file (checksum sidecars are never picked).
    var latest = CodeArtifactGetLatestReleaseFileVersion("demo-app", new CodeArtifactReleaseVersionsSettings(connection)
    {
        PathFilter = "**/demo-app-*.zip",
        ReportFile = reports + File("release-versions.json"),
        MarkdownSummaryFile = reports + File("release-versions.md"),
    });
    if (latest is not null)
    {
        Information("  download: {0}", latest.DownloadUrl);
    }
});

// Optional: --verify=<folder> --remote-folder=</path> checks the folder's files against their
// published copies. Every file is judged before the alias fails, and the failure carries them all.
Task("Verify")
    .WithCriteria(() => HasArgument("verify"))
    .Does(() =>
{
    var local = Directory(Argument<string>("verify"));
    var remoteFolder = Argument("remote-folder", "/sample-app/3.0.0").TrimEnd('/');
    var files = GetFiles(local.Path.FullPath + "/*").ToDictionary(f => f, f => $"{remoteFolder}/{f.GetFilename()}");
    ChecksumVerificationResult result;
    try
    {
        result = CodeArtifactVerifyChecksums(files, new CodeArtifactVerifySettings(connection)
        {
            Repository = repository,
            ReportFile = reports + File("verify-checksums.json"),
        });
    }
    catch (CakeException ex) when (ex.InnerException is CodeArtifactVerificationException { Result: { } all })
    {
        // One line per failed file is in ex.Message; the verdict of every file is here.
        foreach (var file in all.Files.Where(f => f.Status != VerificationStatus.Verified))
        {
            Warning("  {0}: {1} ({2})", file.RemotePath, file.Status, file.Error);
        }

        throw;
    }

    Information("  {0} of {1} files verified", result.Verified, result.Files.Count);
});

// The project's Maven repositories for the Maven steps of the pipeline (mvn -s <file>), merged
// into your own settings with --maven-base-settings=<path> (mirrors, proxies and servers kept).
Task("Maven-Settings")
    .Does(() =>
{
    mavenSettings = CodeArtifactWriteMavenSettings(Argument("maven-settings", "maven/settings.xml"), new CodeArtifactMavenCredentialsSettings(connection)
    {
        BaseSettingsFile = Argument<string?>("maven-base-settings", null) is { } baseSettings ? new FilePath(baseSettings) : null,
        ReportFile = reports + File("maven-credentials.json"),
        MarkdownSummaryFile = reports + File("maven-credentials.md"),
    });
    Information("  for the Maven steps: mvn -s {0} ...", mavenSettings);
});

// A dry run that writes the plan: the files it would delete, each with its size, time and SHA-256.
Task("Cleanup-Plan")
    .Does(() =>
{
    var settings = Cleanup("cleanup-dry-run");
    settings.DryRun = true;
    settings.PlanFile = plan;
    var preview = CodeArtifactDeleteObsoleteFiles(settings);
    foreach (var file in preview.Candidates)
    {
        Information("  would delete {0}", file.Path);
    }
});

// Deletes exactly the plan's files (deleted files go to the recycle bin). A file uploaded again
// since the plan is kept (CART0510); one someone else deleted is reported as already gone (CART0513).
Task("Cleanup")
    .IsDependentOn("Cleanup-Plan")
    .Does(() =>
{
    var settings = Cleanup("cleanup");
    settings.FromPlan = plan;
    deleted = CodeArtifactDeleteObsoleteFiles(settings);
    Information("  {0} deleted, {1} already gone, {2} kept as changed since the plan", deleted.Deleted.Count, deleted.AlreadyGone.Count, deleted.SkippedAsChanged.Count);
});

// A deleted build turned out to be needed after all: restore it from the recycle bin.
Task("Restore")
    .IsDependentOn("Cleanup")
    .Does(() =>
{
    var wanted = Argument("restore", "/app/1.2.0/app-1.2.0.zip");
    if (deleted?.Deleted.Any(f => f.Path == wanted) != true)
    {
        Information("{0} was not deleted by this run: nothing to restore", wanted);
        return;
    }

    var restored = CodeArtifactRestoreFiles(new[] { wanted }, new CodeArtifactRestoreSettings(connection)
    {
        Repository = repository,
        ReportFile = reports + File("restore.json"),
        MarkdownSummaryFile = reports + File("restore.md"),
    });
    foreach (var path in restored.Restored)
    {
        Information("  restored {0}", path);
    }
});

Task("Default")
    .IsDependentOn("Publish")
    .IsDependentOn("Latest-Release")
    .IsDependentOn("Maven-Settings")
    .IsDependentOn("Verify")
    .IsDependentOn("Restore");

// The settings file holds the repository passwords: never leave it behind, even after a failure.
Teardown(context =>
{
    if (mavenSettings is not null)
    {
        CodeArtifactDeleteMavenSettings(mavenSettings);
    }
});

RunTarget(target);
