using Cake.Core.Annotations;

namespace Cake.CodeArtifact;

/// <summary>
/// Aliases for Huawei Cloud CodeArts Artifact: Maven credentials, publishing, checksum verification,
/// release file versions, and cleanup of obsolete files with restore from the recycle bin.
/// </summary>
/// <remarks>
/// Connection values come from the settings or, when left unset, from the environment
/// variables of the official SDKs (<c>HUAWEICLOUD_SDK_AK</c>, <c>HUAWEICLOUD_SDK_SK</c>,
/// <c>HUAWEICLOUD_SDK_PROJECT_ID</c> …) and the profile file <c>~/.huaweicloud/credentials</c>.
/// Secrets are never settings: they are read from the environment or the credentials file.
/// </remarks>
[CakeAliasCategory("CodeArtifact")]
public static partial class CodeArtifactAliases
{
}
