using SonLa.Monitor.Snmp.Messages;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>The header of the SNMPv3 message that answered a request, and whether it was authenticated.</summary>
internal sealed record V3Received(UsmSecurityParameters SecurityParameters, bool Authenticated, bool Encrypted);
