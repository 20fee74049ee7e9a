using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// An SNMPv3 user allowed to send notifications. For traps the sender is the authoritative engine:
/// its keys are localized with <see cref="EngineId"/> (the sender's snmpEngineID, net-snmp's
/// <c>snmptrap -e</c>); empty accepts any sender engine id. Informs are localized with our own engine id.
/// Messages below <see cref="Level"/> are refused.
/// </summary>
public sealed record TrapUser(UsmUser User, SecurityLevel Level, ReadOnlyMemory<byte> EngineId)
{
    public bool MatchesEngine(ReadOnlySpan<byte> engineId) => EngineId.IsEmpty || EngineId.Span.SequenceEqual(engineId);
}
