namespace SonLa.Monitor.Snmp.Traps;

/// <summary>What a <see cref="TrapReceiver"/> did, so no drop is silent. Thread-safe.</summary>
public sealed class TrapReceiverStatistics
{
    private readonly long[] _counts = new long[Enum.GetValues<TrapRejection>().Length];
    private long _informsAnswered;

    /// <summary>Notifications accepted.</summary>
    public long Received => Get(TrapRejection.None);

    public long Malformed => Get(TrapRejection.Malformed) + Get(TrapRejection.NotANotification);

    /// <summary>Wrong community, or SNMPv3 that failed USM (unknown engine or user, wrong digest or key, level).</summary>
    public long AuthenticationFailures => Get(TrapRejection.WrongCommunity) + Get(TrapRejection.AuthenticationFailed);

    public long UnknownSource => Get(TrapRejection.UnknownSource);

    public long RateLimited => Get(TrapRejection.RateLimited);

    public long QueueFull => Get(TrapRejection.QueueFull);

    public long InformsAnswered => Interlocked.Read(ref _informsAnswered);

    public long Get(TrapRejection outcome) => Interlocked.Read(ref _counts[(int)outcome]);

    internal void Count(TrapRejection outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    internal void InformAnswered() => Interlocked.Increment(ref _informsAnswered);
}
