using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.History;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>
/// HistoryReader against a real influxd with data at fixed times and a fixed "now" (FakeTimeProvider): the exact steps,
/// the means per step, nulls for gaps, and that another site's or interface's data never shows.
/// </summary>
public sealed class HistoryReaderInfluxServerTests : IAsyncLifetime
{
    private const string Site = "chieng-coi";
    private const string Other = "muong-bu";

    // 14:35:10 Vietnam time. The 1h window ends at the end of the step in progress: 07:35:30 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 7, 35, 10, TimeSpan.Zero);
    private InfluxServer _influx = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var bucket = new DateTimeOffset(2026, 11, 27, 7, 20, 0, TimeSpan.Zero);
        await LineWriter.WriteAsync(_influx.Url,
        [
            // Two samples in the 07:20:00 step (mean 200 / 20), none in 07:20:30, one in 07:21:00.
            LineWriter.Interface(Site, "router", "2", bucket.AddSeconds(5), 100, 10),
            LineWriter.Interface(Site, "router", "2", bucket.AddSeconds(20), 300, 30),
            LineWriter.Interface(Site, "router", "2", bucket.AddSeconds(60), 500, 50),
            // Same device and index at another site, another interface, and before the window: never in the answer.
            LineWriter.Interface(Other, "router", "2", bucket.AddSeconds(5), 99999, 99999),
            LineWriter.Interface(Site, "router", "3", bucket.AddSeconds(5), 77777, 77777),
            LineWriter.Interface(Site, "router", "2", bucket.AddHours(-2), 88888, 88888),
            LineWriter.Device(Site, "router", bucket.AddSeconds(1), 3),
            LineWriter.Device(Site, "router", bucket.AddSeconds(2), 5),
            LineWriter.Device(Site, "ups", bucket.AddSeconds(30), 8),
            LineWriter.Device(Other, "router", bucket.AddSeconds(1), 999),
            LineWriter.Ping(Site, "8.8.8.8", bucket.AddSeconds(90), 41.5),
        ]);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _influx.DisposeAsync();
    }

    private HistoryReader Reader(FakeTimeProvider? time = null) => new(
        new InfluxQueryClient(_http, new InfluxOptions { Url = _influx.Url }),
        time ?? new FakeTimeProvider(Now),
        Options.Create(new AccessOptions()));

    [Fact]
    public async Task Traffic_OneHour_Has120StepsOf30s_MeansPerStep_NullGaps_NoForeignData()
    {
        var answer = await Reader().ReadAsync(new HistoryRequest(Site, "traffic", HistoryRange.Hour, "router", "2"), CancellationToken.None);

        Assert.Equal(30, answer.StepS);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 35, 30, TimeSpan.Zero), answer.To);
        Assert.Equal(answer.To.AddHours(-1), answer.From);
        Assert.Equal(["in_bps", "out_bps"], answer.Series.Select(s => s.Name));
        Assert.All(answer.Series, s => Assert.Equal("bps", s.Unit));
        var inBps = answer.Series[0].Points;
        Assert.Equal(120, inBps.Count);
        Assert.Equal(answer.From.ToUnixTimeMilliseconds(), inBps[0].UnixMs);
        Assert.All(inBps.Zip(inBps.Skip(1)), pair => Assert.Equal(30_000, pair.Second.UnixMs - pair.First.UnixMs));

        var at = inBps.ToDictionary(p => DateTimeOffset.FromUnixTimeMilliseconds(p.UnixMs), p => p.Value);
        var step = new DateTimeOffset(2026, 11, 27, 7, 20, 0, TimeSpan.Zero);
        Assert.Equal(200, at[step]);
        Assert.Null(at[step.AddSeconds(30)]);
        Assert.Equal(500, at[step.AddSeconds(60)]);
        Assert.Equal(2, inBps.Count(p => p.Value is not null));
        var outBps = answer.Series[1].Points.ToDictionary(p => DateTimeOffset.FromUnixTimeMilliseconds(p.UnixMs), p => p.Value);
        Assert.Equal(20, outBps[step]);
        Assert.Null(outBps[step.AddSeconds(30)]);
        Assert.Equal(50, outBps[step.AddSeconds(60)]);
        Assert.DoesNotContain(answer.Series.SelectMany(s => s.Points), p => p.Value > 1000);
    }

    [Fact]
    public async Task Latency_OneSeriesPerDeviceAndPingTarget_OfThisSiteOnly()
    {
        var answer = await Reader().ReadAsync(new HistoryRequest(Site, "latency", HistoryRange.Hour, null, null), CancellationToken.None);

        Assert.Equal(["router", "ups", "ping:8.8.8.8"], answer.Series.Select(s => s.Name));
        Assert.All(answer.Series, s => Assert.Equal("ms", s.Unit));
        Assert.All(answer.Series, s => Assert.Equal(120, s.Points.Count));
        var step = new DateTimeOffset(2026, 11, 27, 7, 20, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(4, answer.Series[0].Points.Single(p => p.UnixMs == step).Value);
        Assert.Equal(8, answer.Series[1].Points.Single(p => p.UnixMs == step + 30_000).Value);
        Assert.Equal(41.5, answer.Series[2].Points.Single(p => p.UnixMs == step + 90_000).Value);
        Assert.DoesNotContain(answer.Series.SelectMany(s => s.Points), p => p.Value > 100);

        var one = await Reader().ReadAsync(new HistoryRequest(Site, "latency", HistoryRange.Hour, "ups", null), CancellationToken.None);
        Assert.Equal(["ups"], one.Series.Select(s => s.Name));
    }

    [Fact]
    public async Task Week_Has336StepsOf30Min_AndDay288Of5Min()
    {
        var week = await Reader().ReadAsync(new HistoryRequest(Site, "traffic", HistoryRange.Week, "router", "2"), CancellationToken.None);
        Assert.Equal(1800, week.StepS);
        Assert.Equal(336, week.Series[0].Points.Count);
        // 07:20:05, 07:20:20 and 07:21:00 share the 07:00 step: (100 + 300 + 500) / 3; the 05:20 sample its own.
        var at = week.Series[0].Points.ToDictionary(p => DateTimeOffset.FromUnixTimeMilliseconds(p.UnixMs), p => p.Value);
        Assert.Equal(300, at[new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero)]);
        Assert.Equal(88888, at[new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero)]);

        var day = await Reader().ReadAsync(new HistoryRequest(Site, "traffic", HistoryRange.Day, "router", "2"), CancellationToken.None);
        Assert.Equal(300, day.StepS);
        Assert.Equal(288, day.Series[0].Points.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 40, 0, TimeSpan.Zero), day.To);
    }

    [Fact]
    public async Task NoData_GivesBothTrafficSeriesAllNull_AndNoLatencySeries()
    {
        var traffic = await Reader().ReadAsync(new HistoryRequest(Site, "traffic", HistoryRange.Hour, "router", "99"), CancellationToken.None);
        Assert.Equal(["in_bps", "out_bps"], traffic.Series.Select(s => s.Name));
        Assert.All(traffic.Series.SelectMany(s => s.Points), p => Assert.Null(p.Value));

        var latency = await Reader().ReadAsync(new HistoryRequest("xa-khac", "latency", HistoryRange.Hour, null, null), CancellationToken.None);
        Assert.Empty(latency.Series);
    }

    [Fact]
    public async Task HostileValues_AreReadByTheRealInfluxDbAsOneLiteral_NoErrorNoForeignData()
    {
        foreach (var device in new[] { "router'\n) OR (\"site\" = 'muong-bu", "router\\", "\\'\n\\'", "r\"; SHOW DATABASES" })
        {
            var traffic = await Reader().ReadAsync(new HistoryRequest(Site, "traffic", HistoryRange.Hour, device, device), CancellationToken.None);
            Assert.All(traffic.Series.SelectMany(s => s.Points), p => Assert.Null(p.Value));
            var latency = await Reader().ReadAsync(new HistoryRequest(device, "latency", HistoryRange.Hour, device, null), CancellationToken.None);
            Assert.Empty(latency.Series);
        }
    }

    [Fact]
    public async Task ManyDevices_AreCappedAtMaxSeries()
    {
        var at = new DateTimeOffset(2026, 11, 27, 7, 20, 0, TimeSpan.Zero);
        await LineWriter.WriteAsync(_influx.Url, Enumerable.Range(0, HistoryReader.MaxSeries + 5)
            .Select(i => LineWriter.Device("xa-nhieu", $"d{i:000}", at, i)));
        var answer = await Reader().ReadAsync(new HistoryRequest("xa-nhieu", "latency", HistoryRange.Hour, null, null), CancellationToken.None);
        Assert.Equal(HistoryReader.MaxSeries, answer.Series.Count);
        Assert.Equal("d000", answer.Series[0].Name);
    }
}
