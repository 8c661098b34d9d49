using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>Maps the files and settings to <see cref="PublishOptions"/>; Core judges what fails the alias.</summary>
internal static class PublishAliasRunner
{
    private static readonly Dictionary<string, string> ArgumentNames = new(StringComparer.Ordinal) { ["Files"] = "files" };

    public static PublishResult Publish(ICakeContext context, IDictionary<FilePath, string> files, CodeArtifactPublishSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.Publish, () => Options(context, files.Select(pair => (pair.Key, pair.Value)), settings), ArgumentNames);

    /// <summary>Each file to <paramref name="remoteFolder"/> under its own name.</summary>
    public static PublishResult Publish(ICakeContext context, IEnumerable<FilePath> files, string? remoteFolder, CodeArtifactPublishSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.Publish, () => Options(context, InFolder(files, remoteFolder), settings), ArgumentNames);

    private static PublishOptions Options(ICakeContext context, IEnumerable<(FilePath Local, string Remote)> files, CodeArtifactPublishSettings settings) => new()
    {
        Files = files.Select(f => new PublishFileRequest(f.Local.MakeAbsolute(context.Environment).FullPath, f.Remote)).ToArray(),
        Repository = SettingValues.NullIfBlank(settings.Repository),
        Format = SettingValues.NullIfBlank(settings.Format),
        Overwrite = settings.Overwrite,
        Verify = settings.Verify,
        DryRun = settings.DryRun,
    };

    private static IEnumerable<(FilePath Local, string Remote)> InFolder(IEnumerable<FilePath> files, string? remoteFolder)
    {
        if (string.IsNullOrWhiteSpace(remoteFolder))
        {
            throw CodedText.Failure(nameof(remoteFolder), null, Messages.Cake_RemoteFolderRequired);
        }

        var folder = remoteFolder.Trim().TrimEnd('/');
        return files.Select(file => (file, $"{folder}/{file.GetFilename().FullPath}")).ToList();
    }
}
