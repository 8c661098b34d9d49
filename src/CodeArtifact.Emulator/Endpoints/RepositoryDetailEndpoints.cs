using System.Globalization;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Json;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>Repository details: the repository list (without counts), one repository with its counts, and the storage trend.</summary>
internal static class RepositoryDetailEndpoints
{
    public static void MapRepositoryDetailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cloudartifact/v5/{tenant_id}/{project_id}/repositories", ListRepositories).Operation("ShowRepositoryList");
        app.MapGet("/cloudartifact/v5/{tenant_id}/{project_id}/{repo_id}/repositories", ShowRepositoryStatistic).Operation("ShowRepositoryStatistic");
        app.MapGet("/cloudartifact/v5/{tenant_id}/{project_id}/storageinfo/statistic", ShowStorageStatistic).Operation("ShowStorageStatistic");
    }

    private static IResult ListRepositories(HttpContext http, EmulatorContext emulator, Views views, string project_id)
    {
        var caller = http.Caller();
        var pageNo = Params.Int(http, "page_no", 1, 1, int.MaxValue);
        var pageSize = Params.Int(http, "page_size", 10, 1, 100);
        var paging = Params.Bool(http, "is_need_paging") ?? true;
        var recycleBin = Params.Bool(http, "is_recycle_bin") ?? false;
        var qname = Params.Optional(http, "qname");
        var type = Params.Optional(http, "type");
        var format = Params.Optional(http, "format");
        var inProject = Params.Bool(http, "in_project") ?? false;
        var repositories = emulator.Store.ListRepositories(caller.Tenant.DomainId)
            .Where(r => Domain.RepositoryCatalog.CanAccess(caller, r))
            .Where(r => r.Status == (recycleBin ? "trash" : "active"))
            .Where(r => !inProject || r.ProjectId == project_id)
            .Where(r => format is null || r.Format == format)
            .Where(r => type is null || string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))
            .Where(r => qname is null || r.Name.Contains(qname, StringComparison.OrdinalIgnoreCase) || r.Id.Contains(qname, StringComparison.OrdinalIgnoreCase));
        var filtered = CapacityEndpoints.Filter(repositories, caller, Params.Optional(http, "format_list"), null);
        var page = paging ? filtered.Skip((pageNo - 1) * pageSize).Take(pageSize) : filtered;
        var list = new JsonArray();
        foreach (var repository in page)
        {
            list.Add(views.RepositoryListItem(repository));
        }

        return V5.Ok(http, new JsonObject { ["total"] = filtered.Count, ["repositories"] = list });
    }

    private static IResult ShowRepositoryStatistic(HttpContext http, EmulatorContext emulator, Views views, string repo_id)
    {
        Params.Required(http, "region");
        var repository = emulator.Repositories.Require(http.Caller(), repo_id);
        var item = views.RepositoryListItem(repository, emulator.Store.Usage([repository.Id]));
        item["url"] = null;
        return V5.Ok(http, item);
    }

    private static IResult ShowStorageStatistic(HttpContext http, EmulatorContext emulator)
    {
        var caller = http.Caller();
        var repositoryId = Params.Optional(http, "repo");
        var repositories = repositoryId is null
            ? emulator.Repositories.Visible(caller).Select(r => r.Id).ToList()
            : [emulator.Repositories.Require(caller, repositoryId).Id];
        var today = DateOnly.FromDateTime(emulator.Now.ToOffset(emulator.Times.Offset).DateTime);
        var end = Day(Params.Optional(http, "end_time"), "end_time") ?? today;
        var start = Day(Params.Optional(http, "start_time"), "start_time") ?? end.AddDays(-6);
        if (start > end || end.DayNumber - start.DayNumber > 366)
        {
            throw EmulatorErrors.BadParameter("start_time", "a start no later than end_time and at most a year before it is allowed.");
        }

        var files = repositories.SelectMany(emulator.Store.FileSizes).ToList();
        var result = new JsonArray();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var endOfDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), emulator.Times.Offset);
            var present = files.Where(f => f.Created <= endOfDay).ToList();
            var bytes = present.Sum(f => f.Size);
            result.Add(new JsonObject
            {
                ["filesCount"] = present.Count,
                ["usedSpaceLength"] = bytes,
                ["usedSpace"] = bytes == 0 ? string.Empty : Sizes.Display(bytes),
                ["summaryDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["foldersCount"] = null,
                ["itemsCount"] = null,
            });
        }

        return V5.Ok(http, result);
    }

    private static DateOnly? Day(string? text, string name) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw EmulatorErrors.BadParameter(name, $"a date as yyyy-MM-dd is allowed, got '{text}'.");
}
