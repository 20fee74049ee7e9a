using System.Globalization;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// A USM report as an operator reads it: what failed and which agent.json keys to check
/// (<c>Devices:2:AuthPassphrase / AuthProtocol</c>). Never a passphrase.
/// </summary>
public static class UsmFailureText
{
    public static string Describe(UsmError error, DeviceOptions device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var key = string.Create(CultureInfo.InvariantCulture, $"{DeviceOptions.SectionName}:{device.Index}");
        return error switch
        {
            UsmError.WrongDigest => $"SNMPv3 authentication failed (wrong digest): check {key}:AuthPassphrase / AuthProtocol",
            UsmError.UnknownUserName => $"SNMPv3 unknown user '{device.User}' (usmStatsUnknownUserNames): check {key}:User",
            UsmError.DecryptionError => $"SNMPv3 decryption failed (wrong privacy key): check {key}:PrivPassphrase / PrivProtocol",
            UsmError.UnsupportedSecurityLevel => $"SNMPv3 security level {device.Level} not allowed for user '{device.User}' (usmStatsUnsupportedSecLevels): check {key}:Level",
            UsmError.UnknownContext => $"SNMPv3 unknown context '{device.Context}': check {key}:Context",
            UsmError.NotInTimeWindow => $"SNMPv3 not in time window even after re-synchronising engine boots and time (retried each poll)",
            UsmError.UnknownEngineId => $"SNMPv3 unknown engine id even after re-discovery (retried each poll)",
            _ => $"SNMPv3 report {error} (check {key}:User, Level and passphrases)",
        };
    }
}
