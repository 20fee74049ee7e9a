namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Remembers each interface's last counters of one device and yields rates poll after poll, applying
/// the series rules: a reused ifIndex (other ifName) or a changed counter width starts a new series, a
/// reboot or a changed ifCounterDiscontinuityTime gives no rate, a counter missing from one poll
/// keeps its older reading so the next rate averages over the true gap.
/// </summary>
public sealed class InterfaceRateTracker
{
    /// <summary>Interfaces unseen for this many polls are forgotten, so the state stays bounded.</summary>
    public const int ForgetAfterPolls = 10;

    private readonly Dictionary<int, SeriesState> _series = [];
    private long _poll;

    public int Count => _series.Count;

    /// <summary>Starts a poll; call <see cref="Update"/> for each interface read in it, then <see cref="EndPoll"/>.</summary>
    public void BeginPoll() => _poll++;

    public InterfaceRates Update(InterfaceReading reading, DeviceClockReading clock)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!_series.TryGetValue(reading.IfIndex, out var state))
        {
            state = new SeriesState(reading.Name);
            _series[reading.IfIndex] = state;
        }

        var newSeries = !string.Equals(state.Name, reading.Name, StringComparison.Ordinal);
        if (newSeries)
        {
            // Index reuse: the old series' counters belong to another interface.
            state = new SeriesState(reading.Name);
            _series[reading.IfIndex] = state;
        }

        var discontinuity = state.DiscontinuityTime is { } before && reading.CounterDiscontinuityTime is { } now && before != now;
        var speed = Math.Max(state.SpeedBitsPerSecond ?? 0, reading.SpeedBitsPerSecond ?? 0);
        var rates = new InterfaceRates(
            Direction(ref state.In, reading.InOctets, clock, discontinuity, speed),
            Direction(ref state.Out, reading.OutOctets, clock, discontinuity, speed));

        state.DiscontinuityTime = reading.CounterDiscontinuityTime ?? state.DiscontinuityTime;
        state.SpeedBitsPerSecond = reading.SpeedBitsPerSecond ?? state.SpeedBitsPerSecond;
        state.LastPoll = _poll;
        return rates;
    }

    public void EndPoll()
    {
        foreach (var (index, state) in _series.ToList())
        {
            if (_poll - state.LastPoll >= ForgetAfterPolls)
            {
                _series.Remove(index);
            }
        }
    }

    private static RateResult Direction(ref StoredCounter? previous, CounterReading? current, DeviceClockReading clock, bool discontinuity, double speed)
    {
        if (current is not { } reading)
        {
            return RateResult.None(RateOutcome.Missing);
        }

        RateResult result;
        if (previous is not { } before)
        {
            result = RateResult.None(RateOutcome.FirstSample);
        }
        else if (before.Epoch != clock.Epoch)
        {
            result = RateResult.None(RateOutcome.Reboot);
        }
        else if (discontinuity)
        {
            result = RateResult.None(RateOutcome.Discontinuity);
        }
        else if (before.Reading.Width != reading.Width)
        {
            result = RateResult.None(RateOutcome.NewSeries);
        }
        else
        {
            result = CounterRateCalculator.Compute(before.Reading, reading, clock.Seconds - before.Seconds, speed);
        }

        previous = new StoredCounter(reading, clock.Seconds, clock.Epoch);
        return result;
    }

    private readonly record struct StoredCounter(CounterReading Reading, double Seconds, long Epoch);

    private sealed class SeriesState(string name)
    {
        public string Name { get; } = name;

        public StoredCounter? In;

        public StoredCounter? Out;

        public uint? DiscontinuityTime { get; set; }

        public ulong? SpeedBitsPerSecond { get; set; }

        public long LastPoll { get; set; }
    }
}
