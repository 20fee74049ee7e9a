namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>One OID served by the pass_persist script: <paramref name="Type"/> is a pass_persist type name
/// (integer, counter, gauge, timeticks, counter64, string, octet, ipaddress, objectid).</summary>
public sealed record PassPersistRow(string Oid, string Type, string Value)
{
    public string ToLine() => $"{Oid}\t{Type}\t{Value}";
}
