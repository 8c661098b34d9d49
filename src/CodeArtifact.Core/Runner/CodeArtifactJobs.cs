using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Runner;

/// <summary>The jobs of the product, as <see cref="JobRunner"/> runs them for both front ends.</summary>
public static class CodeArtifactJobs
{
    /// <summary>Maven repositories and their accounts, optionally written to a settings.xml.</summary>
    public static JobDefinition<MavenCredentialsOptions, MavenCredentialsResult> MavenCredentials { get; } = new(
        "maven-credentials",
        Messages.Job_MavenCredentials,
        (client, log, options, cancellationToken) => new MavenCredentialsJob(client, log).RunAsync(options, cancellationToken));

    /// <summary>Local files against the digests the repository reports.</summary>
    public static JobDefinition<ChecksumVerificationOptions, ChecksumVerificationResult> Checksums { get; } = new(
        "checksums",
        Messages.Job_Checksums,
        (client, log, options, cancellationToken) => new ChecksumVerificationJob(client, log).RunAsync(options, cancellationToken));

    /// <summary>Every release version of a file, and the latest.</summary>
    public static JobDefinition<ReleaseVersionsOptions, ReleaseVersionsResult> ReleaseVersions { get; } = new(
        "release-versions",
        Messages.Job_ReleaseVersions,
        (client, log, options, cancellationToken) => new ReleaseVersionsJob(client, log).RunAsync(options, cancellationToken));

    /// <summary>Obsolete files deleted by a retention policy.</summary>
    public static JobDefinition<CleanupOptions, CleanupResult> Cleanup { get; } = new(
        "cleanup",
        Messages.Job_Cleanup,
        (client, log, options, cancellationToken) => new CleanupJob(client, log).RunAsync(options, cancellationToken))
    {
        AfterCancel = Messages.Cleanup_AfterCancel,
    };

    /// <summary>Files restored from the recycle bin.</summary>
    public static JobDefinition<RestoreOptions, RestoreResult> Restore { get; } = new(
        "restore",
        Messages.Job_Restore,
        (client, log, options, cancellationToken) => new RestoreJob(client, log).RunAsync(options, cancellationToken));

    /// <summary>Local files uploaded to a non-Maven repository: new ones uploaded and verified, the same bytes skipped.</summary>
    public static JobDefinition<PublishOptions, PublishResult> Publish { get; } = new(
        "publish",
        Messages.Job_Publish,
        (client, log, options, cancellationToken) => new PublishJob(client, log).RunAsync(options, cancellationToken))
    {
        AfterCancel = Messages.Publish_AfterCancel,
    };
}
