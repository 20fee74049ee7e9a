using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Clock;

public sealed class AgentClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_any_exchange_timestamps_are_left_alone_and_unverified()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);

        var point = Sample(time);
        var before = point.TimeUnixNs;
        clock.Correct([point], []);

        Assert.Equal(before, point.TimeUnixNs);
        Assert.False(clock.State.Verified);
    }

    [Fact]
    public void A_clock_within_tolerance_is_verified_and_not_corrected_and_says_nothing()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);

        Assert.True(clock.Observe(Exchange(time, collectorAhead: TimeSpan.FromMilliseconds(900), roundTrip: TimeSpan.FromMilliseconds(120))));

        var point = Sample(time);
        var before = point.TimeUnixNs;
        var events = clock.Correct([point], []);
        Assert.Equal(before, point.TimeUnixNs);
        Assert.True(clock.State.Verified);
        Assert.Equal(TimeSpan.Zero, clock.State.Correction);
        Assert.Empty(events);
    }

    [Fact]
    public void A_clock_an_hour_behind_is_corrected_and_the_correction_is_an_event()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);

        clock.Observe(Exchange(time, collectorAhead: TimeSpan.FromHours(1), roundTrip: TimeSpan.FromMilliseconds(200)));

        var point = Sample(time);
        var measured = point.TimeUnixNs;
        var trap = new Event { Device = "router", Kind = "link_down", TimeUnixNs = measured };
        var events = clock.Correct([point], [trap]);

        Assert.Equal(measured + TimeSpan.FromHours(1).Ticks * 100, point.TimeUnixNs);
        Assert.Equal(point.TimeUnixNs, trap.TimeUnixNs);
        var skew = Assert.Single(events);
        Assert.Equal("clock_skew", skew.Kind);
        Assert.Equal("agent", skew.Device);
        Assert.Contains("3600.0 s behind", skew.Message, StringComparison.Ordinal);
        Assert.Empty(clock.TakeEvents());
    }

    [Fact]
    public void Round_trip_noise_between_sessions_does_not_change_the_correction()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);
        clock.Observe(Exchange(time, collectorAhead: TimeSpan.FromSeconds(300), roundTrip: TimeSpan.FromMilliseconds(100)));
        var first = clock.State.Correction;
        clock.TakeEvents();

        time.Advance(TimeSpan.FromMinutes(10));
        clock.Observe(Exchange(time, collectorAhead: TimeSpan.FromSeconds(300.8), roundTrip: TimeSpan.FromMilliseconds(900)));

        Assert.Equal(first, clock.State.Correction);
        Assert.Empty(clock.TakeEvents());
    }

    [Fact]
    public void A_slow_exchange_is_not_trusted()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);

        Assert.False(clock.Observe(Exchange(time, collectorAhead: TimeSpan.FromHours(1), roundTrip: TimeSpan.FromSeconds(9))));

        Assert.False(clock.State.Verified);
        Assert.Equal(TimeSpan.Zero, clock.State.Correction);
    }

    [Fact]
    public void A_jump_of_our_clock_voids_the_correction_until_the_next_exchange_and_is_an_event()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);
        clock.Observe(Exchange(time, collectorAhead: TimeSpan.FromHours(1), roundTrip: TimeSpan.FromMilliseconds(100)));
        clock.TakeEvents();

        // Someone sets the clock right by hand: the wall clock moves an hour, the monotonic clock does not.
        time.Step(TimeSpan.FromHours(1));

        var point = Sample(time);
        var measured = point.TimeUnixNs;
        var events = clock.Correct([point], []);
        Assert.Equal(measured, point.TimeUnixNs);
        Assert.False(clock.State.Verified);
        Assert.Equal(1, clock.State.Jumps);
        var jump = Assert.Single(events);
        Assert.Equal("clock_jump", jump.Kind);
        Assert.Contains("+3600.0 s", jump.Message, StringComparison.Ordinal);

        // The next session measures the set clock as right: verified again, no correction, and that is said.
        clock.Observe(Exchange(time, collectorAhead: TimeSpan.Zero, roundTrip: TimeSpan.FromMilliseconds(100)));
        Assert.True(clock.State.Verified);
        Assert.Equal(TimeSpan.Zero, clock.State.Correction);
        var back = Assert.Single(clock.TakeEvents());
        Assert.Contains("agrees with the collector again", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_passing_normally_is_not_a_jump()
    {
        var time = new SteppableClock(Start);
        var clock = new AgentClock(time);
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromSeconds(61));
            _ = clock.State;
        }

        Assert.Equal(0, clock.State.Jumps);
        Assert.Empty(clock.TakeEvents());
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(5000, 100, 5000)]
    [InlineData(-5000, 400, -5000)]
    public void The_exchange_offset_is_taken_at_the_midpoint_of_the_round_trip(int collectorAheadMs, int roundTripMs, int expectedMs)
    {
        var sent = Start;
        var received = sent + TimeSpan.FromMilliseconds(roundTripMs);
        var collectorTime = sent + TimeSpan.FromMilliseconds(roundTripMs / 2.0) + TimeSpan.FromMilliseconds(collectorAheadMs);
        var exchange = ClockExchange.FromUnixMilliseconds(sent, received, collectorTime.ToUnixTimeMilliseconds());

        Assert.Equal(expectedMs, exchange.Offset.TotalMilliseconds, 1.0);
        Assert.Equal(roundTripMs / 2.0, exchange.Uncertainty.TotalMilliseconds, 1.0);
    }

    private static Point Sample(TimeProvider time) => Points.Create("device", time.GetUtcNow(), ("device", "router"));

    // An exchange that just finished: sent roundTrip ago (on our clock), answered by a collector that is ahead of us.
    private static ClockExchange Exchange(SteppableClock time, TimeSpan collectorAhead, TimeSpan roundTrip)
    {
        var sent = time.GetUtcNow();
        time.Advance(roundTrip);
        var received = time.GetUtcNow();
        return new ClockExchange(sent, received, sent + (roundTrip / 2) + collectorAhead);
    }
}
