using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Storage;

/// <summary>
/// Contract tests: no real InfluxDB 2.x or 3.x exists on this machine (Debian ships 1.6.7, which
/// answers /api/v2/write with 404), so Influx2Writer is checked against a recording HTTP server for
/// the exact request the InfluxDB v2 write API expects, and for how it reads the answers.
/// </summary>
public sealed class Influx2WriterContractTests : IAsyncLifetime
{
    private RecordingHttpServer _server = null!;
    private Influx2Writer _writer = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingHttpServer.StartAsync();
        _writer = new Influx2Writer(new InfluxOptions
        {
            Url = _server.Url,
            Version = "2",
            Org = "so-tt-tt",
            Bucket = "sonla_monitor",
            Token = new Secret("v2-token-abc=="),
            TimeoutSeconds = 5,
        });
    }

    public async Task DisposeAsync()
    {
        _writer.Dispose();
        await _server.DisposeAsync();
    }

    private static LinePoint Point(string ifName, long time) => new("interface",
        [new("site", "chieng-coi"), new("if_name", ifName)],
        [new("in_octets", LineValue.FromUInteger(ulong.MaxValue)), new("in_bps", LineValue.FromDouble(12.5))],
        time);

    [Fact]
    public async Task Write_PostsLineProtocolToApiV2Write_WithOrgBucketPrecisionAndToken()
    {
        await _writer.WriteAsync([Point("Cổng quang", 1_768_465_800_123_456_789), Point("wan 2", 1_768_465_800_123_456_790)], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v2/write", request.Path);
        Assert.Equal("so-tt-tt", request.Query["org"]);
        Assert.Equal("sonla_monitor", request.Query["bucket"]);
        Assert.Equal("ns", request.Query["precision"]);
        Assert.Equal("Token v2-token-abc==", request.Headers["Authorization"]);
        Assert.Equal(
            "interface,if_name=Cổng\\ quang,site=chieng-coi in_bps=12.5,in_octets=-1i 1768465800123456789\n" +
            "interface,if_name=wan\\ 2,site=chieng-coi in_bps=12.5,in_octets=-1i 1768465800123456790",
            request.Body);
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfter_IsUnavailableAndCarriesTheWait()
    {
        _server.Status = 503;
        _server.ResponseHeaders["Retry-After"] = "7";
        _server.ResponseBody = "{\"code\":\"unavailable\",\"message\":\"busy\"}";

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            _writer.WriteAsync([Point("eth0", 1)], CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("v2-token-abc", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequest_IsRejectedForGood()
    {
        _server.Status = 400;
        _server.ResponseBody = "{\"code\":\"invalid\",\"message\":\"partial write: field type conflict\"}";

        var ex = await Assert.ThrowsAsync<StorageRejectedException>(() =>
            _writer.WriteAsync([Point("eth0", 1)], CancellationToken.None));

        Assert.True(ex.PartialWrite);
    }

    [Fact]
    public async Task Unauthorized_IsUnavailable_SoAgentsKeepTheirData()
    {
        _server.Status = 401;
        _server.ResponseBody = "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}";

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _writer.WriteAsync([Point("eth0", 1)], CancellationToken.None));
    }

    [Fact]
    public async Task NothingListening_IsUnavailable()
    {
        var port = SonLa.Monitor.Testing.FreePort.Tcp();
        using var writer = new Influx2Writer(new InfluxOptions
        {
            Url = $"http://127.0.0.1:{port}", Version = "2", Org = "o", Bucket = "b", Token = new Secret("t"), TimeoutSeconds = 5,
        });

        await Assert.ThrowsAsync<StorageUnavailableException>(() => writer.WriteAsync([Point("eth0", 1)], CancellationToken.None));
    }
}
