using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// A province of emulated agents for the sites bench: an inventory of sites with Vietnamese names (about ten a
/// district), and one open agent stream per site over gRPC (h2c), each having said Hello (three devices) and sent one
/// poll's batch. A few sites in every 33 play a part: never connected (unknown), gone after their first batch (down),
/// a device unreachable or the uplink's fibre port down (degraded); the rest are ok. Streams stay open until disposed.
/// </summary>
internal sealed class BenchSiteFleet : IAsyncDisposable
{
    // Kestrel allows 100 streams per HTTP/2 connection; each channel (its own connection) carries fewer than that.
    private const int StreamsPerChannel = 90;
    private const int ConnectParallelism = 48;
    private const string TokenPrefix = "sites-bench-agent-token-";

    private static readonly string[] Districts =
    [
        "Thành phố Sơn La", "Quỳnh Nhai", "Thuận Châu", "Mường La", "Bắc Yên", "Phù Yên",
        "Mộc Châu", "Yên Châu", "Mai Sơn", "Sông Mã", "Sốp Cộp", "Vân Hồ",
    ];

    private static readonly string[] First =
    [
        "Chiềng", "Mường", "Nà", "Púng", "Huổi", "Phiêng", "Tà", "Sập", "Long", "Co", "Nậm", "Pá",
        "Tân", "Hua", "Chiềng Khương", "Bó", "Liệp", "Quang", "Tường", "Đông", "Suối", "Lóng", "Tú", "Ngọc",
    ];

    private static readonly string[] Second =
    [
        "Cơi", "Lề", "Bôm", "Sại", "Khoa", "Mùn", "Pằn", "Ẳng", "Ơn", "Lầu", "Xôm", "Đen", "Ngần", "Hặc",
        "Sơn", "Lập", "Hưng", "Tè", "Phong", "Mạ", "Xuân", "Thượng", "Lương", "Chiến",
    ];

    private readonly List<GrpcChannel> _channels = [];
    private readonly ConcurrentBag<AsyncDuplexStreamingCall<AgentMessage, CollectorMessage>> _calls = [];
    private readonly CancellationTokenSource _stop = new();
    private int _endedEarly;

    private BenchSiteFleet(IReadOnlyList<BenchSite> sites) => Sites = sites;

    public IReadOnlyList<BenchSite> Sites { get; }

    /// <summary>Streams the collector ended while they should have stayed open (should be 0).</summary>
    public int EndedEarly => Volatile.Read(ref _endedEarly);

    public static BenchSiteFleet Create(int count) =>
        new(Enumerable.Range(0, count).Select(i =>
        {
            var prefix = (i % 17) switch { 0 => "Phường", 1 => "Thị trấn", _ => "Xã" };
            var name = $"{prefix} {First[i % First.Length]} {Second[i / First.Length % Second.Length]}";
            // About ten sites a district: the UI groups by district, so a province this size has hundreds of groups.
            var district = $"{Districts[i / 10 % Districts.Length]} {i / 10 / Districts.Length + 1}";
            var part = (i % 33) switch
            {
                0 => BenchSitePart.NeverConnected,
                1 => BenchSitePart.Disconnected,
                2 => BenchSitePart.DeviceUnreachable,
                3 => BenchSitePart.UplinkDown,
                _ => BenchSitePart.Ok,
            };
            return new BenchSite($"bench-{i:0000}", name, district, TokenPrefix + i.ToString("0000", CultureInfo.InvariantCulture), part);
        }).ToList());

    /// <summary>The collector's command-line configuration for this inventory and its agents' tokens.</summary>
    public IEnumerable<string> CollectorArgs()
    {
        for (var i = 0; i < Sites.Count; i++)
        {
            var site = Sites[i];
            yield return $"--Agents:{i}:SiteId={site.Id}";
            yield return $"--Agents:{i}:Token={site.Token}";
            yield return $"--Sites:{i}:Id={site.Id}";
            yield return $"--Sites:{i}:Name={site.Name}";
            yield return $"--Sites:{i}:District={site.District}";
        }
    }

