using CodeArtifact.Core.Runner;
using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// The one rule of which verification verdicts fail the run, and the text of each problem line
/// (both front ends report these lines as they are).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>verdict</term><description>code, and whether it fails the run</description></listheader>
/// <item><term>verified</term><description>no line</description></item>
/// <item><term>mismatch</term><description>CART0301: an error, or a warning when FailOnMismatch is false</description></item>
/// <item><term>missing remotely</term><description>CART0302: an error, or a warning when FailOnMissing is false</description></item>
/// <item><term>unreadable locally</term><description>CART0303: always an error</description></item>
/// <item><term>no remote digest</term><description>CART0304: as a mismatch (an error unless FailOnMismatch is false): the file
/// could not be shown to be the published one, which a release check must not pass silently</description></item>
/// <item><term>remote error</term><description>CART0305: always an error: the file was not judged at all</description></item>
/// </list>
/// </remarks>
public static class ChecksumProblems
{
    /// <summary>The problem line of one verdict, or null for a verified file.</summary>
    public static JobProblem? For(FileVerification file, ChecksumVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        return file.Status switch
        {
            VerificationStatus.Verified => null,
            VerificationStatus.Mismatch when file.LocalHash is null && file.LocalSize is { } local && file.RemoteSize is { } remote =>
                Problem(options.FailOnMismatch, file, Messages.Checksums_SizeMismatch, Bytes(local), Bytes(remote)),
            VerificationStatus.Mismatch => Problem(options.FailOnMismatch, file, Messages.Checksums_Mismatch, file.Algorithm ?? "-", file.LocalHash ?? "-", file.RemoteHash ?? "-"),
            VerificationStatus.MissingRemotely => Problem(options.FailOnMissing, file, Messages.Checksums_Missing),
            VerificationStatus.UnreadableLocally => CodedText.Problem(ProblemSeverity.Error, file.LocalPath, Messages.Checksums_Unreadable, file.LocalPath, file.Error ?? string.Empty),
            VerificationStatus.NoRemoteDigest => Problem(options.FailOnMismatch, file, Messages.Checksums_NoRemoteDigest, file.Error ?? string.Empty),
            _ => Problem(true, file, Messages.Checksums_LookupFailed, file.Error ?? string.Empty),
        };
    }

    // The catalogue's checksum texts start with the local file, the repository and the remote path.
    private static JobProblem Problem(bool fails, FileVerification file, string template, params object?[] details) =>
        CodedText.Problem(fails ? ProblemSeverity.Error : ProblemSeverity.Warning, file.LocalPath, template, [file.LocalPath, file.Repository, file.RemotePath, .. details]);

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
}
