namespace SonLa.Monitor.Collector.History;

/// <summary>The answer of <c>GET /api/events</c>, newest first.</summary>
public sealed record EventList(IReadOnlyList<EventView> Events);