    /// <summary>Opens every site's stream (Hello, Welcome, one batch, its Ack); returns when all are done.</summary>
    public async Task ConnectAsync(Uri grpc)
    {
        var live = Sites.Where(s => s.Part != BenchSitePart.NeverConnected).ToList();
        var channelOf = new Dictionary<string, GrpcChannel>();
        foreach (var chunk in live.Chunk(StreamsPerChannel))
        {
            var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            });
            _channels.Add(channel);
            foreach (var site in chunk)
            {
                channelOf[site.Id] = channel;
            }
        }

        await Parallel.ForEachAsync(live, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism },
            async (site, ct) => await OpenAsync(new AgentGateway.AgentGatewayClient(channelOf[site.Id]), site, ct));
    }

    private async Task OpenAsync(AgentGateway.AgentGatewayClient client, BenchSite site, CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "authorization", "Bearer " + site.Token } };
        var call = client.Connect(headers, cancellationToken: _stop.Token);
        var hello = new Hello
        {
            SiteId = site.Id,
            SiteName = site.Name,
            AgentVersion = "bench",
            BootId = "boot-" + site.Id,
            AgentTimeUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        hello.Devices.Add(new DeviceInfo { Name = "router", Role = "uplink", Host = "192.0.2.1" });
        hello.Devices.Add(new DeviceInfo { Name = "switch", Role = "switch", Host = "192.0.2.2" });
        hello.Devices.Add(new DeviceInfo { Name = "ups", Role = "ups", Host = "192.0.2.3" });
        await call.RequestStream.WriteAsync(new AgentMessage { Hello = hello }, cancellationToken);
        await ExpectAsync(call, CollectorMessage.KindOneofCase.Welcome, site, cancellationToken);
        await call.RequestStream.WriteAsync(new AgentMessage { Batch = Batch(site) }, cancellationToken);
        await ExpectAsync(call, CollectorMessage.KindOneofCase.Ack, site, cancellationToken);
        if (site.Part == BenchSitePart.Disconnected)
        {
            // The agent says goodbye the way a stopped agent does: it ends its side and the call goes.
            await call.RequestStream.CompleteAsync();
            call.Dispose();
            return;
        }

        _calls.Add(call);
        _ = WatchAsync(call);
    }

    private static async Task ExpectAsync(AsyncDuplexStreamingCall<AgentMessage, CollectorMessage> call, CollectorMessage.KindOneofCase kind,
        BenchSite site, CancellationToken cancellationToken)
    {
        if (!await call.ResponseStream.MoveNext(cancellationToken) || call.ResponseStream.Current.KindCase != kind)
        {
            throw new InvalidOperationException($"{site.Id}: expected {kind}, got {(call.ResponseStream.Current?.ToString() ?? "the end of the stream")}");
        }
    }

    // Reads what the collector may still send; a stream that ends before the bench does is counted.
    private async Task WatchAsync(AsyncDuplexStreamingCall<AgentMessage, CollectorMessage> call)
    {
        try
        {
            while (await call.ResponseStream.MoveNext(_stop.Token))
            {
            }
        }
        catch (RpcException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (RpcException)
        {
            // Counted below.
        }

        if (!_stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref _endedEarly);
        }
    }

    /// <summary>One poll of the site: three devices, the router's WAN and LAN ports, the switch's uplink, the UPS.</summary>
    private static SampleBatch Batch(BenchSite site)
    {
        var ns = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var batch = new SampleBatch { BootId = "boot-" + site.Id, Sequence = 1 };
        foreach (var device in new[] { "router", "switch", "ups" })
        {
            var reachable = !(device == "ups" && site.Part == BenchSitePart.DeviceUnreachable);
            var point = Point("device", ns, ("device", device));
            point.Fields["reachable"] = new FieldValue { IntValue = reachable ? 1 : 0 };
            if (reachable)
            {
                point.Fields["response_ms"] = new FieldValue { DoubleValue = 3.5 };
                point.Fields["uptime_s"] = new FieldValue { IntValue = 864_000 };
            }

            batch.Points.Add(point);
        }

        var wanDown = site.Part == BenchSitePart.UplinkDown;
        batch.Points.Add(Interface(ns, "router", "1", "wan0", wanDown ? 2 : 1, wanDown ? 0 : 42_000_000, wanDown ? 0 : 9_000_000, 100_000_000));
        batch.Points.Add(Interface(ns, "router", "2", "lan0", 1, 7_000_000, 38_000_000, 1_000_000_000));
        batch.Points.Add(Interface(ns, "switch", "1", "gi1", 1, 38_000_000, 7_000_000, 1_000_000_000));
        if (site.Part != BenchSitePart.DeviceUnreachable)
        {
            var ups = Point("ups", ns, ("device", "ups"));
            ups.Fields["on_battery"] = new FieldValue { IntValue = 0 };
            ups.Fields["battery_percent"] = new FieldValue { DoubleValue = 100 };
            ups.Fields["runtime_min"] = new FieldValue { DoubleValue = 45 };
            ups.Fields["output_load_percent"] = new FieldValue { DoubleValue = 31 };
            batch.Points.Add(ups);
        }

        return batch;
    }

    private static Point Interface(long ns, string device, string index, string name, long oper, double inBps, double outBps, long speed)
    {
        var point = Point("interface", ns, ("device", device), ("if_index", index), ("if_name", name));
        point.Fields["admin_status"] = new FieldValue { IntValue = 1 };
        point.Fields["oper_status"] = new FieldValue { IntValue = oper };
        point.Fields["in_bps"] = new FieldValue { DoubleValue = inBps };
        point.Fields["out_bps"] = new FieldValue { DoubleValue = outBps };
        point.Fields["speed_bps"] = new FieldValue { IntValue = speed };
        point.Fields["in_errors"] = new FieldValue { IntValue = 0 };
        point.Fields["out_errors"] = new FieldValue { IntValue = 0 };
        return point;
    }

    private static Point Point(string measurement, long ns, params (string Key, string Value)[] tags)
    {
        var point = new Point { Measurement = measurement, TimeUnixNs = ns };
        foreach (var (key, value) in tags)
        {
            point.Tags[key] = value;
        }

        return point;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var call in _calls)
        {
            call.Dispose();
        }

        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _stop.Dispose();
    }
}
