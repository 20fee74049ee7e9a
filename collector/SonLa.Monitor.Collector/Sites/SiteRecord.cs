using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// Everything the dashboard knows of one site, in memory. Stream threads write it (presence, stored batches) while
/// API requests read it: every access holds the record's own lock, briefly, so sites never wait on each other.
/// </summary>
internal sealed partial class SiteRecord
{
    public const int MaxEvents = 20;

    private readonly object _gate = new();
    private readonly string? _inventoryName;
    private readonly List<DeviceRecord> _devices = [];
    private readonly List<SelfCheckItemRecord> _checks = [];
    private readonly List<SiteEventRecord> _events = [];
    private int _streams;
    private DateTimeOffset? _connectedSince;
    private DateTimeOffset? _lastSeen;
    private DateTimeOffset _lastActivity;
    private string? _helloName;
    private string? _version;
    private string? _bootId;
    private double? _clockOffsetMs;
    private long _clockNs;
    private long _selfcheckNs;

    public SiteRecord(string id, string? inventoryName, string? district, bool inInventory, DateTimeOffset? lastSeen)
    {
        Id = id;
        _inventoryName = string.IsNullOrWhiteSpace(inventoryName) ? null : inventoryName;
        District = string.IsNullOrWhiteSpace(district) ? null : district;
        InInventory = inInventory;
        _lastSeen = lastSeen;
        PersistedLastSeen = lastSeen;
        SortKey = MakeSortKey();
    }

    public string Id { get; }

    public string? District { get; }

    public bool InInventory { get; }

    /// <summary>The inventory's name, else the one the agent's Hello gave, else the id.</summary>
    public string Name
    {
        get
        {
            lock (_gate)
            {
                return _inventoryName ?? _helloName ?? Id;
            }
        }
    }

    /// <summary>District, then name, in Vietnamese order; sites without a district last.</summary>
    public string SortKey { get; private set; }

    /// <summary>In /api/sites: an inventory site, or any site whose agent has ever connected.</summary>
    public bool Listed
    {
        get
        {
            lock (_gate)
            {
                return InInventory || _lastSeen is not null;
            }
        }
    }

    /// <summary>Last value written to site_last_seen (touched by the board's loop only).</summary>
    public DateTimeOffset? PersistedLastSeen { get; set; }

    /// <summary>When it was written (touched by the board's loop only).</summary>
    public DateTimeOffset PersistedAt { get; set; }

    /// <summary>The live key announced last (touched by the board's loop only); null before the first announcement.</summary>
    public SiteLiveKey? PublishedKey { get; set; }

    public DateTimeOffset? LastSeen
    {
        get
        {
            lock (_gate)
            {
                return _lastSeen;
            }
        }
    }

    /// <returns>True when the site's name changed (its place in the sorted list may have moved).</returns>
    public bool Connected(Hello hello, DateTimeOffset at)
    {
        lock (_gate)
        {
            _streams++;
            if (_streams == 1 || _connectedSince is null)
            {
                _connectedSince = at;
            }

            Seen(at);
            _version = string.IsNullOrEmpty(hello.AgentVersion) ? _version : hello.AgentVersion;
            _bootId = string.IsNullOrEmpty(hello.BootId) ? _bootId : hello.BootId;
            LearnDevices(hello.Devices);
            var name = string.IsNullOrWhiteSpace(hello.SiteName) ? _helloName : hello.SiteName.Trim();
            if (string.Equals(name, _helloName, StringComparison.Ordinal))
            {
                return false;
            }

            _helloName = name;
            SortKey = MakeSortKey();
            return _inventoryName is null;
        }
    }

    public void Activity(DateTimeOffset at)
    {
        lock (_gate)
        {
            Seen(at);
        }
    }

    public void Disconnected(DateTimeOffset at)
    {
        lock (_gate)
        {
            _streams = Math.Max(0, _streams - 1);
            if (_streams == 0)
            {
                _connectedSince = null;
            }

            Seen(at);
        }
    }

    public SiteLiveKey LiveKey(DateTimeOffset now, TimeSpan silence, SiteAlertCounts alerts)
    {
        lock (_gate)
        {
            var (status, connected, uplink) = State(now, silence, alerts);
            return new SiteLiveKey(status, connected, alerts.Open, uplink);
        }
    }

