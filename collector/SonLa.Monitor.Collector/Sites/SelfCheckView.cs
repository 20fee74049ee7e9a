namespace SonLa.Monitor.Collector.Sites;

/// <summary>The latest self-check run the agent sent: its time, worst status (ok, warn, fail) and each check.</summary>
public sealed record SelfCheckView(DateTimeOffset At, string Status, IReadOnlyList<SelfCheckItemView> Checks);
