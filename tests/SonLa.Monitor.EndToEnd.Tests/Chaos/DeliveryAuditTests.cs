namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>The chaos tests' audit must itself be able to fail: each kind of delivery fault is caught.</summary>
public sealed class DeliveryAuditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    // Polls every second: marker n served at T0+n s (+50 ms after the poll started, as a real GET).
    private static ServedMarker Served(long n) => new(n, T0.AddSeconds(n).AddMilliseconds(50));

    private static StoredPoll Stored(long n) => new(T0.AddSeconds(n), n, true);

    private static DeliveryAudit Audit(IEnumerable<ServedMarker> served, IEnumerable<StoredPoll> stored, params InFlightWindow[] windows) =>
        DeliveryAudit.Compute("router", [.. served], [.. stored], windows, T0.AddSeconds(100), Budget);

    [Fact]
    public void EveryPollStoredOnce_IsClean()
    {
        var audit = Audit(Enumerable.Range(1, 10).Select(n => Served(n)), Enumerable.Range(1, 10).Select(n => Stored(n)));
        Assert.True(audit.Clean);
        Assert.Equal(10, audit.Made);
        Assert.Equal(10, audit.Found);
    }

    [Fact]
    public void MissingPoll_IsLost()
    {
        var audit = Audit(Enumerable.Range(1, 10).Select(n => Served(n)), Enumerable.Range(1, 10).Where(n => n != 4).Select(n => Stored(n)));
        Assert.False(audit.Clean);
        Assert.Equal([4L], audit.Lost);
    }

    [Fact]
    public void SamePollUnderTwoTimestamps_IsADuplicate()
    {
        var stored = Enumerable.Range(1, 5).Select(n => Stored(n)).Append(new StoredPoll(T0.AddSeconds(3).AddMilliseconds(1), 3, true));
        var audit = Audit(Enumerable.Range(1, 5).Select(n => Served(n)), stored);
        Assert.False(audit.Clean);
        Assert.Equal([3L], audit.Duplicates);
    }

    [Fact]
    public void PollStampedWhenSentLate_IsMisStamped()
    {
        var stored = Enumerable.Range(1, 4).Select(n => Stored(n)).Append(new StoredPoll(T0.AddSeconds(60), 5, true));
        var audit = Audit(Enumerable.Range(1, 5).Select(n => Served(n)), stored);
        Assert.False(audit.Clean);
        Assert.Single(audit.MisStamped);
    }

    [Fact]
    public void ValueNeverServed_IsUnknown()
    {
        var audit = Audit([Served(1)], [Stored(1), Stored(77)]);
        Assert.False(audit.Clean);
        Assert.Equal([77L], audit.Unknown);
    }

    [Fact]
    public void PollsAroundAKill_AreNotMade_ButTheRestMustArrive()
    {
        var kill = new InFlightWindow(T0.AddSeconds(5), T0.AddSeconds(6.5), "kill -9");
        var audit = Audit(Enumerable.Range(1, 10).Select(n => Served(n)), Enumerable.Range(1, 10).Where(n => n is not (5 or 6)).Select(n => Stored(n)), kill);
        Assert.True(audit.Clean);
        Assert.Equal(2, audit.InFlight);
        Assert.Equal(8, audit.Made);

        var lossOutsideTheWindow = Audit(Enumerable.Range(1, 10).Select(n => Served(n)), Enumerable.Range(1, 10).Where(n => n is not (5 or 7)).Select(n => Stored(n)), kill);
        Assert.Equal([7L], lossOutsideTheWindow.Lost);
    }

    [Fact]
    public void GetAnsweredAfterTheAgentGaveUp_IsExcusedOnlyByAnUnreachablePoint()
    {
        var served = Enumerable.Range(1, 3).Select(n => Served(n)).ToList();
        var withTimeout = Audit(served, [Stored(1), new StoredPoll(T0.AddSeconds(2), null, false), Stored(3)]);
        Assert.True(withTimeout.Clean);
        Assert.Equal(1, withTimeout.TimedOut);

        var withoutAnything = Audit(served, [Stored(1), Stored(3)]);
        Assert.Equal([2L], withoutAnything.Lost);
    }

    [Fact]
    public void MarkersServedAfterTheCutoff_AreNotCounted()
    {
        var audit = DeliveryAudit.Compute("router", [Served(1), Served(2)], [Stored(1)], [], T0.AddSeconds(1.5), Budget);
        Assert.True(audit.Clean);
        Assert.Equal(1, audit.Served);
    }
}
