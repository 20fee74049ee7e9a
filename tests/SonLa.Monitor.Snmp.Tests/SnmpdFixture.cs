using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests;

/// <summary>
/// One real snmpd for the interop tests, serving under .1.3.6.1.4.1.99999 (pass_persist) every
/// edge value net-snmp can be made to send.
/// </summary>
public sealed class SnmpdFixture : IAsyncLifetime
{
    public const string Root = ".1.3.6.1.4.1.99999";

    public static readonly IReadOnlyList<PassPersistRow> EdgeRows =
    [
        new(Root + ".1.1", "counter", "4294967295"),
        new(Root + ".1.2", "counter", "0"),
        new(Root + ".1.3", "counter64", "18446744073709551615"),
        new(Root + ".1.4", "integer", "-2147483648"),
        new(Root + ".1.5", "integer", "2147483647"),
        new(Root + ".1.6", "integer", "-5"),
        new(Root + ".1.7", "string", ""),
        new(Root + ".1.8", "octet", "52 54 00 1a 2b 3c"),
        new(Root + ".1.9", "string", "Xã Chiềng Cơi"),
        new(Root + ".1.10", "ipaddress", "10.1.2.3"),
        new(Root + ".1.11", "objectid", ".1.3.6.1.4.1.99999.5.4294967295"),
        new(Root + ".1.12", "timeticks", "4294967295"),
        new(Root + ".1.13", "gauge", "4294967295"),
        new(Root + ".1.14", "octet", "41 42 43 00"),
        new(Root + ".1.15", "octet", string.Join(' ', Enumerable.Range(0, 40).Select(i => i.ToString("x2")))),
        new(Root + ".1.16", "string", "say \"hi\" \\ back"),
        new(Root + ".1.17", "opaque", "01 02 03"),
        new(Root + ".1.18", "timeticks", "0"),
        new(Root + ".1.19", "octet", "41 0a 42 09 43"),
        new(Root + ".1.20", "string", "plain ASCII text"),
        new(Root + ".1.21", "timeticks", "8640000"),
        new(Root + ".1.22", "counter64", "0"),
        new(Root + ".1.23", "gauge", "0"),
        new(Root + ".1.24", "integer", "0"),
        new(Root + ".1.25", "opaque", "9f 78 04 3f c0 00 00"),
        new(Root + ".1.26", "opaque", "9f 79 08 c1 d2 65 80 b4 87 e6 b7"),
        new(Root + ".1.27", "opaque", "9f 76 09 00 ff ff ff ff ff ff ff ff"),
        new(Root + ".1.28", "opaque", "9f 7a 01 ff"),
        new(Root + ".1.29", "opaque", "9f 7b 01 05"),
        new(Root + ".1.30", "opaque", ""),
        new(Root + ".1.31", "opaque", "9f 78 04 7f c0 00 00"),
        new(Root + ".2.1.1", "integer", "1"),
        new(Root + ".2.1.268435456", "integer", "2"),
        new(Root + ".2.1.4294967295", "integer", "3"),
        new(Root + ".2.2.1", "string", "first"),
        new(Root + ".2.2.268435456", "string", "sparse"),
        new(Root + ".2.2.4294967295", "string", "last"),
        new(Root + ".5.4294967295", "gauge", "7"),
    ];

    public SnmpdServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            PassPersistRoot = Root,
            PassPersistRows = EdgeRows,
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
