using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (which sign the session and antiforgery cookies) in the state database
/// (<c>auth_keys</c>), so sessions survive a collector restart and the collector keeps all its state in one file.
/// </summary>
internal sealed class SqliteXmlRepository : IXmlRepository
{
    private readonly StateDatabase _database;

    public SqliteXmlRepository(StateDatabase database)
    {
        _database = database;
        _database.EnsureSchema("CREATE TABLE IF NOT EXISTS auth_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL)");
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM auth_keys ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO auth_keys (name, xml) VALUES ($name, $xml)";
        command.Parameters.AddWithValue("$name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName);
        command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
