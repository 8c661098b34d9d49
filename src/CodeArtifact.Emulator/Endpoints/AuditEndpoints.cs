using System.Globalization;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>Audit logs of a repository (module <c>repository</c>) or of its files (module <c>file</c>).</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/cloudartifact/v5/{tenant_id}/{project_id}/{module}/{repo}/audit", ShowAuditLog).Operation("ShowAuditLog");

    private static IResult ShowAuditLog(HttpContext http, EmulatorContext emulator, string module, string repo)
    {
        if (module is not ("file" or "repository"))
        {
            throw EmulatorErrors.BadParameter("module", "file or repository is allowed.");
        }

        var repository = emulator.Repositories.Require(http.Caller(), repo);
        var pageNum = Params.Int(http, "page_num", 1, 1, int.MaxValue);
        var pageSize = Params.Int(http, "page_size", 10, 1, 100);
        var (page, total) = emulator.Store.ListAudit(repository.Id, module, (pageNum - 1) * pageSize, pageSize);
        var list = new JsonArray();
        foreach (var audit in page)
        {
            list.Add(new JsonObject
            {
                ["id"] = audit.Id.ToString(CultureInfo.InvariantCulture),
                ["module"] = audit.Module,
                ["operation"] = audit.Operation,
                ["time"] = emulator.Times.Slashed(audit.Time),
                ["info"] = audit.RepositoryId,
                ["data"] = audit.Data,
                ["reason"] = null,
                ["userAgent"] = audit.UserAgent,
                ["operator"] = audit.Operator,
                ["ipSource"] = audit.IpSource,
            });
        }

        return V5.Ok(http, new JsonObject { ["auditInfoList"] = list, ["total"] = total });
    }
}
