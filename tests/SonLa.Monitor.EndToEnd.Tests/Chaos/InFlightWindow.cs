namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// Around a stop of the agent: a poll whose marker was served in here may have been cut short by the stop, so it was
/// not "made" and its absence is no loss (its presence is fine too).
/// </summary>
public readonly record struct InFlightWindow(DateTimeOffset From, DateTimeOffset To, string What)
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant <= To;
}
