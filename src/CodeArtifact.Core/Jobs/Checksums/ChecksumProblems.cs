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
        var where = $"{file.Repository}:{file.RemotePath}";
        return file.Status switch
        {
            VerificationStatus.Verified => null,
            VerificationStatus.Mismatch => Problem(
                options.FailOnMismatch,
                ErrorCodes.ChecksumMismatch,
                file.LocalHash is null && file.LocalSize is { } local && file.RemoteSize is { } remote
                    ? $"{file.LocalPath} does not match {where}: the local size is {Bytes(local)}, the repository has {Bytes(remote)}. Publish the file again, or find out which side changed."
                    : $"{file.LocalPath} does not match {where}: the local {file.Algorithm ?? "-"} is {file.LocalHash ?? "-"}, the repository has {file.RemoteHash ?? "-"}. Publish the file again, or find out which side changed.",
                file),
            VerificationStatus.MissingRemotely => Problem(
                options.FailOnMissing,
                ErrorCodes.MissingRemotely,
                $"{file.LocalPath} is not in the repository at {where}. Publish it, or correct RemotePath and Repository.",
                file),
            VerificationStatus.UnreadableLocally => Problem(true, ErrorCodes.UnreadableLocally, $"{file.LocalPath} could not be read: {file.Error}", file),
            VerificationStatus.NoRemoteDigest => Problem(
                options.FailOnMismatch,
                ErrorCodes.NoCommonAlgorithm,
                $"{file.LocalPath} cannot be verified: {file.Error} ({where}). Choose an Algorithm the repository reports (Auto takes the strongest it has), or publish the file again.",
                file),
            _ => Problem(true, ErrorCodes.RemoteLookupFailed, $"{file.LocalPath} could not be looked up at {where}: {file.Error}", file),
        };
    }

    private static JobProblem Problem(bool fails, string code, string message, FileVerification file) =>
        new(fails ? ProblemSeverity.Error : ProblemSeverity.Warning, code, message, file.LocalPath);

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
}
