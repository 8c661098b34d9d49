using Cake.CodeArtifact.Resources;
using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>
/// Maps the files and settings to <see cref="ChecksumVerificationJob"/>, and turns mismatched,
/// missing and unreadable files into the MSBuild task's coded errors (or warnings, where the
/// settings say a problem must not fail the script).
/// </summary>
internal static class ChecksumAliasRunner
{
    public static ChecksumVerificationResult Verify(ICakeContext context, IDictionary<FilePath, string> files, CodeArtifactVerifySettings settings)
    {
        var requests = files
            .Select(pair => new VerifyFileRequest(pair.Key.MakeAbsolute(context.Environment).FullPath, pair.Value))
            .ToArray();
        var job = new AliasJob<ChecksumVerificationResult>(
            nameof(CodeArtifactAliases.CodeArtifactVerifyChecksums),
            (client, log, cancellationToken) =>
            {
                // Parsed here, inside the alias's boundary, so that a bad name is a coded failure like any other setting.
                var options = new ChecksumVerificationOptions
                {
                    Files = requests,
                    Repository = SettingValues.NullIfBlank(settings.Repository),
                    Format = SettingValues.NullIfBlank(settings.Format) ?? "generic",
                    Algorithm = ChecksumAlgorithms.Parse(settings.Algorithm, nameof(settings.Algorithm)),
                };
                return new ChecksumVerificationJob(client, log).RunAsync(options, cancellationToken);
            })
        {
            Review = (result, log) => Review(result, settings, log),
        };
        return JobRunner.Run(context, settings, job);
    }

    private static CodeArtifactAliasException? Review(ChecksumVerificationResult result, CodeArtifactVerifySettings settings, CakeLogSink log)
    {
        var errors = new List<string>();
        foreach (var file in result.Files)
        {
            switch (file.Status)
            {
                case VerificationStatus.Mismatch:
                    Report(settings.FailOnMismatch, Messages.Format(Strings.VerifyCodeArtifactChecksums_Mismatch, file.LocalPath, file.Repository, file.RemotePath, file.Algorithm ?? "-", file.LocalHash ?? "-", file.RemoteHash ?? file.Error ?? "-"));
                    break;
                case VerificationStatus.MissingRemotely:
                    Report(settings.FailOnMissing, Messages.Format(Strings.VerifyCodeArtifactChecksums_Missing, file.LocalPath, file.Repository, file.RemotePath));
                    break;
                case VerificationStatus.UnreadableLocally:
                    Report(true, Messages.Format(Strings.VerifyCodeArtifactChecksums_Unreadable, file.LocalPath, file.Error ?? string.Empty));
                    break;
            }
        }

        return errors.Count == 0 ? null : new CodeArtifactVerificationException(CakeFailures.Join(errors)) { Result = result };

        void Report(bool asError, string message)
        {
            // Errors are not logged here: they are the exception's message, which Cake prints.
            if (asError)
            {
                errors.Add(message);
            }
            else
            {
                log.Warning(message);
            }
        }
    }
}
