using CsCheck;
using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.Tests.Polling;

public class CounterRatePropertyTests
{
    [Fact]
    public void AnyTwoReadings_RateNeverNegativeNorAboveSpeedTimesMargin()
    {
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Bool, Gen.Double[0.001, 100_000], Gen.Double[1_000, 1e11])
            .Sample((previous, current, is64, elapsed, speed) =>
            {
                var width = is64 ? CounterWidth.Bits64 : CounterWidth.Bits32;
                var p = is64 ? previous : previous & uint.MaxValue;
                var c = is64 ? current : current & uint.MaxValue;
                var result = CounterRateCalculator.Compute(new CounterReading(p, width), new CounterReading(c, width), elapsed, speed);
                return result.BitsPerSecond is null
                    || (result.BitsPerSecond >= 0 && result.BitsPerSecond <= speed * CounterRateCalculator.SpeedMargin && result.Outcome == RateOutcome.Ok);
            });
    }

    [Fact]
    public void RandomCounterAndUptimeSequences_NeverNegativeNeverAboveSpeed()
    {
        // Counters and uptimes that jump anywhere (resets, reboots, wraps, garbage) through the whole pipeline.
        var step = Gen.Select(Gen.ULong, Gen.UInt, Gen.Bool, Gen.Int[1, 3600]);
        Gen.Select(step.Array[2, 30], Gen.Bool, Gen.ULong[1_000_000, 10_000_000_000])
            .Sample((steps, is64, speed) =>
            {
                var clock = new DeviceClock();
                var tracker = new InterfaceRateTracker();
                var seconds = 0.0;
                foreach (var (counter, uptime, uptimeKnown, gap) in steps)
                {
                    seconds += gap;
                    var reading = clock.Observe(uptimeKnown ? uptime : null, TimeSpan.FromSeconds(seconds));
                    tracker.BeginPoll();
                    var value = is64 ? CounterReading.Counter64(counter) : CounterReading.Counter32((uint)counter);
                    var rates = tracker.Update(new InterfaceReading(1) { Name = "x", InOctets = value, SpeedBitsPerSecond = speed }, reading);
                    tracker.EndPoll();
                    if (rates.In.BitsPerSecond is { } bps && (bps < 0 || bps > speed * CounterRateCalculator.SpeedMargin || double.IsNaN(bps)))
                    {
                        return false;
                    }
                }

                return true;
            });
    }

    [Fact]
    public void SteadyTrafficThroughWraps_RateAlwaysExact()
    {
        // A 32-bit counter on a 100 Mb/s link at a constant rate below line speed: every interval, wrap or not, is exact.
        Gen.Select(Gen.UInt, Gen.Double[1_000, 90_000_000], Gen.Int[1, 30])
            .Sample((start, bps, intervalSeconds) =>
            {
                var clock = new DeviceClock();
                var tracker = new InterfaceRateTracker();
                var counter = (double)start;
                for (var i = 0; i < 20; i++)
                {
                    var reading = clock.Observe((uint)(100_000 + (i * intervalSeconds * 100)), TimeSpan.FromSeconds(i * intervalSeconds));
                    tracker.BeginPoll();
                    var value = CounterReading.Counter32((uint)((ulong)Math.Floor(counter) % 4294967296UL));
                    var rates = tracker.Update(new InterfaceReading(1) { Name = "x", InOctets = value, SpeedBitsPerSecond = 100_000_000 }, reading);
                    if (i > 0 && (rates.In.BitsPerSecond is not { } r || Math.Abs(r - bps) > 8 * 2 / (double)intervalSeconds))
                    {
                        return false;
                    }

                    counter += bps / 8 * intervalSeconds;
                }

                return true;
            });
    }
}
