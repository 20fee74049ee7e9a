namespace SonLa.Monitor.Snmp.Messages;

/// <summary>
/// UsmSecurityParameters (RFC 3414 2.4), carried BER-encoded inside msgSecurityParameters.
/// </summary>
public sealed record UsmSecurityParameters(
    ReadOnlyMemory<byte> AuthoritativeEngineId,
    int AuthoritativeEngineBoots,
    int AuthoritativeEngineTime,
    ReadOnlyMemory<byte> UserName,
    ReadOnlyMemory<byte> AuthenticationParameters,
    ReadOnlyMemory<byte> PrivacyParameters)
{
    /// <summary>RFC 3414: msgAuthoritativeEngineID is at most 32 octets (we accept up to 64 from the wire).</summary>
    public const int MaxEngineIdLength = 32;
}
