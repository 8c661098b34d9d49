// A release-housekeeping script with the Cake.CodeArtifact addin (see README.md beside this file):
// find the latest release of demo-app, preview a cleanup of old builds, run it, and bring one
// file back from the recycle bin.
//
//   dotnet cake build.cake --endpoint=http://127.0.0.1:10150     (against the emulator)
//   dotnet cake build.cake --region=ap-southeast-3 --project-id=... --tenant-id=... --repository=...
//
// Secrets never appear here: the addin reads HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK from the
// environment (or ~/.huaweicloud/credentials), as CI systems provide them.
#addin nuget:?package=Cake.CodeArtifact&version=0.1.0
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
    .IsDependentOn("Latest-Release")
    .IsDependentOn("Verify")
    .IsDependentOn("Restore");

RunTarget(target);
