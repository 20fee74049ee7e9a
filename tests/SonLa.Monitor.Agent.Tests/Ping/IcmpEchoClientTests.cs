using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Agent.Ping;

namespace SonLa.Monitor.Agent.Tests.Ping;

/// <summary>Echo requests answered (or not) by this machine's own kernel on loopback, over both socket kinds.</summary>
public sealed class IcmpEchoClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static void AllAnswered(PingResult result, int count, IcmpSocketKind kind)
    {
        Assert.Null(result.Error);
        Assert.Equal(kind, result.SocketKind);
        Assert.Equal(count, result.Sent);
        Assert.Equal(count, result.Received);
        Assert.Equal(0, result.LossPercent);
        Assert.All(result.RoundTripMilliseconds, rtt => Assert.True(rtt >= 0));
        Assert.NotNull(result.AverageRoundTripMilliseconds);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task RawSocket_Loopback_EveryRequestAnswered(string address)
    {
        var client = new IcmpEchoClient(TimeProvider.System, IcmpSocketKind.Raw);
        AllAnswered(await client.PingAsync(IPAddress.Parse(address), 3, Timeout, CancellationToken.None), 3, IcmpSocketKind.Raw);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task DatagramSocket_InANamespaceThatAllowsIt_EveryRequestAnswered(string address)
    {
        using var netns = NetworkNamespaceThread.Start();
        Assert.Equal("0\t2147483647", netns.ReadPingGroupRange());
        var client = new IcmpEchoClient(TimeProvider.System, IcmpSocketKind.Datagram, (family, kind) => netns.Invoke(() => IcmpEchoClient.Open(family, kind)));
        AllAnswered(await client.PingAsync(IPAddress.Parse(address), 3, Timeout, CancellationToken.None), 3, IcmpSocketKind.Datagram);
    }

    [Fact]
    public async Task Automatic_DatagramWhereAllowed_RawOtherwise()
    {
        // Here (root): this machine's net.ipv4.ping_group_range decides; in the namespace, datagram is allowed.
        var range = File.ReadAllText("/proc/sys/net/ipv4/ping_group_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        var expected = range[0] <= 0 && 0 <= range[1] ? IcmpSocketKind.Datagram : IcmpSocketKind.Raw;
        var here = await new IcmpEchoClient(TimeProvider.System).PingAsync(IPAddress.Loopback, 1, Timeout, CancellationToken.None);
        AllAnswered(here, 1, expected);

        using var netns = NetworkNamespaceThread.Start();
        var inNamespace = new IcmpEchoClient(TimeProvider.System, openSocket: (family, kind) => netns.Invoke(() => IcmpEchoClient.Open(family, kind)));
        AllAnswered(await inNamespace.PingAsync(IPAddress.IPv6Loopback, 1, Timeout, CancellationToken.None), 1, IcmpSocketKind.Datagram);
    }

    [Fact]
    public async Task NoSocketOfAnyKind_OneClearError()
    {
        var client = new IcmpEchoClient(TimeProvider.System, openSocket: (_, _) => throw new SocketException((int)SocketError.AccessDenied));
        var ex = await Assert.ThrowsAsync<IcmpUnavailableException>(() => client.PingAsync(IPAddress.Loopback, 1, Timeout, CancellationToken.None));
        Assert.Contains("net.ipv4.ping_group_range", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CAP_NET_RAW", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetThatDoesNotAnswer_EveryRequestLost_NoRoundTrip()
    {
        // Loopback's broadcast address: delivered to this host, whose kernel ignores broadcast echo requests
        // (net.ipv4.icmp_echo_ignore_broadcasts, on by default): a silent target without leaving the machine.
        Assert.Equal("1", File.ReadAllText("/proc/sys/net/ipv4/icmp_echo_ignore_broadcasts").Trim());
        var client = new IcmpEchoClient(TimeProvider.System, IcmpSocketKind.Raw);
        var result = await client.PingAsync(IPAddress.Parse("127.255.255.255"), 2, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.Equal(2, result.Sent);
        Assert.Equal(0, result.Received);
        Assert.Equal(100, result.LossPercent);
        Assert.Null(result.AverageRoundTripMilliseconds);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task TwoRawClientsAtOnce_EachCountsOnlyItsOwnReplies()
    {
        // Raw sockets see every ICMP message: the other client's replies must not count twice or be taken for ours.
        var a = new IcmpEchoClient(TimeProvider.System, IcmpSocketKind.Raw);
        var b = new IcmpEchoClient(TimeProvider.System, IcmpSocketKind.Raw);
        var results = await Task.WhenAll(
            a.PingAsync(IPAddress.Loopback, 5, Timeout, CancellationToken.None),
            b.PingAsync(IPAddress.Loopback, 5, Timeout, CancellationToken.None));
        Assert.All(results, r => AllAnswered(r, 5, IcmpSocketKind.Raw));
    }
}
