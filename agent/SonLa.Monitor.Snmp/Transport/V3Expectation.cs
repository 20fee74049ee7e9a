using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// What an SNMPv3 answer to one request must satisfy before it completes the request: sent by the
/// engine we addressed, for our user, authenticated with our key, at our level.
/// </summary>
/// <param name="Engine">Null during discovery (any engine id is then welcome).</param>
internal sealed record V3Expectation(
    UsmUser User,
    SecurityLevel Level,
    EngineState? Engine,
    byte[]? AuthKey,
    byte[]? PrivKey);
