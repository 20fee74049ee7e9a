using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Clock;

/// <summary>
/// The agent's clock integrity: where NTP is unreachable a commune box's clock is often minutes or years off (a dead
/// RTC battery after a power cut brings it back in 1970). Every session with the collector measures the offset
/// (<see cref="Observe"/>); samples are then stamped with corrected times (<see cref="Correct"/>), but only while
/// that measurement still holds: a jump of our own clock since then (detected against the monotonic clock) voids it
/// until the next exchange. Jumps and corrections become events, so they are visible to province IT.
/// <para>Correction is applied when a sample is written to the outbox, never at send time: a batch resent in a later
/// session keeps exactly the timestamps it had, so InfluxDB overwrites instead of duplicating.</para>
/// </summary>
public sealed class AgentClock
{
    private readonly TimeProvider _time;
    private readonly ClockSettings _settings;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly List<Event> _pendingEvents = [];
    private TimeSpan _wallMinusMonotonic;
    private TimeSpan _correction;
    private bool _verified;
    private TimeSpan? _lastOffset;
    private long _jumps;

    public AgentClock(TimeProvider time, ClockSettings? settings = null, ILogger<AgentClock>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _settings = settings ?? new ClockSettings();
        _logger = logger ?? NullLogger<AgentClock>.Instance;
        _wallMinusMonotonic = WallMinusMonotonic();
    }

    public ClockState State
    {
        get
        {
            lock (_lock)
            {
                DetectJumpLocked();
                return new ClockState(_correction, _verified, _lastOffset, _jumps);
            }
        }
    }

    /// <summary>Takes one exchange with the collector into account. Returns false when it was too slow or spanned a
    /// jump of our clock, and so was ignored.</summary>
    public bool Observe(ClockExchange exchange)
    {
        lock (_lock)
        {
            DetectJumpLocked();
            if (exchange.RoundTrip < TimeSpan.Zero || exchange.RoundTrip > _settings.MaxRoundTrip)
            {
                return false;
            }

            var offset = exchange.Offset;
            _lastOffset = offset;
            // Only an offset that stays beyond the tolerance whatever the exchange's own error is acted on.
            var wanted = offset.Duration() <= _settings.Tolerance + exchange.Uncertainty ? TimeSpan.Zero : Truncate(offset);
            // Hysteresis: a correction in force changes only when the clock has really moved, so consecutive
            // sessions stamp with one figure rather than jittering by the round trip.
            var changed = !_verified || (wanted - _correction).Duration() > _settings.Tolerance
                || (wanted == TimeSpan.Zero) != (_correction == TimeSpan.Zero);
            if (changed)
            {
                var before = _correction;
                _correction = wanted;
                if (wanted != TimeSpan.Zero || before != TimeSpan.Zero)
                {
                    Announce("clock_skew", ClockMessages.Skew(offset, wanted));
                    AgentLog.ClockCorrected(_logger, offset.TotalSeconds, wanted.TotalSeconds);
                }
            }

            _verified = true;
            return true;
        }
    }

    /// <summary>Shifts timestamps of everything about to be written, and hands over clock events not yet written.</summary>
    public IReadOnlyList<Event> Correct(IReadOnlyList<Point> points, IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(events);
        var shift = CurrentShiftNanoseconds();
        if (shift != 0)
        {
            foreach (var point in points)
            {
                point.TimeUnixNs += shift;
            }

            foreach (var item in events)
            {
                item.TimeUnixNs += shift;
            }
        }

        return TakeEvents();
    }

    /// <summary>Clock events (jumps, corrections) not yet handed over; each is handed over once.</summary>
    public IReadOnlyList<Event> TakeEvents()
    {
        lock (_lock)
        {
            DetectJumpLocked();
            if (_pendingEvents.Count == 0)
            {
                return [];
            }

            var taken = _pendingEvents.ToList();
            _pendingEvents.Clear();
            return taken;
        }
    }

    private long CurrentShiftNanoseconds()
    {
        lock (_lock)
        {
            DetectJumpLocked();
            return _verified ? _correction.Ticks * 100 : 0;
        }
    }

    private void DetectJumpLocked()
    {
        var now = WallMinusMonotonic();
        var moved = now - _wallMinusMonotonic;
        _wallMinusMonotonic = now;
        if (moved.Duration() <= _settings.JumpThreshold)
        {
            // NTP slewing or scheduling noise: follow it without a fuss.
            return;
        }

        _jumps++;
        // Whatever we measured was against the old clock: stamp uncorrected (and say so) until the next exchange.
        _verified = false;
        Announce("clock_jump", ClockMessages.Jump(moved));
        AgentLog.ClockJumped(_logger, moved.TotalSeconds, _jumps);
    }

    private void Announce(string kind, string message)
    {
        _pendingEvents.Add(new Event
        {
            Device = "agent",
            Kind = kind,
            Message = message,
            TimeUnixNs = Points.ToUnixNanoseconds(_time.GetUtcNow()) + (_verified ? _correction.Ticks * 100 : 0),
        });
    }

    private TimeSpan WallMinusMonotonic() =>
        TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks) - TimeSpan.FromTicks(TicksOf(_time.GetTimestamp()));

    private long TicksOf(long timestamp) =>
        (long)((decimal)timestamp * TimeSpan.TicksPerSecond / _time.TimestampFrequency);

    // Millisecond steps: the exchange is not more precise than that, and round figures read better in events.
    private static TimeSpan Truncate(TimeSpan offset) => TimeSpan.FromMilliseconds(Math.Round(offset.TotalMilliseconds));
}
