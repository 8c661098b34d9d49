using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Auth;

/// <summary>
/// Routes that name a tenant and a project (<c>{tenant_id}</c>, <c>{project_id}</c>) answer 403
/// <c>CR.4102</c> unless the caller is of that tenant and a member of that project.
/// </summary>
internal sealed class ProjectPermissionMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var operation = context.Operation();
        var caller = context.Info().Caller;
        if (operation is null || caller is null)
        {
            return next(context);
        }

        var values = context.Request.RouteValues;
        if (values.TryGetValue("tenant_id", out var tenant) && !string.Equals(tenant as string, caller.Tenant.DomainId, StringComparison.Ordinal))
        {
            throw EmulatorErrors.NoProjectPermission(operation.Shape);
        }

        if (values.TryGetValue("project_id", out var project) && !caller.BelongsTo(project as string ?? string.Empty))
        {
            throw EmulatorErrors.NoProjectPermission(operation.Shape);
        }

        return next(context);
    }
}
