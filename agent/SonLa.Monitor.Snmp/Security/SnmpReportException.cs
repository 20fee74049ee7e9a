using System.Net;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// An SNMPv3 request answered with a Report (or diagnosed as one): the credentials or the engine
/// state are wrong. <see cref="Exception.Message"/> is one line naming what to check; it never
/// contains a passphrase.
/// </summary>
public sealed class SnmpReportException : SnmpException
{
    public SnmpReportException()
    {
    }

    public SnmpReportException(string message)
        : base(message)
    {
    }

    public SnmpReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpReportException(UsmError error, IPEndPoint endPoint, string userName, ObjectIdentifier? reportOid, Exception? innerException = null)
        : base(Describe(error, endPoint, userName, reportOid), innerException!)
    {
        Error = error;
        EndPoint = endPoint;
        UserName = userName;
        ReportOid = reportOid;
    }

    public UsmError Error { get; }

    public IPEndPoint? EndPoint { get; }

    public string UserName { get; } = "";

    /// <summary>The report's counter OID (usmStats...), or null when the error was diagnosed by a probe.</summary>
    public ObjectIdentifier? ReportOid { get; }

    private static string Describe(UsmError error, IPEndPoint endPoint, string userName, ObjectIdentifier? oid) => error switch
    {
        UsmError.UnknownUserName => $"Unknown user name '{userName}' at {endPoint} (usmStatsUnknownUserNames): check the user (-u, User).",
        UsmError.WrongDigest => $"Authentication failure for user '{userName}' at {endPoint} (usmStatsWrongDigests): check the authentication passphrase and protocol (-A/-a, AuthPassphrase/AuthProtocol).",
        UsmError.DecryptionError => oid is null
            ? $"Decryption error for user '{userName}' at {endPoint}: authPriv requests go unanswered but authNoPriv is authenticated, so the privacy passphrase or protocol is wrong (-X/-x, PrivPassphrase/PrivProtocol)."
            : $"Decryption error for user '{userName}' at {endPoint} (usmStatsDecryptionErrors): check the privacy passphrase and protocol (-X/-x, PrivPassphrase/PrivProtocol).",
        UsmError.UnsupportedSecurityLevel => $"Unsupported security level for user '{userName}' at {endPoint} (usmStatsUnsupportedSecLevels): the user is not configured for this level (-l, Level).",
        UsmError.NotInTimeWindow => $"Not in time window at {endPoint} (usmStatsNotInTimeWindows) even after re-synchronising engine boots and time.",
        UsmError.UnknownEngineId => $"Unknown engine id at {endPoint} (usmStatsUnknownEngineIDs) even after re-discovery: check -e/-E or the agent's engine id.",
        UsmError.UnknownContext => $"Unknown context at {endPoint} ({oid}): check the context name (-n, Context).",
        _ => $"SNMPv3 report {oid} from {endPoint} for user '{userName}'.",
    };
}
