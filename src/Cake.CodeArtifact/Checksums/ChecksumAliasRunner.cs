using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>Maps the files and settings to <see cref="ChecksumVerificationOptions"/>; Core judges which files fail the alias.</summary>
internal static class ChecksumAliasRunner
{
    private static readonly Dictionary<string, string> ArgumentNames = new(StringComparer.Ordinal) { ["Files"] = "files" };

    public static ChecksumVerificationResult Verify(ICakeContext context, IDictionary<FilePath, string> files, CodeArtifactVerifySettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.Checksums, () => new ChecksumVerificationOptions
        {
            Files = files.Select(pair => new VerifyFileRequest(pair.Key.MakeAbsolute(context.Environment).FullPath, pair.Value)).ToArray(),
            Repository = SettingValues.NullIfBlank(settings.Repository),
            Format = SettingValues.NullIfBlank(settings.Format) ?? "generic",
            Algorithm = ChecksumAlgorithms.Parse(settings.Algorithm, nameof(settings.Algorithm)),
            FailOnMismatch = settings.FailOnMismatch,
            FailOnMissing = settings.FailOnMissing,
        }, ArgumentNames);
}
