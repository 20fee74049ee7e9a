namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// What a client knows of an agent's SNMPv3 engine: its snmpEngineID, snmpEngineBoots and the
/// estimated snmpEngineTime now (last value received plus the local time elapsed since).
/// </summary>
public sealed record SnmpEngineInfo(ReadOnlyMemory<byte> EngineId, int EngineBoots, int EngineTime)
{
    public string EngineIdHex => Convert.ToHexString(EngineId.Span);

    public override string ToString() => $"engine id {EngineIdHex}, boots {EngineBoots}, time {EngineTime}";
}
