// A release script with the Cake.CodeArtifact addin (see README.md beside this file): publish the
// files the build left in dist/, find the latest release of demo-app, preview a cleanup of old
// builds, run it, and bring one file back from the recycle bin.
//
//   dotnet cake build.cake --endpoint=http://127.0.0.1:10150     (against the emulator)
//   dotnet cake build.cake --region=ap-southeast-3 --project-id=... --tenant-id=... --repository=...
//
// Secrets never appear here: the addin reads HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK from the
// environment (or ~/.huaweicloud/credentials), as CI systems provide them.
#addin nuget:?package=Cake.CodeArtifact&version=0.1.0-*&prerelease
#nullable enable

var target = Argument("target", "Default");
var reports = Directory(Argument("reports", "reports"));

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

// The retention policy: builds under app/ and nightly/ older than 30 days go, except the 2.x line.
CodeArtifactCleanupSettings Cleanup(bool dryRun, string report) => new(connection)
{
    Repository = repository,
    Include = { "app/**", "nightly/**" },
    Protect = { "app/2.*/**" },
    OlderThanDays = 30,
    MaxDeletions = 20,
    DryRun = dryRun,
    ReportFile = reports + File(report + ".json"),
    MarkdownSummaryFile = reports + File(report + ".md"),
};

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
    var latest = CodeArtifactGetLatestReleaseFileVersion("demo-app", new CodeArtifactReleaseVersionsSettings(connection)
    {
        ReportFile = reports + File("release-versions.json"),
        MarkdownSummaryFile = reports + File("release-versions.md"),
    });
    if (latest is not null)
    {
        Information("  download: {0}", latest.DownloadUrl);
    }
});

Task("Cleanup-Preview")
    .Does(() =>
{
    var preview = CodeArtifactDeleteObsoleteFiles(Cleanup(dryRun: true, "cleanup-dry-run"));
    foreach (var file in preview.Candidates)
    {
        Information("  would delete {0}", file.Path);
    }
});

Task("Cleanup")
    .IsDependentOn("Cleanup-Preview")
    .Does(() =>
{
    // Deleted files go to the recycle bin, where CodeArtifactRestoreFiles can bring them back.
    deleted = CodeArtifactDeleteObsoleteFiles(Cleanup(dryRun: false, "cleanup"));
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
    .IsDependentOn("Restore");

RunTarget(target);
