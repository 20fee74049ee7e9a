namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// A client's view of one endpoint's SNMPv3 engine (RFC 3414 2.3: snmpEngineBoots, snmpEngineTime,
/// latestReceivedEngineTime), updated from every authenticated message and re-discovered when stale.
/// </summary>
internal sealed class EngineState(byte[] engineId, int boots, int time, long timestamp)
{
    private readonly Lock _lock = new();
    private int _boots = boots;
    private int _latestReceivedTime = time;
    private long _timestamp = timestamp;

    public byte[] EngineId { get; } = engineId;

    /// <summary>Set after a timeout: the next request discovers the engine again.</summary>
    public bool Stale { get; set; }

    /// <summary>Boots and the estimated time now.</summary>
    public (int Boots, int Time) Estimate(TimeProvider time)
    {
        lock (_lock)
        {
            var elapsed = (long)time.GetElapsedTime(_timestamp).TotalSeconds;
            return (_boots, (int)Math.Min(int.MaxValue, _latestReceivedTime + Math.Max(0, elapsed)));
        }
    }

    /// <summary>RFC 3414 3.2 7b: take newer boots, or a later time within the same boots (or any, when forced by a notInTimeWindow report).</summary>
    public void Observe(int boots, int time, long timestamp, bool force)
    {
        lock (_lock)
        {
            if (force || boots > _boots || (boots == _boots && time > _latestReceivedTime))
            {
                _boots = boots;
                _latestReceivedTime = time;
                _timestamp = timestamp;
            }
        }
    }

    public SnmpEngineInfo ToInfo(TimeProvider time)
    {
        var (boots, now) = Estimate(time);
        return new SnmpEngineInfo(EngineId, boots, now);
    }
}
