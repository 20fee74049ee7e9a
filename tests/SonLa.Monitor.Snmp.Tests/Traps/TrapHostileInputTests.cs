using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>Real captured traps, truncated and mutated, against the decoders, the processor and the receiver's port.</summary>
public sealed class TrapHostileInputTests
{
    private static readonly IPEndPoint Sender = new(IPAddress.Loopback, 40000);

    public static async Task<byte[][]> CaptureAllAsync() =>
    [
        await TrapTestPeers.CaptureAsync("snmptrap", t => TrapTestPeers.V1LinkDown(t)),
        await TrapTestPeers.CaptureAsync("snmptrap", t => TrapTestPeers.V2cLinkDown(t)),
        await TrapTestPeers.CaptureAsync("snmptrap", t => TrapTestPeers.V3LinkUp(t)),
        await TrapTestPeers.CaptureAsync("snmpinform", t => TrapTestPeers.V2cInform(t)),
    ];

    [Fact]
    public async Task CapturedPackets_AreAccepted_WhenWhole()
    {
        var processor = TrapTestPeers.Processor();
        foreach (var packet in await CaptureAllAsync())
        {
            var result = processor.Process(packet, Sender);
            Assert.True(result.Notification is not null, $"{Hex.Of(packet)}: {result.Rejection} {result.Reason}");
        }
    }

    [Fact]
    public async Task EveryTruncation_OfACapturedTrap_IsOnlyASnmpDecodeException_AndCountedMalformed()
    {
        var processor = TrapTestPeers.Processor();
        foreach (var packet in await CaptureAllAsync())
        {
            var v3 = CommunityMessageCodec.PeekVersion(packet) == SnmpVersion.V3;
            for (var length = 0; length < packet.Length; length++)
            {
                var truncated = packet.AsSpan(0, length).ToArray();
                Assert.Throws<SnmpDecodeException>(() =>
                {
                    if (v3)
                    {
                        V3MessageCodec.Decode(truncated);
                    }
                    else
                    {
                        CommunityMessageCodec.Decode(truncated);
                    }
                });
                var result = processor.Process(truncated, Sender);
                Assert.Null(result.Notification);
                Assert.Equal(TrapRejection.Malformed, result.Rejection);
            }
        }
    }

    [Fact]
    public async Task ThousandsOfMutations_SentToThePort_NoExceptionEscapes_AndAValidTrapIsAcceptedAfter()
    {
        var packets = await CaptureAllAsync();
        var options = new TrapReceiverOptions { MaxPerSecondPerSource = 1_000_000, BurstPerSource = 1_000_000, QueueCapacity = 100_000 };
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor(), options);
        var random = new Random(20261127);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = receiver.Receiver.LocalEndPoint;
        const int Mutations = 5_000;
        for (var i = 0; i < Mutations; i++)
        {
            var mutated = Mutate(packets[i % packets.Length], random);
            // Also straight through the processor: it must be total whatever the socket drops.
            _ = receiver.Receiver.Processor.Process(mutated, Sender);
            await socket.SendToAsync(mutated, SocketFlags.None, target);
            if (i % 200 == 0)
            {
                await Task.Yield();
            }
        }

        Assert.False(receiver.Run.IsCompleted, receiver.Run.Exception?.ToString());
        while (receiver.TryNext(out _))
        {
        }

        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V2cLinkDown(receiver.Target))).ExitCode);
        SnmpNotification? valid = null;
        while (valid is null)
        {
            // Mutations that happen to stay valid may still be queued ahead of it.
            var next = await receiver.NextAsync();
            if (next.Version == SnmpVersion.V2c && next.VarBinds.Count == 4 && next.SysUpTime == 12345 && next.Source.Port != 0 &&
                next.TrapOid.ToString() == "1.3.6.1.6.3.1.1.5.3")
            {
                valid = next;
            }
        }

        Assert.False(receiver.Run.IsCompleted);
        Assert.True(receiver.Receiver.Statistics.Malformed + receiver.Receiver.Statistics.AuthenticationFailures > 0);
    }

    private static byte[] Mutate(byte[] packet, Random random)
    {
        var bytes = packet.ToList();
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    // Length bytes are where decoders break: make one huge or long-form.
                    bytes[at] = random.Next(2) == 0 ? (byte)0x84 : (byte)0xFF;
                    break;
            }
        }

        return [.. bytes];
    }
}
