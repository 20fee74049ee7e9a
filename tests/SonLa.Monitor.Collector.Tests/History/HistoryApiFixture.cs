using SonLa.Monitor.Collector.Tests.Auth;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>
/// A real influxd with data around the real "now" and the real collector reading it, plus a viewer and a site user of
/// chieng-coi. Data sits minutes inside the windows, so answers do not depend on when in a step the test runs.
/// </summary>
public sealed class HistoryApiFixture : IAsyncLifetime
{
    public const string Site = ApiHost.SiteId;
    public const string Other = ApiHost.OtherSiteId;

    /// <summary>A device name that tries to leave its string literal (stored as is in InfluxDB: it must be found exactly).</summary>
    public const string HostileDevice = "router' OR \"site\" = 'muong-bu";

    internal InfluxServer Influx { get; private set; } = null!;

    internal ApiHost Host { get; private set; } = null!;

    internal ApiSession Admin { get; private set; } = null!;

    internal ApiSession Viewer { get; private set; } = null!;

    internal ApiSession SiteUser { get; private set; } = null!;

    /// <summary>The 30 s step 10 minutes ago that holds two samples (mean 200 bit/s in).</summary>
    public DateTimeOffset Step { get; private set; }

    public DateTimeOffset Start { get; } = DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        Influx = await InfluxServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var step = now.AddMinutes(-10);
        Step = new DateTimeOffset(step.UtcTicks - (step.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        await LineWriter.WriteAsync(Influx.Url,
        [
            LineWriter.Interface(Site, "router", "2", Step.AddSeconds(5), 100, 10),
            LineWriter.Interface(Site, "router", "2", Step.AddSeconds(20), 300, 30),
            LineWriter.Interface(Site, "router", "2", Step.AddSeconds(60), 2_500_000, 1_000_000),
            LineWriter.Interface(Other, "router", "2", Step.AddSeconds(5), 99999, 99999),
            LineWriter.Interface(Site, HostileDevice, "2", Step.AddSeconds(5), 4242, 4242),
            LineWriter.Device(Site, "router", Step.AddSeconds(1), 3),
            LineWriter.Device(Site, "ups <b>&</b>", Step.AddSeconds(1), 7),
            LineWriter.Ping(Site, "8.8.8.8", Step.AddSeconds(1), 41.5),
            LineWriter.Device(Other, "router", Step.AddSeconds(1), 999),
            LineWriter.Event(Site, "router", "link_down", now.AddMinutes(-30), "ge-0/0/1 mất kết nối"),
            LineWriter.Event(Site, "router", "link_up", now.AddMinutes(-20), "ge-0/0/1 up"),
            LineWriter.Event(Site, "ups", "power_lost", now.AddMinutes(-10), "Mất điện lưới"),
            LineWriter.Event(Other, "router", "link_down", now.AddMinutes(-5), "wan down"),
            LineWriter.Event(Site, "router", "reboot", now.AddDays(-8), "older than the default 7 days"),
        ]);
        Host = await ApiHost.StartAsync(null, "--Influx:Url=" + Influx.Url);
        Admin = await Host.AdminAsync();
        Viewer = await Host.UserAsync("noc", "viewer");
        SiteUser = await Host.UserAsync("chieng-coi-staff", "site", Site);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Viewer.Dispose();
        SiteUser.Dispose();
        await Host.DisposeAsync();
        await Influx.DisposeAsync();
    }
}
