using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Release repository file versions. The v2 API answers without the v5 envelope.
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// One page of the versions of files whose name matches <paramref name="fileName"/> (fuzzy) in
    /// the client's project: <c>ShowProjectReleaseFiles</c>, <c>GET /v2/{project_id}/release/files</c>.
    /// </summary>
    /// <param name="fileName">1–200 letters, digits, <c>_</c>, <c>-</c> or <c>.</c>.</param>
    /// <param name="limit">Records per page, 1–100.</param>
    /// <param name="offset">Records to skip (0, limit, 2·limit, …).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public Task<ReleaseFilePage> GetReleaseFilesAsync(string fileName, int limit, int offset, CancellationToken cancellationToken = default) =>
        GetReleaseFilesAsync(null, fileName, limit, offset, cancellationToken);

    /// <summary>
    /// One page of release file versions in <paramref name="projectId"/>:
    /// <c>ShowProjectReleaseFiles</c>, <c>GET /v2/{project_id}/release/files</c>.
    /// </summary>
    /// <param name="projectId">The project (32 letters or digits); the client's project when null.</param>
    /// <param name="fileName">1–200 letters, digits, <c>_</c>, <c>-</c> or <c>.</c>.</param>
    /// <param name="limit">Records per page, 1–100.</param>
    /// <param name="offset">Records to skip (0, limit, 2·limit, …).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<ReleaseFilePage> GetReleaseFilesAsync(string? projectId, string fileName, int limit, int offset, CancellationToken cancellationToken = default)
    {
        var project = RequiredProjectId(projectId, nameof(projectId));
        Argument.FileName(fileName, nameof(fileName));
        Argument.PageSize(limit, nameof(limit));
        Argument.Offset(offset, nameof(offset));

        // The docs' example URL adds a /devreposerver prefix; no SDK sends it for this operation
        // (that prefix belongs to the deprecated ShowReleaseProjectFiles), so neither do we.
        var request = new ApiRequest
        {
            Operation = "ShowProjectReleaseFiles",
            Method = HttpMethod.Get,
            PathSegments = ["v2", project, "release", "files"],
            Query = new QueryBuilder().Add("file_name", fileName).Add("limit", limit).Add("offset", offset).Build(),
            Envelope = ApiEnvelope.None,
        };
        var response = await SendAsync(request, CodeArtifactJsonContext.Default.ReleaseFilesResponseDto, cancellationToken).ConfigureAwait(false);
        if (string.Equals(response.Status, "error", StringComparison.OrdinalIgnoreCase))
        {
            var detail = response.Error is { } error ? Shorten(error.GetRawText()) : "no detail";
            throw new CodeArtifactException(ErrorCodes.ErrorStatus, $"ShowProjectReleaseFiles failed: the service answered status \"error\" ({detail}).")
            {
                Operation = "ShowProjectReleaseFiles",
                HttpStatus = 200,
                TraceId = response.TraceId,
            };
        }

        return response.Result?.ToModel() ?? throw InvalidResponse("ShowProjectReleaseFiles", "the answer has no \"result\"");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
