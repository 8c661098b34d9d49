namespace CodeArtifact.Emulator.Persistence;

internal sealed partial class SqliteMetadataStore
{
    public void AddReleaseFile(ReleaseFileRecord release)
    {
        lock (_gate)
        {
            NonQuery(
                "INSERT INTO release_files(project_id, name, version, repo_id, path, created) VALUES($project,$name,$version,$repo,$path,$created)",
                ("$project", release.ProjectId), ("$name", release.Name), ("$version", release.Version),
                ("$repo", release.RepositoryId), ("$path", release.Path), ("$created", Ms(release.Created)));
        }
    }

    public (IReadOnlyList<ReleaseFileRecord> Page, int Total) FindReleaseFiles(string projectId, string namePart, int offset, int limit)
    {
        // Fuzzy as the service documents it: the part may occur anywhere in the release file's name,
        // or in the name of the stored file (the path's last segment), in any case: "app" finds
        // app-tools, my-app and app-1.0.zip.sha256 too.
        var parameters = new (string, object?)[]
        {
            ("$project", projectId), ("$name", "%" + LikeEscape(namePart) + "%"), ("$offset", offset), ("$limit", limit),
        };
        const string where = "WHERE project_id=$project AND (name LIKE $name ESCAPE '\\' "
            + "OR substr(path, length(rtrim(path, replace(path, '/', ''))) + 1) LIKE $name ESCAPE '\\') "
            + "AND EXISTS(SELECT 1 FROM files f WHERE f.repo_id=r.repo_id AND f.path=r.path AND f.trashed_at IS NULL)";
        lock (_gate)
        {
            var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM release_files r " + where, parameters), System.Globalization.CultureInfo.InvariantCulture);
            var page = Query(
                "SELECT project_id, name, version, repo_id, path, created FROM release_files r " + where
                + " ORDER BY created DESC, id DESC LIMIT $limit OFFSET $offset",
                r => new ReleaseFileRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Time(r, 5)),
                parameters);
            return (page, total);
        }
    }

    public void AddAudit(AuditRecord audit)
    {
        lock (_gate)
        {
            NonQuery(
                "INSERT INTO audit(repo_id, module, operation, time, data, operator, user_agent, ip) VALUES($repo,$module,$op,$time,$data,$operator,$agent,$ip)",
                ("$repo", audit.RepositoryId), ("$module", audit.Module), ("$op", audit.Operation), ("$time", Ms(audit.Time)),
                ("$data", audit.Data), ("$operator", audit.Operator), ("$agent", audit.UserAgent), ("$ip", audit.IpSource));
        }
    }

    public (IReadOnlyList<AuditRecord> Page, int Total) ListAudit(string repositoryId, string module, int offset, int limit)
    {
        lock (_gate)
        {
            var total = Convert.ToInt32(
                Scalar("SELECT COUNT(*) FROM audit WHERE repo_id=$repo AND module=$module", ("$repo", repositoryId), ("$module", module)),
                System.Globalization.CultureInfo.InvariantCulture);
            var page = Query(
                "SELECT id, repo_id, module, operation, time, data, operator, user_agent, ip FROM audit "
                + "WHERE repo_id=$repo AND module=$module ORDER BY id DESC LIMIT $limit OFFSET $offset",
                r => new AuditRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r, 4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)),
                ("$repo", repositoryId), ("$module", module), ("$limit", limit), ("$offset", offset));
            return (page, total);
        }
    }

    public void SetAttention(AttentionRecord attention, bool follow)
    {
        lock (_gate)
        {
            if (follow)
            {
                NonQuery(
                    "INSERT INTO attention(id, domain_id, user_id, user_name, repo_id, artifact_id, format, modified) "
                    + "VALUES($id,$domain,$user,$name,$repo,$artifact,$format,$modified) "
                    + "ON CONFLICT(user_id, artifact_id) DO UPDATE SET modified=excluded.modified",
                    ("$id", attention.Id), ("$domain", attention.DomainId), ("$user", attention.UserId), ("$name", attention.UserName),
                    ("$repo", attention.RepositoryId), ("$artifact", attention.ArtifactId), ("$format", attention.Format),
                    ("$modified", Ms(attention.Modified)));
            }
            else
            {
                NonQuery("DELETE FROM attention WHERE user_id=$user AND artifact_id=$artifact", ("$user", attention.UserId), ("$artifact", attention.ArtifactId));
            }
        }
    }

    public bool IsFollowed(string userId, string artifactId)
    {
        lock (_gate)
        {
            return Scalar("SELECT 1 FROM attention WHERE user_id=$user AND artifact_id=$artifact", ("$user", userId), ("$artifact", artifactId)) is not null;
        }
    }

    public (IReadOnlyList<AttentionRecord> Page, int Total) ListAttention(string userId, IReadOnlyCollection<string>? repositoryIds, int offset, int limit)
    {
        var parameters = new (string, object?)[]
        {
            ("$user", userId), ("$all", repositoryIds is null ? 1 : 0),
            ("$repos", System.Text.Json.JsonSerializer.Serialize(repositoryIds ?? [])), ("$limit", limit), ("$offset", offset),
        };
        const string where = "WHERE user_id=$user AND ($all=1 OR repo_id IN (SELECT value FROM json_each($repos)))";
        lock (_gate)
        {
            var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM attention " + where, parameters), System.Globalization.CultureInfo.InvariantCulture);
            var page = Query(
                "SELECT id, domain_id, user_id, user_name, repo_id, artifact_id, format, modified FROM attention " + where
                + " ORDER BY modified DESC, id LIMIT $limit OFFSET $offset",
                r => new AttentionRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), Time(r, 7)),
                parameters);
            return (page, total);
        }
    }

    public string? GetRepositoryPassword(string userId)
    {
        lock (_gate)
        {
            return Scalar("SELECT repo_password FROM user_passwords WHERE user_id=$user", ("$user", userId)) as string;
        }
    }

    public void SetRepositoryPassword(string userId, string password)
    {
        lock (_gate)
        {
            NonQuery(
                "INSERT INTO user_passwords(user_id, repo_password) VALUES($user,$password) ON CONFLICT(user_id) DO UPDATE SET repo_password=excluded.repo_password",
                ("$user", userId), ("$password", password));
        }
    }
}
