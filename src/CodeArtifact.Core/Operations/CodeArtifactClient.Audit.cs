using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Audit logs (reference 4.8).
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Audit records of a repository or its files: <c>ShowAudit</c>,
    /// <c>GET /cloudartifact/v5/{tenant_id}/{project_id}/{module}/{repo}/audit</c>.
    /// </summary>
    public async Task<AuditLogPage> GetAuditLogAsync(AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(query, nameof(query), "pass an AuditLogQuery with a Module and a Repository");
        var module = Argument.Identifier(query.Module, "query.Module", "a module such as file", 64);
        var repository = Argument.RepositoryId(query.Repository, "query.Repository");
        var userId = query.UserId is null ? null : Argument.Identifier(query.UserId, "query.UserId", "a user id");
        var pageNumber = Argument.OptionalPageNumber(query.PageNumber, "query.PageNumber");
        var pageSize = Argument.OptionalPageSize(query.PageSize, "query.PageSize");
        var tenantId = ClientTenantId();
        var projectId = RequiredProjectId(null, nameof(CodeArtifactClientOptions.ProjectId));

        var request = new ApiRequest
        {
            Operation = "ShowAudit",
            Method = HttpMethod.Get,
            PathSegments = V5Path(tenantId, projectId, module, repository, "audit"),
            Query = new QueryBuilder()
                .Add("user_id", userId)
                .Add("page_num", pageNumber)
                .Add("page_size", pageSize)
                .Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.AuditPageDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(Options.ServiceTimeOffset);
    }
}
