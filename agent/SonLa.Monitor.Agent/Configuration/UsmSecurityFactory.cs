using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>
/// Turns validated SNMPv3 settings (the CLI's -u/-l/-a/-A/-x/-X/-n flags, or a device's User, Level, ... keys) into
/// the engine's <see cref="UsmSecurity"/>: one place, so <c>get</c>, <c>walk</c> and polling send exactly the same thing.
/// Names are net-snmp's canonical spellings, already checked by the caller.
/// </summary>
internal static class UsmSecurityFactory
{
    public static UsmSecurity Create(string user, string? level, string? authProtocol, Secret? authPassphrase,
        string? privProtocol, Secret? privPassphrase, string? contextName)
    {
        ArgumentNullException.ThrowIfNull(user);
        var securityLevel = UsmProtocolNames.ParseLevel(string.IsNullOrEmpty(level) ? "noAuthNoPriv" : level);
        var auth = securityLevel == SecurityLevel.NoAuthNoPriv ? AuthProtocol.None : UsmProtocolNames.ParseAuth(authProtocol!);
        var priv = securityLevel == SecurityLevel.AuthPriv ? UsmProtocolNames.ParsePriv(privProtocol!) : PrivProtocol.None;
        var usmUser = new UsmUser(
            user,
            auth,
            auth == AuthProtocol.None ? null : authPassphrase!.Reveal(),
            priv,
            priv == PrivProtocol.None ? null : privPassphrase!.Reveal());
        return new UsmSecurity(usmUser, securityLevel) { ContextName = contextName ?? "" };
    }

    /// <summary>A <c>"Version": "3"</c> device (validated by <see cref="AgentOptionsReader"/>).</summary>
    public static UsmSecurity Create(DeviceOptions device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Create(device.User, device.Level, device.AuthProtocol, device.AuthPassphrase, device.PrivProtocol, device.PrivPassphrase, device.Context);
    }
}
