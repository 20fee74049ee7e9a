using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using Xunit.Abstractions;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>1,000 sites in one engine: a tick evaluates them all; a province-wide outage is 1,000 alerts, one each.</summary>
public sealed class AlertScaleTests(ITestOutputHelper output)
{
    private const int Sites = 1000;

    [Fact]
    public void ThousandSites_OneTick_FiresOneOfflineAlertPerSilentSite()
    {
        using var directory = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 7, 30, 0, TimeSpan.Zero));
        var dispatcher = new RecordingDispatcher();
        var engine = new AlertEvaluator(new AlertingOptions(), 30, new AlertStore(new StateDatabase(directory.File("state.db"))),
            dispatcher, null, [], time);
        for (var i = 0; i < Sites; i++)
        {
            var site = "site-" + i.ToString(CultureInfo.InvariantCulture);
            var hello = new Hello { SiteId = site, Devices = { new DeviceInfo { Name = "router", Role = "uplink" }, new DeviceInfo { Name = "ups", Role = "ups" } } };
            engine.Connected(site, hello, time.GetUtcNow());
            engine.Apply(new IngestedBatch(site, "b", 1, [], false, Poll(site, time.GetUtcNow()), time.GetUtcNow()));
        }

        var quiet = Stopwatch.StartNew();
        for (var round = 0; round < 10; round++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            for (var i = 0; i < Sites; i++)
            {
                engine.Activity("site-" + i.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
            }

            engine.Tick();
        }

        quiet.Stop();
        Assert.Empty(dispatcher.Sent);

        for (var i = 0; i < Sites; i += 2)
        {
            engine.Disconnected("site-" + i.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
        }

        time.Advance(TimeSpan.FromSeconds(50));
        var firing = Stopwatch.StartNew();
        engine.Tick();
        firing.Stop();
        Assert.Equal(Sites / 2, dispatcher.Sent.Count);
        Assert.Equal(Sites / 2, dispatcher.Sent.Select(n => n.SiteId).Distinct().Count());
        Assert.Equal(Sites / 2, engine.ActiveAlertCount);

        var again = Stopwatch.StartNew();
        engine.Tick();
        again.Stop();
        Assert.Equal(Sites / 2, dispatcher.Sent.Count);
        output.WriteLine($"1,000 sites: quiet tick {quiet.Elapsed.TotalMilliseconds / 10:0.00} ms (with 1,000 heartbeats), " +
            $"tick firing 500 site_offline {firing.Elapsed.TotalMilliseconds:0} ms, next tick {again.Elapsed.TotalMilliseconds:0.00} ms");
    }

    private static List<LinePoint> Poll(string site, DateTimeOffset at)
    {
        var ns = at.ToUnixTimeMilliseconds() * 1_000_000;
        var points = new List<LinePoint>
        {
            new("device", [new("site", site), new("device", "router")], [new("reachable", LineValue.FromInteger(1))], ns),
            new("ups", [new("site", site), new("device", "ups")], [new("on_battery", LineValue.FromInteger(0)), new("battery_percent", LineValue.FromDouble(100))], ns),
        };
        for (var i = 1; i <= 8; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            points.Add(new LinePoint("interface", [new("site", site), new("device", "router"), new("if_index", index), new("if_name", "ge" + index)],
            [
                new("admin_status", LineValue.FromInteger(1)), new("oper_status", LineValue.FromInteger(1)),
                new("in_bps", LineValue.FromDouble(1e6)), new("out_bps", LineValue.FromDouble(2e6)), new("speed_bps", LineValue.FromUInteger(100_000_000)),
                new("in_errors", LineValue.FromUInteger(0)), new("out_errors", LineValue.FromUInteger(0)),
            ], ns));
        }

        return points;
    }
}
