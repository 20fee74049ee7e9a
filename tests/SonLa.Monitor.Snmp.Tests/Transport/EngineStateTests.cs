using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Snmp.Tests.Transport;

public sealed class EngineStateTests
{
    [Fact]
    public void Estimate_AddsLocalElapsedSecondsToTheLastTimeReceived()
    {
        var time = new FakeTimeProvider();
        var state = new EngineState([1, 2, 3], 4, 1000, time.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(90.7));
        Assert.Equal((4, 1090), state.Estimate(time));
    }

    [Fact]
    public void Observe_TakesNewerBootsOrLaterTime_ButNotOlder()
    {
        var time = new FakeTimeProvider();
        var state = new EngineState([1], 4, 1000, time.GetTimestamp());
        state.Observe(4, 900, time.GetTimestamp(), force: false);
        Assert.Equal((4, 1000), state.Estimate(time));
        state.Observe(3, 5000, time.GetTimestamp(), force: false);
        Assert.Equal((4, 1000), state.Estimate(time));
        state.Observe(5, 2, time.GetTimestamp(), force: false);
        Assert.Equal((5, 2), state.Estimate(time));
        // A notInTimeWindow report is authoritative even when it goes back (engine restored).
        state.Observe(1, 1, time.GetTimestamp(), force: true);
        Assert.Equal((1, 1), state.Estimate(time));
    }
}
