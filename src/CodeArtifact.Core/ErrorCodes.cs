namespace CodeArtifact.Core;

/// <summary>
/// The product's error and warning codes. Both front ends report these codes with the same
/// message text: MSBuild as <c>error CART0101: …</c>, Cake as a <c>CakeException</c>.
/// Blocks: 00xx input and configuration, 01xx service and transport, 02xx Maven credentials,
/// 03xx checksum verification, 04xx release versions, 05xx cleanup and restore, 09xx reports.
/// </summary>
public static class ErrorCodes
{
    // 00xx: input and configuration (always raised before any request is sent).
    public const string InvalidArgument = "CART0001";
    public const string MissingArgument = "CART0002";
    public const string InsecureEndpoint = "CART0003";
    public const string NoCredentials = "CART0004";
    public const string IncompleteCredentials = "CART0005";
    public const string SecretInProperty = "CART0006";
    public const string InvalidCredentialsFile = "CART0007";
    public const string UnsupportedMSBuild = "CART0008";

    // 01xx: the service and the way to it.
    public const string PermissionDenied = "CART0101";
    public const string AuthenticationFailed = "CART0102";
    public const string NotFound = "CART0103";
    public const string Throttled = "CART0104";
    public const string ServiceError = "CART0105";
    public const string NetworkError = "CART0106";
    public const string Timeout = "CART0107";
    public const string InvalidResponse = "CART0108";
    public const string ErrorStatus = "CART0109";
    public const string BadRequest = "CART0110";
    public const string Retrying = "CART0111";

    // 02xx: Maven credentials.
    public const string SettingsFileNotOurs = "CART0201";
    public const string NoMavenRepositories = "CART0202";
    public const string SettingsFileWriteFailed = "CART0203";
    public const string BaseSettingsFileInvalid = "CART0204";
    public const string BaseSettingsConflict = "CART0205";
    public const string MirrorCatchesRepositories = "CART0206";
    public const string RepositoryWithoutPassword = "CART0207";
    public const string NoRepositoryWithPassword = "CART0208";
    public const string SettingsFileDeleteRefused = "CART0209";
    public const string SettingsFileDeleteFailed = "CART0210";

    // 03xx: checksum verification.
    public const string ChecksumMismatch = "CART0301";
    public const string MissingRemotely = "CART0302";
    public const string UnreadableLocally = "CART0303";
    public const string NoCommonAlgorithm = "CART0304";
    public const string RemoteLookupFailed = "CART0305";
    public const string RepositoryNotFound = "CART0306";
    public const string RepositoryAccessDenied = "CART0307";

    // 04xx: release versions.
    public const string NoReleaseVersion = "CART0401";
    public const string IncompletePaging = "CART0402";
    public const string AmbiguousReleaseFile = "CART0403";

    // 05xx: cleanup and restore.
    public const string MavenRepositoryRefused = "CART0501";
    public const string TooManyDeletions = "CART0502";
    public const string OutsideRoot = "CART0503";
    public const string DeletionsFailed = "CART0504";
    public const string RestoreFailed = "CART0505";
    public const string Cancelled = "CART0506";
    public const string PlanWriteFailed = "CART0507";
    public const string InvalidPlan = "CART0508";
    public const string PlanMismatch = "CART0509";
    public const string ChangedSinceChecked = "CART0510";
    public const string DeleteNotConfirmed = "CART0511";
    public const string DeletionsStopped = "CART0512";
    public const string AlreadyGone = "CART0513";

    // 06xx: publish (uploads to a non-Maven repository); 0601-0629 reserved.
    public const string PublishMavenRepositoryRefused = "CART0601";
    public const string PublishLocalFileMissing = "CART0602";
    public const string PublishDuplicateRemotePath = "CART0603";
    public const string NoRepositoryAccount = "CART0604";
    public const string NoRepositoryUrl = "CART0605";
    public const string RemoteFileDiffers = "CART0606";
    public const string PublishUnreadableLocally = "CART0607";
    public const string UploadFailed = "CART0608";
    public const string PublishVerificationFailed = "CART0609";

    // 09xx: reports.
    public const string ReportWriteFailed = "CART0901";
}
