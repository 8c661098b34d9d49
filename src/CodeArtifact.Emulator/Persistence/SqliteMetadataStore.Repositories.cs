using Microsoft.Data.Sqlite;

namespace CodeArtifact.Emulator.Persistence;

internal sealed partial class SqliteMetadataStore
{
    private const string RepositoryColumns =
        "id, domain_id, project_id, name, display_name, format, type, policy, tab_id, description, includes_pattern, "
        + "deployment_policy, share_right, status, is_default, allow_anonymous, created, modified, created_by, seq";

    public void AddRepository(RepositoryRecord repository)
    {
        lock (_gate)
        {
            NonQuery(
                $"INSERT INTO repositories({RepositoryColumns}) VALUES($id,$domain,$project,$name,$display,$format,$type,$policy,$tab,"
                + "$description,$includes,$deployment,$share,$status,$default,$anonymous,$created,$modified,$by,$seq)",
                RepositoryParameters(repository));
        }
    }

    public void UpdateRepository(RepositoryRecord repository)
    {
        lock (_gate)
        {
            NonQuery(
                "UPDATE repositories SET domain_id=$domain, project_id=$project, name=$name, display_name=$display, format=$format, "
                + "type=$type, policy=$policy, tab_id=$tab, description=$description, includes_pattern=$includes, "
                + "deployment_policy=$deployment, share_right=$share, status=$status, is_default=$default, "
                + "allow_anonymous=$anonymous, created=$created, modified=$modified, created_by=$by, seq=$seq WHERE id=$id",
                RepositoryParameters(repository));
        }
    }

    public RepositoryRecord? GetRepository(string id)
    {
        lock (_gate)
        {
            return Query($"SELECT {RepositoryColumns} FROM repositories WHERE id=$id", ReadRepository, ("$id", id)).FirstOrDefault();
        }
    }

    public IReadOnlyList<RepositoryRecord> ListRepositories(string domainId)
    {
        lock (_gate)
        {
            return Query($"SELECT {RepositoryColumns} FROM repositories WHERE domain_id=$domain ORDER BY created, id", ReadRepository, ("$domain", domainId));
        }
    }

    public int NextRepositorySequence(string domainId)
    {
        lock (_gate)
        {
            return Convert.ToInt32(Scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM repositories WHERE domain_id=$domain", ("$domain", domainId)), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public IReadOnlyList<string> DeleteRepository(string id)
    {
        lock (_gate)
        {
            return InTransaction(() =>
            {
                var blobs = Query("SELECT blob_key FROM files WHERE repo_id=$id", r => r.GetString(0), ("$id", id));
                NonQuery("DELETE FROM files WHERE repo_id=$id", ("$id", id));
                NonQuery("DELETE FROM folders WHERE repo_id=$id", ("$id", id));
                NonQuery("DELETE FROM release_files WHERE repo_id=$id", ("$id", id));
                NonQuery("DELETE FROM attention WHERE repo_id=$id", ("$id", id));
                NonQuery("DELETE FROM repositories WHERE id=$id", ("$id", id));
                return (IReadOnlyList<string>)blobs;
            });
        }
    }

    private static (string, object?)[] RepositoryParameters(RepositoryRecord r) =>
    [
        ("$id", r.Id), ("$domain", r.DomainId), ("$project", r.ProjectId), ("$name", r.Name), ("$display", r.DisplayName),
        ("$format", r.Format), ("$type", r.Type), ("$policy", r.Policy), ("$tab", r.TabId), ("$description", r.Description),
        ("$includes", r.IncludesPattern), ("$deployment", r.DeploymentPolicy), ("$share", r.ShareRight), ("$status", r.Status),
        ("$default", r.IsDefault ? 1 : 0), ("$anonymous", r.AllowAnonymous ? 1 : 0), ("$created", Ms(r.Created)),
        ("$modified", Ms(r.Modified)), ("$by", r.CreatedBy), ("$seq", r.Sequence),
    ];

    private static RepositoryRecord ReadRepository(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        DomainId = r.GetString(1),
        ProjectId = NullableString(r, 2),
        Name = r.GetString(3),
        DisplayName = NullableString(r, 4),
        Format = r.GetString(5),
        Type = r.GetString(6),
        Policy = NullableString(r, 7),
        TabId = NullableString(r, 8),
        Description = r.GetString(9),
        IncludesPattern = r.GetString(10),
        DeploymentPolicy = NullableString(r, 11),
        ShareRight = r.GetString(12),
        Status = r.GetString(13),
        IsDefault = r.GetInt64(14) != 0,
        AllowAnonymous = r.GetInt64(15) != 0,
        Created = Time(r, 16),
        Modified = Time(r, 17),
        CreatedBy = r.GetString(18),
        Sequence = r.GetInt32(19),
    };
}
