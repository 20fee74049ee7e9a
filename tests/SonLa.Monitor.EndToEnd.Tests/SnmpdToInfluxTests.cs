using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests;

/// <summary>snmpd → sonla-agent → sonla-collector → InfluxDB, every hop real.</summary>
public sealed class SnmpdToInfluxTests
{
    [Fact]
    public async Task PolledCounters_ReachInfluxDb_AndAStoppedDeviceIsUnreachableWithoutStallingTheOther()
    {
        SimulatedInterface[] routerInterfaces =
        [
            new(1, "ge-0/0/0") { Alias = "Cáp quang VNPT", InOctets = 1_099_511_627_776_000, OutOctets = 4_294_967_295, SpeedBitsPerSecond = 1_000_000_000 },
            new(2, "Cổng LAN") { Alias = "Mạng LAN UBND xã", InOctets = 123_456, OutOctets = 654_321, OperStatus = 2 },
        ];
        SimulatedInterface[] firewallInterfaces = [new(1, "port1") { InOctets = 42, OutOctets = 43 }];

        await using var router = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", routerInterfaces));
        await using var firewall = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("firewall", firewallInterfaces));
        await using var stack = await MonitoringStack.StartAsync();
        stack.StartAgent(
        [
            new { Name = "router", Host = router.Address, Version = "2c", Community = "public", IntervalSeconds = 1, TimeoutSeconds = 1, Retries = 0, Role = "uplink" },
            new { Name = "firewall", Host = firewall.Address, Version = "2c", Community = "public", IntervalSeconds = 1, TimeoutSeconds = 1, Retries = 0 },
        ]);

        // The counters snmpd reports arrive as they are: 64-bit raw values, Vietnamese names as text.
        var interfaces = await stack.WaitForRowsAsync(
            "SELECT last(in_octets) AS in_octets, last(out_octets) AS out_octets, last(oper_status) AS oper FROM interface " +
            $"WHERE site = '{MonitoringStack.SiteId}' AND device = 'router' GROUP BY if_index, if_name", rows => rows.Count == 2);
        var wan = interfaces.Single(r => r["if_index"].GetString() == "1");
        Assert.Equal("ge-0/0/0", wan["if_name"].GetString());
        Assert.Equal(1_099_511_627_776_000d, wan["in_octets"].GetDouble());
        Assert.Equal(4_294_967_295d, wan["out_octets"].GetDouble());
        var lan = interfaces.Single(r => r["if_index"].GetString() == "2");
        Assert.Equal("Cổng LAN", lan["if_name"].GetString());
        Assert.Equal(123_456d, lan["in_octets"].GetDouble());
        Assert.Equal(2d, lan["oper"].GetDouble());

        await stack.WaitForRowsAsync("SELECT last(reachable) FROM device WHERE device = 'firewall'",
            rows => rows.Count == 1 && rows[0]["last"].GetDouble() == 1);
        await stack.WaitForRowsAsync("SELECT last(reachable) FROM device WHERE device = 'router'",
            rows => rows.Count == 1 && rows[0]["last"].GetDouble() == 1);

        // The router dies; it is reported unreachable and the firewall keeps being polled meanwhile.
        router.Stop();
        var stoppedAt = DateTime.UtcNow;
        await stack.WaitForRowsAsync("SELECT last(reachable) FROM device WHERE device = 'router'",
            rows => rows.Count == 1 && rows[0]["last"].GetDouble() == 0);
        var since = new DateTimeOffset(stoppedAt).ToUnixTimeMilliseconds() * 1_000_000;
        await stack.WaitForRowsAsync(
            $"SELECT count(reachable) FROM device WHERE device = 'firewall' AND reachable = 1 AND time > {since}",
            rows => rows.Count == 1 && rows[0]["count"].GetDouble() >= 3);
    }
}
