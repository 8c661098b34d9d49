using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>Maps the Maven settings to <see cref="MavenCredentialsJob"/>; the job itself logs each repository and the summary.</summary>
internal static class MavenAliasRunner
{
    public static MavenCredentialsResult Resolve(ICakeContext context, CodeArtifactMavenCredentialsSettings settings) =>
        JobRunner.Run(context, settings, Job(context, settings, settingsFile: null, nameof(CodeArtifactAliases.CodeArtifactResolveMavenCredentials)));

    public static FilePath Write(ICakeContext context, FilePath? settingsFile, CodeArtifactMavenCredentialsSettings settings)
    {
        var job = Job(context, settings, settingsFile, nameof(CodeArtifactAliases.CodeArtifactWriteMavenSettings)) with
        {
            Check = () =>
            {
                if (settingsFile is null)
                {
                    // Core's own words for the same mistake.
                    throw CodeArtifactException.Missing("settingsFile", "SettingsFile is required: the path of the settings.xml to write.");
                }
            },
        };
        return new FilePath(JobRunner.Run(context, settings, job).Settings!.Path);
    }

    private static AliasJob<MavenCredentialsResult> Job(ICakeContext context, CodeArtifactMavenCredentialsSettings settings, FilePath? settingsFile, string aliasName)
    {
        var options = new MavenCredentialsOptions
        {
            ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
            Policy = SettingValues.NullIfBlank(settings.Policy),
            Access = SettingValues.NullIfBlank(settings.Access) ?? "r",
            DefaultOnly = settings.DefaultOnly,
            RepositoryIds = SettingValues.List(settings.RepositoryIds),
            SettingsFile = settingsFile?.MakeAbsolute(context.Environment).FullPath,
            Overwrite = settings.Overwrite,
        };
        return new AliasJob<MavenCredentialsResult>(aliasName, (client, log, cancellationToken) => new MavenCredentialsJob(client, log).RunAsync(options, cancellationToken))
        {
            // Core states its warnings in Problems rather than as events; until the shared runner reports them, report them here.
            Review = static (result, log) =>
            {
                foreach (var problem in result.Problems)
                {
                    log.Write(new CodeArtifactLogEvent(LogSeverity.Warning, problem.Message, problem.Code));
                }

                return null;
            },
        };
    }
}
