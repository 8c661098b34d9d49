using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CodeArtifact.Core.Http;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Helpers shared by the operation groups: the client's own tenant and project, bodies, and sending.
public sealed partial class CodeArtifactClient
{
    private const string CloudArtifact = "cloudartifact";
    private const string V5 = "v5";

    /// <summary>The tenant id of v5 paths, from the options; validated before any request.</summary>
    private string ClientTenantId()
    {
        var tenantId = Options.TenantId;
        if (string.IsNullOrEmpty(tenantId))
        {
            throw CodeArtifactException.Missing(
                nameof(CodeArtifactClientOptions.TenantId),
                "TenantId is required for this operation: set the tenant (account) id, 8 to 32 letters or digits, in the client options or the credentials chain.");
        }

        return Argument.TenantId(tenantId, nameof(CodeArtifactClientOptions.TenantId));
    }

    /// <summary>The project id given to the call, else the client's; validated before any request.</summary>
    private string RequiredProjectId(string? projectId, string parameterName)
    {
        if (projectId is not null)
        {
            return Argument.ProjectId(projectId, parameterName);
        }

        var fromOptions = Options.ProjectId;
        if (string.IsNullOrEmpty(fromOptions))
        {
            throw CodeArtifactException.Missing(
                parameterName,
                $"{parameterName} is required: pass a project id (32 letters or digits) or set ProjectId in the client options.");
        }

        return Argument.ProjectId(fromOptions, nameof(CodeArtifactClientOptions.ProjectId));
    }

    /// <summary>The project id given to the call, else the client's, else none (for APIs where it is optional).</summary>
    private string? OptionalProjectId(string? projectId, string parameterName) =>
        projectId is not null
            ? Argument.ProjectId(projectId, parameterName)
            : string.IsNullOrEmpty(Options.ProjectId) ? null : Argument.ProjectId(Options.ProjectId, nameof(CodeArtifactClientOptions.ProjectId));

    private static byte[] JsonBody<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static string[] V5Path(params string[] segments) => [CloudArtifact, V5, .. segments];

    private Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> resultType, CancellationToken cancellationToken) =>
        _connection.SendAsync(request, resultType, cancellationToken);

    /// <summary>Sends an operation whose <c>result</c> carries nothing we use (null, "success", a message).</summary>
    private async Task SendIgnoringResultAsync(ApiRequest request, CancellationToken cancellationToken) =>
        await _connection.SendAsync(request, Json.CodeArtifactJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);

    private static CodeArtifactException InvalidResponse(string operation, string why) =>
        new(ErrorCodes.InvalidResponse, $"{operation}: the answer could not be read ({why}).") { Operation = operation };
}
