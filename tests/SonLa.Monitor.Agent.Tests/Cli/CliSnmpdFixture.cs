using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>One real snmpd for the CLI tests, serving edge values under a stable pass_persist subtree.</summary>
public sealed class CliSnmpdFixture : IAsyncLifetime
{
    public const string Root = ".1.3.6.1.4.1.99999";
    public const string Vietnamese = "Xã Chiềng Cơi";

    public static readonly PassPersistRow[] Rows =
    [
        new($"{Root}.1.0", "counter64", "18446744073709551615"),
        new($"{Root}.2.0", "integer", "-42"),
        new($"{Root}.3.0", "string", Vietnamese),
        new($"{Root}.4.0", "octet", "00 ff 10 80"),
        new($"{Root}.5.0", "string", "plain ascii"),
        new($"{Root}.6.0", "ipaddress", "10.0.0.1"),
        new($"{Root}.7.0", "objectid", ".1.3.6.1.4.1.8072"),
        new($"{Root}.8.0", "timeticks", "4294967295"),
        new($"{Root}.9.0", "gauge", "4294967295"),
        new($"{Root}.10.0", "counter", "0"),
        new($"{Root}.11.0", "string", ""),
        new($"{Root}.12.0", "octet", "52 54 00 1a 2b 3c"),
        new($"{Root}.13.0", "string", "say \"hi\" \\ back"),
        new($"{Root}.14.0", "octet", string.Join(' ', Enumerable.Range(0, 34).Select(i => i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))),
        new($"{Root}.15.0", "integer", "-2147483648"),
        new($"{Root}.16.0", "string", "Cổng Dịch vụ công quốc gia"),
        new($"{Root}.17.1", "timeticks", "8640000"),
        new($"{Root}.17.2", "string", "tab\there"),
    ];

    public SnmpdServer Snmpd { get; private set; } = null!;

    public string Address => Snmpd.Address;

    public async Task InitializeAsync()
    {
        Snmpd = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            Community = "public",
            SysName = "tram-chieng-coi",
            PassPersistRoot = Root,
            PassPersistRows = Rows,
        });
    }

    public async Task DisposeAsync() => await Snmpd.DisposeAsync();
}
