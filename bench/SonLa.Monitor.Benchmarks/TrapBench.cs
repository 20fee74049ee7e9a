using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// traps.v2c: one <see cref="TrapReceiver"/> on loopback fed pre-encoded v2c linkDown traps from an
/// in-process UDP socket; each accepted trap is mapped to the agent's event and counted. The sender
/// keeps a bounded number in flight so the kernel buffer does not overflow (drops would flatter nothing
/// but would make the figure meaningless). Reports traps decoded and forwarded per wall-clock second.
/// </summary>
internal static class TrapBench
{
    private const int Traps = 200_000;
    private const int InFlight = 128;

    public static async Task RunAsync()
    {
        var community = "bench-community"u8.ToArray();
        var trap = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, community, new Pdu(PduType.SNMPv2Trap, 4242,
        [
            new(TrapV1Translation.SysUpTime, SnmpValue.TimeTicks(123_456)),
            new(TrapV1Translation.SnmpTrapOid, SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.3"))),
            new(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.1.3"), SnmpValue.Integer32(3)),
            new(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.2.3"), SnmpValue.OctetString("ge-0/0/2")),
            new(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.7.3"), SnmpValue.Integer32(1)),
            new(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.8.3"), SnmpValue.Integer32(2)),
        ])));
        var processor = new TrapProcessor([community], [], LocalEngine.Create("bench", TimeProvider.System));
        var options = new TrapReceiverOptions { MaxPerSecondPerSource = 1e9, BurstPerSource = 1e9, QueueCapacity = 65_536 };
        using var receiver = new TrapReceiver(new IPEndPoint(IPAddress.Loopback, 0), processor, options, TimeProvider.System);
        long forwarded = 0;
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(n =>
        {
            var e = TrapEventMapper.ToEvent(n, "router", DateTimeOffset.UtcNow);
            if (e.Varbinds.Count > 0)
            {
                Interlocked.Increment(ref forwarded);
            }
        }, cancellationToken: stop.Token);

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = receiver.LocalEndPoint;
        await SendAsync(socket, trap, target, 20_000, () => Interlocked.Read(ref forwarded) + Lost(receiver)); // warm-up
        var before = Interlocked.Read(ref forwarded) + Lost(receiver);
        var clock = Stopwatch.StartNew();
        await SendAsync(socket, trap, target, Traps, () => Interlocked.Read(ref forwarded) + Lost(receiver) - before);
        clock.Stop();
        var counted = Interlocked.Read(ref forwarded) + Lost(receiver) - before;
        await stop.CancelAsync();
        await run;

        var rate = counted / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"traps.v2c",-26} traps/s={rate:N0}  traps={counted:N0}  malformed={receiver.Statistics.Malformed}  queue_full={receiver.Statistics.QueueFull}  ({trap.Length}-byte linkDown, 6 varbinds, decoded + mapped to events; target >= 20,000)"));
    }

    private static long Lost(TrapReceiver receiver) => receiver.Statistics.QueueFull + receiver.Statistics.Malformed;

    private static async Task SendAsync(Socket socket, byte[] trap, IPEndPoint target, int count, Func<long> done)
    {
        var deadline = Stopwatch.StartNew();
        long givenUp = 0;
        for (var sent = 0; sent < count; sent++)
        {
            var waited = Stopwatch.StartNew();
            var progress = done();
            while (sent - done() - givenUp >= InFlight)
            {
                await Task.Yield();
                if (done() != progress)
                {
                    progress = done();
                    waited.Restart();
                }
                else if (waited.ElapsedMilliseconds > 20)
                {
                    // What the kernel dropped never comes: stop waiting for it.
                    givenUp = sent - done();
                }
            }

            await socket.SendToAsync(trap, SocketFlags.None, target);
        }

        var idle = Stopwatch.StartNew();
        var last = done();
        while (done() + givenUp < count && idle.ElapsedMilliseconds < 200 && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(1);
            if (done() != last)
            {
                last = done();
                idle.Restart();
            }
        }
    }
}
