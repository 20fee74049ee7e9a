using System.Net;
using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Ntp;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>Our SNTP client against the test responder (a real UDP exchange on loopback) and the route-table parser.</summary>
public sealed class SntpClientTests
{
    [Theory]
    [InlineData(120)]
    [InlineData(-3600)]
    [InlineData(0)]
    public async Task SkewedResponder_OffsetMeasured(int seconds)
    {
        await using var ntp = SntpResponder.Start(TimeSpan.FromSeconds(seconds));
        var offset = await new SntpClient(TimeProvider.System).QueryOffsetAsync(new IPEndPoint(IPAddress.Loopback, ntp.Port), TimeSpan.FromSeconds(5), CancellationToken.None);
        // Loopback round trips are far below a second; the tolerance only absorbs a loaded machine.
        Assert.InRange(offset.TotalSeconds, seconds - 1, seconds + 1);
        Assert.Equal(1, ntp.Answered);
    }

    [Fact]
    public async Task SilentPort_TimeoutException()
    {
        var port = FreePort.Udp();
        await Assert.ThrowsAsync<TimeoutException>(() =>
            new SntpClient(TimeProvider.System).QueryOffsetAsync(new IPEndPoint(IPAddress.Loopback, port), TimeSpan.FromMilliseconds(200), CancellationToken.None));
    }

    [Fact]
    public void Timestamp_RoundTrips()
    {
        var time = new DateTimeOffset(2026, 11, 27, 14, 35, 0, 125, TimeSpan.Zero);
        var buffer = new byte[8];
        SntpClient.WriteTimestamp(buffer, time);
        Assert.InRange((SntpClient.ReadTimestamp(buffer) - time).Duration().TotalMilliseconds, 0, 0.001);
    }

    [Fact]
    public void DefaultGateway_LowestMetricDefaultRoute()
    {
        string[] lines =
        [
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth1\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0",
            "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0",
            "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "garbage line",
        ];
        Assert.Equal(IPAddress.Parse("192.0.2.1"), DefaultGateway.Parse(lines));
        Assert.Null(DefaultGateway.Parse([lines[0], lines[3]]));
        Assert.Null(DefaultGateway.Read("/nonexistent/route"));
    }
}
