namespace SonLa.Monitor.Snmp.Security;

/// <summary>Why an SNMPv3 request failed in USM (RFC 3414 usmStats counters, plus our own diagnosis).</summary>
public enum UsmError
{
    /// <summary>A Report we have no name for (its OID is in <see cref="SnmpReportException.ReportOid"/>).</summary>
    Other = 0,

    /// <summary>usmStatsUnsupportedSecLevels: the user does not allow the level asked for.</summary>
    UnsupportedSecurityLevel = 1,

    /// <summary>usmStatsNotInTimeWindows, still after re-synchronising engine boots and time.</summary>
    NotInTimeWindow = 2,

    /// <summary>usmStatsUnknownUserNames: the agent has no such user.</summary>
    UnknownUserName = 3,

    /// <summary>usmStatsUnknownEngineIDs, still after re-discovering the engine id.</summary>
    UnknownEngineId = 4,

    /// <summary>usmStatsWrongDigests: the authentication passphrase (or protocol) is wrong.</summary>
    WrongDigest = 5,

    /// <summary>
    /// usmStatsDecryptionErrors, or our diagnosis of an authPriv timeout: an authNoPriv probe was
    /// answered authenticated, so the authentication key is right and the privacy passphrase or
    /// protocol is wrong.
    /// </summary>
    DecryptionError = 6,

    /// <summary>snmpUnknownContexts / snmpUnavailableContexts: the context name (-n) is not served.</summary>
    UnknownContext = 7,
}