    public SiteSummary Summary(DateTimeOffset now, TimeSpan silence, SiteAlertCounts alerts)
    {
        lock (_gate)
        {
            var (status, connected, uplink) = State(now, silence, alerts);
            return new SiteSummary(Id, _inventoryName ?? _helloName ?? Id, District, status, connected, _lastSeen, alerts.Open, uplink);
        }
    }

    private void Seen(DateTimeOffset at)
    {
        if (_lastSeen is not { } seen || at > seen)
        {
            _lastSeen = at;
        }

        if (at > _lastActivity)
        {
            _lastActivity = at;
        }
    }

    /// <summary>docs/api.md "status": down, degraded, ok, unknown; connected; uplink.</summary>
    private (string Status, bool Connected, string Uplink) State(DateTimeOffset now, TimeSpan silence, SiteAlertCounts alerts)
    {
        // An open stream that has said nothing for 3 heartbeats is a dead link nobody has noticed yet (NAT, 4G).
        var connected = _streams > 0 && now - _lastActivity <= silence;
        // What the devices said while the agent was there is stale once it is gone.
        var uplink = connected ? UplinkState() : SiteStatus.UplinkUnknown;
        string status;
        if (!connected && _lastSeen is null)
        {
            status = SiteStatus.Unknown;
        }
        else if (!connected || alerts.SiteOffline)
        {
            status = SiteStatus.Down;
        }
        else if (alerts.Open > 0 || uplink == SiteStatus.UplinkDown || AnyUnreachable() || SelfCheckFailed())
        {
            status = SiteStatus.Degraded;
        }
        else
        {
            status = SiteStatus.Ok;
        }

        return (status, connected, uplink);
    }

    private string UplinkState()
    {
        var device = UplinkDevice();
        if (device is null)
        {
            return SiteStatus.UplinkUnknown;
        }

        if (device.Reachable == false)
        {
            return SiteStatus.UplinkDown;
        }

        var known = device.Reachable == true;
        foreach (var port in device.Interfaces.Values)
        {
            if (port.IsBroken)
            {
                return SiteStatus.UplinkDown;
            }

            known |= port.OperStatus is not null;
        }

        return known ? SiteStatus.UplinkUp : SiteStatus.UplinkUnknown;
    }

    /// <summary>The device of role uplink, else the first named like "router".</summary>
    private DeviceRecord? UplinkDevice()
    {
        DeviceRecord? router = null;
        foreach (var device in _devices)
        {
            if (device.IsUplinkRole)
            {
                return device;
            }

            if (router is null && device.Name.Contains("router", StringComparison.OrdinalIgnoreCase))
            {
                router = device;
            }
        }

        return router;
    }

    private bool AnyUnreachable()
    {
        foreach (var device in _devices)
        {
            if (device.Reachable == false)
            {
                return true;
            }
        }

        return false;
    }

    private bool SelfCheckFailed()
    {
        foreach (var check in _checks)
        {
            if (check.Status >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private void LearnDevices(IEnumerable<DeviceInfo> devices)
    {
        var listed = devices.Where(d => !string.IsNullOrEmpty(d.Name)).ToList();
        if (listed.Count == 0)
        {
            return;
        }

        // The agent's configuration is the truth: its order, its roles; a device it no longer polls goes.
        var ordered = new List<DeviceRecord>(listed.Count);
        foreach (var info in listed)
        {
            var device = FindDevice(info.Name) ?? new DeviceRecord(info.Name);
            device.Role = string.IsNullOrEmpty(info.Role) ? null : info.Role;
            if (!ordered.Contains(device))
            {
                ordered.Add(device);
            }
        }

        _devices.Clear();
        _devices.AddRange(ordered);
    }

    private DeviceRecord? FindDevice(string name)
    {
        foreach (var device in _devices)
        {
            if (string.Equals(device.Name, name, StringComparison.Ordinal))
            {
                return device;
            }
        }

        return null;
    }

    private DeviceRecord Device(string name)
    {
        var device = FindDevice(name);
        if (device is null)
        {
            device = new DeviceRecord(name);
            _devices.Add(device);
        }

        return device;
    }

    private string MakeSortKey() =>
        (District is null ? "\uFFFF" : VietnameseCollation.SortKey(District)) + "\u0001"
        + VietnameseCollation.SortKey(_inventoryName ?? _helloName ?? Id) + "\u0001" + Id;
}
