using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>The credentials and net-snmp command lines the trap tests share.</summary>
internal static class TrapTestPeers
{
    public const string Community = "trap-community";
    public const string UserName = "trapper";
    public const string AuthPassphrase = "trap-auth-pass";
    public const string PrivPassphrase = "trap-priv-pass";
    public const string SenderEngineHex = "8000000001020304";

    public static readonly byte[] SenderEngineId = Convert.FromHexString(SenderEngineHex);

    public static TrapUser User(string engineHex = SenderEngineHex) =>
        new(new UsmUser(UserName, AuthProtocol.Sha1, AuthPassphrase, PrivProtocol.Aes128, PrivPassphrase), SecurityLevel.AuthPriv, Convert.FromHexString(engineHex));

    public static TrapProcessor Processor(TimeProvider? time = null) =>
        new([Encoding.UTF8.GetBytes(Community)], [User()], LocalEngine.Create("test-site", time ?? TimeProvider.System));

    public static string[] V1LinkDown(string target, string community = Community) =>
        ["-v", "1", "-c", community, target, ".1.3.6.1.4.1.99999", "127.0.0.1", "2", "0", "12345",
         ".1.3.6.1.2.1.2.2.1.1.3", "i", "3", ".1.3.6.1.2.1.2.2.1.2.3", "s", "ge-0/0/2"];

    public static string[] V2cLinkDown(string target, string community = Community) =>
        ["-v", "2c", "-c", community, target, "12345", ".1.3.6.1.6.3.1.1.5.3",
         ".1.3.6.1.2.1.2.2.1.1.3", "i", "3", ".1.3.6.1.2.1.2.2.1.2.3", "s", "ge-0/0/2"];

    public static string[] V3LinkUp(string target, string privPassphrase = PrivPassphrase, string engineHex = SenderEngineHex) =>
        ["-v", "3", "-e", "0x" + engineHex, "-u", UserName, "-l", "authPriv", "-a", "SHA", "-A", AuthPassphrase, "-x", "AES", "-X", privPassphrase,
         target, "12345", ".1.3.6.1.6.3.1.1.5.4", ".1.3.6.1.2.1.2.2.1.1.7", "i", "7"];

    public static string[] V2cInform(string target) =>
        ["-v", "2c", "-c", Community, "-t", "1", "-r", "3", target, "12345", ".1.3.6.1.6.3.1.1.5.1"];

    public static string[] V3Inform(string target) =>
        ["-v", "3", "-u", UserName, "-l", "authPriv", "-a", "SHA", "-A", AuthPassphrase, "-x", "AES", "-X", PrivPassphrase,
         "-t", "1", "-r", "3", target, "12345", ".1.3.6.1.6.3.1.1.5.2"];

    /// <summary>Runs a net-snmp tool against a plain UDP socket and returns the first datagram it sent.</summary>
    public static async Task<byte[]> CaptureAsync(string tool, Func<string, string[]> arguments)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = $"127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[65_535];
        var receive = socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        // snmpinform waits for an answer that never comes here: short timeout, no retries.
        var run = SnmpdServer.RunToolAsync(tool, tool == "snmpinform" ? ["-t", "0.2", "-r", "0", .. arguments(target)] : arguments(target));
        var result = await receive;
        await run;
        return buffer.AsSpan(0, result.ReceivedBytes).ToArray();
    }
}

/// <summary>A <see cref="TrapReceiver"/> running on a free loopback port, its notifications in a queue.</summary>
internal sealed class RunningTrapReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SnmpNotification> _notifications = Channel.CreateUnbounded<SnmpNotification>();

    public RunningTrapReceiver(TrapProcessor processor, TrapReceiverOptions? options = null)
    {
        Receiver = new TrapReceiver(new IPEndPoint(IPAddress.Loopback, 0), processor, options ?? new TrapReceiverOptions(), TimeProvider.System);
        Run = Receiver.RunAsync(n => _notifications.Writer.TryWrite(n), cancellationToken: _stop.Token);
    }

    public TrapReceiver Receiver { get; }

    public Task Run { get; }

    public string Target => $"127.0.0.1:{Receiver.LocalEndPoint.Port}";

    public async Task<SnmpNotification> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _notifications.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out SnmpNotification notification) => _notifications.Reader.TryRead(out notification!);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Receiver.Dispose();
        await Run;
        _stop.Dispose();
    }
}
