namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>Times shown to staff are Vietnam time (UTC+7, no daylight saving), whatever the machine's zone.</summary>
public static class VietnamTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToLocal(DateTimeOffset time) => time.ToOffset(Offset);
}
