namespace SonLa.Monitor.Snmp.Types;

/// <summary>One variable binding: a name and its value (or exception).</summary>
public readonly record struct VarBind(ObjectIdentifier Oid, SnmpValue Value)
{
    /// <summary>A varbind with a NULL value, as requests carry them.</summary>
    public static VarBind Request(ObjectIdentifier oid) => new(oid, SnmpValue.Null);

    public override string ToString() => $".{Oid} = {Value}";
}
