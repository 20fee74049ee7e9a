using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// The SNMPv3 (USM) flags of a get or walk, validated and with protocol names in net-snmp's
/// canonical spelling. Passphrases are <see cref="Secret"/>s so they cannot leak through ToString.
/// </summary>
internal sealed record UsmArguments
{
    public string? User { get; init; }

    /// <summary>noAuthNoPriv, authNoPriv or authPriv.</summary>
    public string? Level { get; init; }

    /// <summary>MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512.</summary>
    public string? AuthProtocol { get; init; }

    public Secret? AuthPassphrase { get; init; }

    /// <summary>DES, AES, AES-192, AES-256 (Blumenthal key extension), AES-192-C or AES-256-C (Reeder).</summary>
    public string? PrivProtocol { get; init; }

    public Secret? PrivPassphrase { get; init; }

    public string? ContextName { get; init; }

    /// <summary>The security engine id (-e), as bytes.</summary>
    public byte[]? SecurityEngineId { get; init; }

    /// <summary>The context engine id (-E), as bytes.</summary>
    public byte[]? ContextEngineId { get; init; }

    /// <summary>True when any v3 flag was given (so a missing -v means 3).</summary>
    public bool Any =>
        User is not null || Level is not null || AuthProtocol is not null || AuthPassphrase is not null ||
        PrivProtocol is not null || PrivPassphrase is not null || ContextName is not null ||
        SecurityEngineId is not null || ContextEngineId is not null;
}
