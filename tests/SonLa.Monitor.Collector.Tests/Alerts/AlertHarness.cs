using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>
/// An <see cref="AlertEvaluator"/> on a temporary state database, a <see cref="FakeTimeProvider"/> and a recording
/// dispatcher, with builders for the points agents send. <see cref="Restart"/> makes a new evaluator on the same file.
/// </summary>
internal sealed class AlertHarness : IDisposable
{
    public const string Site = "chieng-coi";
    public const string SiteName = "Xã Chiềng Cơi";

    private readonly TempDirectory _directory = new();
    private ulong _sequence;

    public AlertHarness(AlertingOptions? options = null)
    {
        Options = options ?? new AlertingOptions();
        Database = new StateDatabase(_directory.File("state.db"));
        Restart();
    }

    // 2026-11-27 07:30 UTC = 14:30 in Vietnam.
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 7, 30, 0, TimeSpan.Zero));

    public AlertingOptions Options { get; }

    public StateDatabase Database { get; }

    public AlertStore Store { get; private set; } = null!;

    public RecordingDispatcher Dispatcher { get; private set; } = new();

    public AlertEvaluator Engine { get; private set; } = null!;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>A new evaluator (and dispatcher) on the same state file, as after a collector restart.</summary>
    public void Restart(RecordingDispatcher? dispatcher = null)
    {
        Dispatcher = dispatcher ?? new RecordingDispatcher();
        Connected = false;
        Store = new AlertStore(Database);
        Engine = new AlertEvaluator(Options, 30, Store, Dispatcher, null,
            [new SiteOptions { Id = Site, Name = SiteName, District = "Thuận Châu" }], Time, agents: [Site, "never-seen"]);
    }

    /// <summary>Whether the connected agent sends heartbeats while time advances (off: the stream stays open but silent).</summary>
    public bool Heartbeats { get; set; } = true;

    public bool Connected { get; private set; }

    /// <summary>Moves time in steps of at most 15 s, with a heartbeat (when connected) and an evaluation tick each.</summary>
    public void Advance(TimeSpan by)
    {
        var left = by;
        while (left > TimeSpan.Zero)
        {
            var step = left < TimeSpan.FromSeconds(15) ? left : TimeSpan.FromSeconds(15);
            Time.Advance(step);
            left -= step;
            if (Connected && Heartbeats)
            {
                Engine.Activity(Site, Now);
            }

            Engine.Tick();
        }
    }

    public void Disconnect()
    {
        Connected = false;
        Engine.Disconnected(Site, Now);
    }

    public void Connect(params (string Name, string Role)[] devices)
    {
        var hello = new Hello { SiteId = Site, SiteName = SiteName, BootId = "boot-1" };
        foreach (var (name, role) in devices)
        {
            hello.Devices.Add(new DeviceInfo { Name = name, Role = role });
        }

        Connected = true;
        Engine.Connected(Site, hello, Now);
    }

    public void Send(params LinePoint[] points) => Send(false, points);

    public void Backfill(params LinePoint[] points) => Send(true, points);

    private void Send(bool backfill, LinePoint[] points) =>
        Engine.Apply(new IngestedBatch(Site, "boot-1", ++_sequence, [], backfill, points, Now));

    public IReadOnlyList<AlertRecord> Active() => Store.List(new AlertQuery { ActiveOnly = true });

    public IReadOnlyList<AlertRecord> All() => Store.List(new AlertQuery { ActiveOnly = false });

    public LinePoint Interface(string device, int ifIndex, string ifName, int admin = 1, int oper = 1, DateTimeOffset? at = null,
        double? inBps = null, double? outBps = null, ulong? speed = null, ulong? inErrors = null, bool counterReset = false)
    {
        var fields = new List<KeyValuePair<string, LineValue>>
        {
            new("admin_status", LineValue.FromInteger(admin)),
            new("oper_status", LineValue.FromInteger(oper)),
        };
        if (inBps is { } i)
        {
            fields.Add(new("in_bps", LineValue.FromDouble(i)));
        }

        if (outBps is { } o)
        {
            fields.Add(new("out_bps", LineValue.FromDouble(o)));
        }

        if (speed is { } s)
        {
            fields.Add(new("speed_bps", LineValue.FromUInteger(s)));
        }

        if (inErrors is { } e)
        {
            fields.Add(new("in_errors", LineValue.FromUInteger(e)));
            fields.Add(new("out_errors", LineValue.FromUInteger(0)));
        }

        if (counterReset)
        {
            fields.Add(new("counter_reset", LineValue.FromInteger(1)));
        }

        return Point("interface", at, [("device", device), ("if_index", ifIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("if_name", ifName)], fields);
    }

    public LinePoint Device(string device, bool reachable, DateTimeOffset? at = null) =>
        Point("device", at, [("device", device)], [new("reachable", LineValue.FromInteger(reachable ? 1 : 0))]);

    public LinePoint Ups(string device, bool onBattery, double percent = 100, double runtime = 60, DateTimeOffset? at = null) =>
        Point("ups", at, [("device", device)],
        [
            new("on_battery", LineValue.FromInteger(onBattery ? 1 : 0)),
            new("battery_percent", LineValue.FromDouble(percent)),
            new("runtime_min", LineValue.FromDouble(runtime)),
        ]);

    public LinePoint SelfCheck(string check, int status, DateTimeOffset? at = null) =>
        Point("selfcheck", at, [("check", check)], [new("status", LineValue.FromInteger(status)), new("message", LineValue.FromString("x"))]);

    public LinePoint Agent(long clockOffsetMs, DateTimeOffset? at = null) =>
        Point("agent", at, [], [new("clock_offset_ms", LineValue.FromInteger(clockOffsetMs))]);

    public LinePoint Event(string kind, string device, int? ifIndex = null, DateTimeOffset? at = null)
    {
        var tags = new List<(string, string)> { ("device", device), ("kind", kind) };
        if (ifIndex is { } index)
        {
            tags.Add(("if_index", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Point("event", at, tags, [new("message", LineValue.FromString(kind))]);
    }

    private LinePoint Point(string measurement, DateTimeOffset? at, IEnumerable<(string Key, string Value)> tags,
        IEnumerable<KeyValuePair<string, LineValue>> fields) =>
        new(measurement, tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).Append(new("site", Site)), fields,
            (at ?? Now).ToUnixTimeMilliseconds() * 1_000_000);

    public void Dispose() => _directory.Dispose();
}
