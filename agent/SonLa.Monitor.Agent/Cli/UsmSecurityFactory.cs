using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>Turns validated v3 flags into the engine's <see cref="UsmSecurity"/>.</summary>
internal static class UsmSecurityFactory
{
    public static UsmSecurity Create(UsmArguments usm)
    {
        ArgumentNullException.ThrowIfNull(usm);
        var level = UsmProtocolNames.ParseLevel(usm.Level ?? "noAuthNoPriv");
        var auth = level == SecurityLevel.NoAuthNoPriv ? AuthProtocol.None : UsmProtocolNames.ParseAuth(usm.AuthProtocol!);
        var priv = level == SecurityLevel.AuthPriv ? UsmProtocolNames.ParsePriv(usm.PrivProtocol!) : PrivProtocol.None;
        var user = new UsmUser(
            usm.User!,
            auth,
            auth == AuthProtocol.None ? null : usm.AuthPassphrase!.Reveal(),
            priv,
            priv == PrivProtocol.None ? null : usm.PrivPassphrase!.Reveal());
        return new UsmSecurity(user, level)
        {
            ContextName = usm.ContextName ?? "",
            ContextEngineId = usm.ContextEngineId,
        };
    }
}
