using Microsoft.Extensions.Time.Testing;

namespace SonLa.Monitor.Agent.Tests.Clock;

/// <summary>A wall clock that can be set (stepped) while the monotonic clock runs on, as on a real machine; a
/// FakeTimeProvider moves both together.</summary>
public sealed class SteppableClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _monotonic = new(start);
    private TimeSpan _step;

    public override long TimestampFrequency => _monotonic.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _monotonic.GetUtcNow() + _step;

    public override long GetTimestamp() => _monotonic.GetTimestamp();

    public void Advance(TimeSpan elapsed) => _monotonic.Advance(elapsed);

    public void Step(TimeSpan by) => _step += by;
}
