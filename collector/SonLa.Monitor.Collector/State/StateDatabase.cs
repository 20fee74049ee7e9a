using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.State;

/// <summary>
/// The collector's SQLite database (Microsoft.Data.Sqlite). Each module owns its tables and creates them
/// with <see cref="EnsureSchema"/> (idempotent <c>CREATE TABLE IF NOT EXISTS</c> statements) when it starts.
/// Open a connection per unit of work (<see cref="Open"/>): connections are pooled, WAL mode lets the web
/// API read while the alert engine writes, and busy_timeout rides out short write locks instead of failing.
/// </summary>
public sealed class StateDatabase
{
    private readonly string _connectionString;

    public StateDatabase(IOptions<StateOptions> options)
        : this(options?.Value.Path ?? StateOptions.DefaultPath)
    {
    }

    public StateDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    public string FilePath { get; }

    /// <summary>An open connection with foreign keys on and a 5 s busy timeout. Dispose it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>Runs a module's schema statements (each must be idempotent) in one transaction.</summary>
    public void EnsureSchema(params string[] statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
