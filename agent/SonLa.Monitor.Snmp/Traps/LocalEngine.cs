using System.Text;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// Our own SNMP engine as the authoritative side of SNMPv3 informs (RFC 3414 2.2): snmpEngineID,
/// snmpEngineBoots and snmpEngineTime (seconds since this engine started).
/// </summary>
public sealed class LocalEngine
{
    /// <summary>RFC 3414 2.2.3: messages more than this many seconds off our time are not in the window.</summary>
    public const int TimeWindowSeconds = 150;

    // 1 Jan 2020: boots are seconds since then (see Create).
    private static readonly DateTimeOffset BootsEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _time;
    private readonly long _started;

    public LocalEngine(ReadOnlyMemory<byte> engineId, int boots, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (engineId.Length is < 5 or > 32)
        {
            throw new ArgumentException("An snmpEngineID is 5 to 32 octets (RFC 3411).", nameof(engineId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(boots);
        EngineId = engineId;
        Boots = boots;
        _time = time;
        _started = time.GetTimestamp();
    }

    public ReadOnlyMemory<byte> EngineId { get; }

    /// <summary>The clock this engine counts its time with; also used to follow senders' clocks.</summary>
    internal TimeProvider TimeProvider => _time;

    public int Boots { get; }

    public int Time => (int)Math.Min(int.MaxValue, (long)_time.GetElapsedTime(_started).TotalSeconds);

    /// <summary>
    /// An engine for <paramref name="name"/> (e.g. the site id), stable across restarts so senders
    /// configured with it keep working: RFC 3411 text format (enterprise 99999 with the high bit, format 4,
    /// up to 27 octets of the name). Without a place to persist boots, boots are the seconds since 2020
    /// at start: they grow with every restart as RFC 3414 requires.
    /// </summary>
    public static LocalEngine Create(string name, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(time);
        var text = Encoding.UTF8.GetBytes(name.Length == 0 ? "sonla" : name);
        byte[] id = [0x80, 0x01, 0x86, 0x9F, 0x04, .. text.AsSpan(0, Math.Min(text.Length, 27))];
        var boots = (int)Math.Clamp((time.GetUtcNow() - BootsEpoch).TotalSeconds, 1, int.MaxValue - 1);
        return new LocalEngine(id, boots, time);
    }

    public bool InTimeWindow(int boots, int time) =>
        Boots != int.MaxValue && boots == Boots && Math.Abs((long)time - Time) <= TimeWindowSeconds;
}
