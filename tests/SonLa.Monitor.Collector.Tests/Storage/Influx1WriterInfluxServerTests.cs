using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.Storage;

/// <summary>Influx1Writer against a real influxd 1.6.7 (and a recording server for Retry-After/auth).</summary>
public sealed class Influx1WriterInfluxServerTests : IAsyncLifetime
{
    private InfluxServer _influx = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync() => _influx = await InfluxServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _influx.DisposeAsync();
    }

    private Influx1Writer Writer(string? url = null, string database = "sonla_monitor") =>
        new(_http, new InfluxOptions { Url = url ?? _influx.Url, Database = database });

    private static LinePoint Point(string measurement, string field, LineValue value, long time, string tag = "a") =>
        new(measurement, [new("site", tag)], [new(field, value)], time);

    [Fact]
    public async Task Write_StoresEveryTypeExactly_VietnameseAndNewlinesRoundTrip()
    {
        await Writer().WriteAsync(
        [
            new LinePoint("types", [new("site", "s"), new("if_name", "Cổng quang, \"số 1\"")],
            [
                new("d", LineValue.FromDouble(1e20)),
                new("i", LineValue.FromInteger(-42)),
                new("u", LineValue.FromUInteger(ulong.MaxValue)),
                new("s", LineValue.FromString("dòng 1\ndòng \"2\" \\ cuối")),
                new("b", LineValue.FromBoolean(true)),
            ], 1_768_465_800_123_456_789),
        ], CancellationToken.None);

        var row = Assert.Single(await _influx.QueryRowsAsync("SELECT * FROM types"));
        Assert.Equal(1_768_465_800_123_456_789, row["time"].GetInt64());
        Assert.Equal("Cổng quang, \"số 1\"", row["if_name"].GetString());
        Assert.Equal(1e20, row["d"].GetDouble());
        Assert.Equal(-42, row["i"].GetInt64());
        Assert.Equal(ulong.MaxValue, unchecked((ulong)row["u"].GetInt64()));
        Assert.Equal("dòng 1\ndòng \"2\" \\ cuối", row["s"].GetString());
        Assert.True(row["b"].GetBoolean());
    }

    [Fact]
    public async Task FieldTypeConflict_IsAPartialWrite_GoodPointsStored()
    {
        await Writer().WriteAsync([Point("conflict", "v", LineValue.FromInteger(1), 1)], CancellationToken.None);

        var ex = await Assert.ThrowsAsync<StorageRejectedException>(() => Writer().WriteAsync(
            [Point("conflict", "v", LineValue.FromDouble(2.5), 2), Point("conflict", "v", LineValue.FromInteger(3), 3)],
            CancellationToken.None));

        Assert.True(ex.PartialWrite);
        Assert.Equal(1, ex.DroppedPoints);
        Assert.Equal(2, (await _influx.QueryRowsAsync("SELECT v FROM conflict")).Count);
    }

    [Fact]
    public async Task MissingDatabase_IsUnavailable_NotRejected()
    {
        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Writer(database: "no_such_db").WriteAsync([Point("m", "v", LineValue.FromInteger(1), 1)], CancellationToken.None));

        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("database not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_SucceedsOnlyWhenTheDatabaseTakesWrites()
    {
        await Writer().ProbeAsync(CancellationToken.None);

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => Writer(database: "no_such_db").ProbeAsync(CancellationToken.None));
        Assert.Contains("database not found", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _influx.QueryRowsAsync("SHOW MEASUREMENTS"));
    }

    [Fact]
    public async Task NothingListening_IsUnavailable()
    {
        var url = $"http://127.0.0.1:{FreePort.Tcp()}";

        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Writer(url).WriteAsync([Point("m", "v", LineValue.FromInteger(1), 1)], CancellationToken.None));
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_CarriesTheWait_AndBasicAuthIsSent()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Status = 429;
        server.ResponseHeaders["Retry-After"] = "12";
        var writer = new Influx1Writer(_http, new InfluxOptions
        {
            Url = server.Url, Database = "db x", Username = "writer", Password = new Secret("pa:ss"),
        });

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            writer.WriteAsync([Point("m", "v", LineValue.FromInteger(1), 5)], CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(12), ex.RetryAfter);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/write", request.Path);
        Assert.Equal("db x", request.Query["db"]);
        Assert.Equal("ns", request.Query["precision"]);
        Assert.Equal("Basic " + Convert.ToBase64String("writer:pa:ss"u8.ToArray()), request.Headers["Authorization"]);
        Assert.Equal("m,site=a v=1i 5", request.Body);
        Assert.DoesNotContain("pa:ss", writer.Target, StringComparison.Ordinal);
    }
}
