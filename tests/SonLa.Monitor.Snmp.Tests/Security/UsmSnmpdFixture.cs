using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Security;

/// <summary>
/// One real snmpd with one SNMPv3 user per combination: every auth protocol with every priv
/// protocol (authPriv), every auth protocol alone (authNoPriv), and one noAuthNoPriv user.
/// </summary>
public sealed class UsmSnmpdFixture : IAsyncLifetime
{
    public const string Root = ".1.3.6.1.4.1.99999";
    public const string AuthPass = "auth-pass-1";
    public const string PrivPass = "priv-pass-1";
    public const string NoAuthUser = "u-none";

    /// <summary>A context served by proxying <see cref="Root"/> to a second snmpd with <see cref="ContextRows"/>.</summary>
    public const string Context = "site-b";
    public const string ContextUser = "u-context";

    public static readonly string[] AuthProtocols = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];
    public static readonly string[] PrivProtocols = ["DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C"];

    public static readonly IReadOnlyList<PassPersistRow> Rows =
    [
        new(Root + ".1.1", "counter", "4294967295"),
        new(Root + ".1.2", "counter64", "18446744073709551615"),
        new(Root + ".1.3", "integer", "-5"),
        new(Root + ".1.4", "string", "Xã Chiềng Cơi"),
        new(Root + ".1.5", "octet", "52 54 00 1a 2b 3c"),
        new(Root + ".1.6", "ipaddress", "10.1.2.3"),
        new(Root + ".1.7", "objectid", ".1.3.6.1.4.1.99999.5.4294967295"),
        new(Root + ".1.8", "timeticks", "8640000"),
        new(Root + ".1.9", "gauge", "7"),
        new(Root + ".1.10", "string", "plain ASCII text"),
        new(Root + ".2.1.1", "integer", "1"),
        new(Root + ".2.1.4294967295", "integer", "3"),
    ];

    public static readonly IReadOnlyList<PassPersistRow> ContextRows =
    [
        new(Root + ".1.1", "string", "served in context site-b"),
        new(Root + ".1.2", "gauge", "42"),
    ];

    public SnmpdServer Server { get; private set; } = null!;

    /// <summary>The plain v2c snmpd behind <see cref="Context"/>.</summary>
    public SnmpdServer ContextSource { get; private set; } = null!;

    public static string PrivUser(string auth, string priv) => $"p-{auth}-{priv}".ToLowerInvariant();

    public static string AuthUser(string auth) => $"a-{auth}".ToLowerInvariant();

    public async Task InitializeAsync()
    {
        var config = new List<string>();
        foreach (var auth in AuthProtocols)
        {
            foreach (var priv in PrivProtocols)
            {
                config.Add($"createUser {PrivUser(auth, priv)} {auth} \"{AuthPass}\" {priv} \"{PrivPass}\"");
                config.Add($"rouser {PrivUser(auth, priv)} priv");
            }

            config.Add($"createUser {AuthUser(auth)} {auth} \"{AuthPass}\"");
            config.Add($"rouser {AuthUser(auth)} auth");
        }

        // snmpd serves a non-default context only through a module registered in it: proxy.
        ContextSource = await SnmpdServer.StartAsync(new SnmpdOptions { ListenIPv6 = false, PassPersistRoot = Root, PassPersistRows = ContextRows });
        config.Add($"createUser {ContextUser} SHA-256 \"{AuthPass}\" AES \"{PrivPass}\"");
        config.Add("view everything included .1");
        config.Add($"rouser {ContextUser} priv -V everything");
        config.Add($"rouser {ContextUser} priv -V everything {Context}");
        config.Add($"proxy -Cn {Context} -v 2c -c public {ContextSource.Address} {Root}");
        config.Add($"createUser {NoAuthUser}");
        config.Add($"rouser {NoAuthUser} noauth");
        Server = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            PassPersistRoot = Root,
            PassPersistRows = Rows,
            ExtraConfig = config,
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await ContextSource.DisposeAsync();
    }
}
