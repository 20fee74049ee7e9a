namespace SonLa.Monitor.Collector.Sites;

/// <summary>The data of a live <c>alerts</c> event: the site whose open alerts changed.</summary>
public sealed record LiveAlertsEvent(string Site);
