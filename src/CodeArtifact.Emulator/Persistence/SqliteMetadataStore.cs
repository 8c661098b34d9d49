using Microsoft.Data.Sqlite;

namespace CodeArtifact.Emulator.Persistence;

/// <summary>
/// <see cref="IMetadataStore"/> on SQLite: a file (<c>{data}/metadata.db</c>, WAL) that survives
/// restarts, or a private in-memory database for tests. One connection guarded by a lock serves
/// every request: SQLite work here takes microseconds, so this is faster than opening
/// connections, and prepared commands are kept per SQL text for the hot paths.
/// </summary>
internal sealed partial class SqliteMetadataStore : IMetadataStore
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private SqliteTransaction? _transaction;

    private SqliteMetadataStore(SqliteConnection connection, bool isNew)
    {
        _connection = connection;
        IsNew = isNew;
    }

    public bool IsNew { get; }

    /// <summary>Opens (creating when missing) <c>metadata.db</c> in <paramref name="dataDirectory"/>.</summary>
    public static SqliteMetadataStore OpenFile(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "metadata.db");
        var isNew = !File.Exists(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        var store = new SqliteMetadataStore(connection, isNew);
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        store.CreateSchema();
        return store;
    }

    /// <summary>A private in-memory database (gone when the store is disposed).</summary>
    public static SqliteMetadataStore OpenInMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var store = new SqliteMetadataStore(connection, isNew: true);
        store.CreateSchema();
        return store;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }
    }

    public void Clean()
    {
        lock (_gate)
        {
            Execute("DELETE FROM files; DELETE FROM folders; DELETE FROM repositories; DELETE FROM release_files; "
                + "DELETE FROM audit; DELETE FROM attention; DELETE FROM user_passwords;");
        }
    }

    private void CreateSchema() => Execute("""
        CREATE TABLE IF NOT EXISTS repositories(
            id TEXT PRIMARY KEY, domain_id TEXT NOT NULL, project_id TEXT, name TEXT NOT NULL, display_name TEXT,
            format TEXT NOT NULL, type TEXT NOT NULL, policy TEXT, tab_id TEXT, description TEXT NOT NULL,
            includes_pattern TEXT NOT NULL, deployment_policy TEXT, share_right TEXT NOT NULL, status TEXT NOT NULL,
            is_default INTEGER NOT NULL, allow_anonymous INTEGER NOT NULL, created INTEGER NOT NULL,
            modified INTEGER NOT NULL, created_by TEXT NOT NULL, seq INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_repositories_domain ON repositories(domain_id);
        CREATE TABLE IF NOT EXISTS folders(
            repo_id TEXT NOT NULL, path TEXT NOT NULL, parent TEXT NOT NULL, created INTEGER NOT NULL,
            modified INTEGER NOT NULL, modified_by TEXT NOT NULL, PRIMARY KEY(repo_id, path)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_folders_parent ON folders(repo_id, parent);
        CREATE TABLE IF NOT EXISTS files(
            id INTEGER PRIMARY KEY, repo_id TEXT NOT NULL, path TEXT NOT NULL, parent TEXT NOT NULL, name TEXT NOT NULL,
            size INTEGER NOT NULL, md5 TEXT NOT NULL, sha1 TEXT NOT NULL, sha256 TEXT NOT NULL, sha512 TEXT NOT NULL,
            blob_key TEXT NOT NULL, created INTEGER NOT NULL, modified INTEGER NOT NULL, created_by TEXT NOT NULL,
            modified_by TEXT NOT NULL, trashed_at INTEGER, download_count INTEGER NOT NULL DEFAULT 0,
            last_downloaded INTEGER, last_downloaded_by TEXT);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_files_active ON files(repo_id, path) WHERE trashed_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_files_parent ON files(repo_id, parent) WHERE trashed_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_files_trash ON files(repo_id, path) WHERE trashed_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_files_md5 ON files(md5);
        CREATE INDEX IF NOT EXISTS ix_files_sha1 ON files(sha1);
        CREATE INDEX IF NOT EXISTS ix_files_sha256 ON files(sha256);
        CREATE INDEX IF NOT EXISTS ix_files_sha512 ON files(sha512);
        CREATE TABLE IF NOT EXISTS release_files(
            id INTEGER PRIMARY KEY, project_id TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,
            repo_id TEXT NOT NULL, path TEXT NOT NULL, created INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_release_files_project ON release_files(project_id);
        CREATE TABLE IF NOT EXISTS audit(
            id INTEGER PRIMARY KEY, repo_id TEXT NOT NULL, module TEXT NOT NULL, operation TEXT NOT NULL, time INTEGER NOT NULL,
            data TEXT NOT NULL, operator TEXT NOT NULL, user_agent TEXT NOT NULL, ip TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_repo ON audit(repo_id, module);
        CREATE TABLE IF NOT EXISTS attention(
            id TEXT PRIMARY KEY, domain_id TEXT NOT NULL, user_id TEXT NOT NULL, user_name TEXT NOT NULL, repo_id TEXT NOT NULL,
            artifact_id TEXT NOT NULL, format TEXT NOT NULL, modified INTEGER NOT NULL, UNIQUE(user_id, artifact_id));
        CREATE TABLE IF NOT EXISTS user_passwords(user_id TEXT PRIMARY KEY, repo_password TEXT NOT NULL);
        """);

    // ---- plumbing -------------------------------------------------------------------------

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>A cached command (SQLite keeps its prepared statements) with fresh parameters.</summary>
    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private int NonQuery(string sql, params (string, object?)[] parameters) => Command(sql, parameters).ExecuteNonQuery();

    private object? Scalar(string sql, params (string, object?)[] parameters) => Command(sql, parameters).ExecuteScalar();

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
    {
        var list = new List<T>();
        using var reader = Command(sql, parameters).ExecuteReader();
        while (reader.Read())
        {
            list.Add(map(reader));
        }

        return list;
    }

    private T InTransaction<T>(Func<T> work)
    {
        if (_transaction is not null)
        {
            return work();
        }

        _transaction = _connection.BeginTransaction();
        try
        {
            var result = work();
            _transaction.Commit();
            return result;
        }
        catch
        {
            _transaction.Rollback();
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Escapes <c>%</c>, <c>_</c> and the escape character for a <c>LIKE … ESCAPE '\'</c> pattern.</summary>
    private static string LikeEscape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
