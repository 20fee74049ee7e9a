namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// A rule's condition holding now for one thing: since when, whether it fires without hold-down (a linkDown trap),
/// whether its evidence is live, and the figures the text shows (utilisation %, errors/min, battery %, ...).
/// </summary>
internal readonly record struct AlertCondition(AlertKey Key, DateTimeOffset Since, bool Immediate, bool Live, double? Value = null, double? Value2 = null);
