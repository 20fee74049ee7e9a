namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>How a test's private snmpd is set up.</summary>
public sealed class SnmpdOptions
{
    public string Community { get; init; } = "public";

    /// <summary>Also listen on [::1] (same port).</summary>
    public bool ListenIPv6 { get; init; } = true;

    public string SysName { get; init; } = "test-device";

    public string SysLocation { get; init; } = "Sơn La";

    /// <summary>Subtree served by a pass_persist script from <see cref="PassPersistRows"/>, e.g. ".1.3.6.1.4.1.99999".</summary>
    public string? PassPersistRoot { get; init; }

    public IReadOnlyList<PassPersistRow> PassPersistRows { get; init; } = [];

    /// <summary>More subtrees served by the same script and rows, e.g. ".1.3.6.1.2.1.2" and ".1.3.6.1.2.1.31"
    /// to simulate a device's IF-MIB (disable snmpd's own with <see cref="DisabledModules"/>).</summary>
    public IReadOnlyList<string> ExtraPassPersistRoots { get; init; } = [];

    /// <summary>snmpd MIB modules not to start (snmpd -I -name,...), e.g. "interfaces", "ifTable", "ifXTable".</summary>
    public IReadOnlyList<string> DisabledModules { get; init; } = [];

    /// <summary>Extra snmpd.conf lines (createUser, rouser, view, ...).</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];
}
