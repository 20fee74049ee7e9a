namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Follows one device's sysUpTime across polls to tell a reboot from the 497-day TimeTicks rollover and to
/// give counter deltas the device's own elapsed time (free of network latency) instead of the poller's.
/// </summary>
public sealed class DeviceClock
{
    /// <summary>Allowed disagreement between the sysUpTime delta and the monotonic clock: request latency and retries.</summary>
    public const double ToleranceSeconds = 5;

    /// <summary>Plus this fraction of the interval, for long gaps and sloppy device clocks.</summary>
    public const double ToleranceFraction = 0.01;

    public const double TimeTicksPerSecond = 100;

    private const double TimeTicksModulus = 4294967296.0;

    private TimeSpan? _lastMonotonic;
    private uint? _lastUptime;
    private TimeSpan _lastUptimeMonotonic;
    private double _seconds;
    private long _epoch;
    private long _rollovers;

    /// <param name="sysUpTime">sysUpTime.0 in TimeTicks, null when the device did not return it.</param>
    /// <param name="monotonicNow">A monotonic timestamp of when it was read (TimeProvider.GetElapsedTime base).</param>
    public DeviceClockReading Observe(uint? sysUpTime, TimeSpan monotonicNow)
    {
        var rebooted = false;
        var rolledOver = false;
        if (_lastMonotonic is { } last)
        {
            var elapsed = Math.Max(0, (monotonicNow - last).TotalSeconds);
            if (sysUpTime is { } now && _lastUptime is { } before)
            {
                var wall = (monotonicNow - _lastUptimeMonotonic).TotalSeconds;
                var verdict = Classify(before, now, wall);
                rebooted = verdict.Rebooted;
                rolledOver = verdict.RolledOver;
                // The device's delta is only a better clock when it spans exactly this interval.
                if (verdict.DeviceElapsed is { } deviceElapsed && _lastUptimeMonotonic == last)
                {
                    elapsed = deviceElapsed;
                }
            }

            _seconds += elapsed;
        }

        if (rebooted)
        {
            _epoch++;
            _rollovers = 0;
        }
        else if (rolledOver)
        {
            _rollovers++;
        }

        _lastMonotonic = monotonicNow;
        if (sysUpTime is { } uptime)
        {
            _lastUptime = uptime;
            _lastUptimeMonotonic = monotonicNow;
        }

        double? uptimeSeconds = sysUpTime is { } u ? (u + (_rollovers * TimeTicksModulus)) / TimeTicksPerSecond : null;
        return new DeviceClockReading(_epoch, _seconds, rebooted, rolledOver, uptimeSeconds);
    }

    /// <summary>The next reading starts a new uptime baseline (its source changed): no reboot can be judged across it.</summary>
    public void ForgetUptime()
    {
        _lastUptime = null;
        _rollovers = 0;
    }

    /// <summary>Judges two sysUpTime readings <paramref name="wallSeconds"/> apart.</summary>
    public static (bool Rebooted, bool RolledOver, double? DeviceElapsed) Classify(uint before, uint now, double wallSeconds)
    {
        var tolerance = ToleranceSeconds + (ToleranceFraction * Math.Abs(wallSeconds));
        if (now >= before)
        {
            var delta = (now - before) / TimeTicksPerSecond;
            if (delta < wallSeconds - tolerance)
            {
                // Less uptime gained than time passed: it restarted in between (even if it had been up briefly before).
                return (true, false, null);
            }

            return delta > wallSeconds + tolerance ? (false, false, null) : (false, false, delta);
        }

        // A decrease that exactly fits the 2^32 TimeTicks wrap in the time that passed is the 497-day rollover.
        var wrapped = (now + TimeTicksModulus - before) / TimeTicksPerSecond;
        return Math.Abs(wrapped - wallSeconds) <= tolerance ? (false, true, wrapped) : (true, false, null);
    }
}
