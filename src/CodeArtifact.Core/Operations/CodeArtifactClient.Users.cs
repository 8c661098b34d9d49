using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core;

// User management (reference 4.6).
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Resets the caller's repository password: <c>ResetUserPassword</c>,
    /// <c>POST /cloudartifact/v5/maven/users/me</c> (no body). The documented answer describes the
    /// account but carries no password; read the new one with <see cref="GetMavenInfoAsync"/>.
    /// </summary>
    public async Task<RepositoryUser> ResetUserPasswordAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest
        {
            Operation = "ResetUserPassword",
            Method = HttpMethod.Post,
            PathSegments = V5Path("maven", "users", "me"),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.RepositoryUserDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(Options.ServiceTimeOffset);
    }
}
