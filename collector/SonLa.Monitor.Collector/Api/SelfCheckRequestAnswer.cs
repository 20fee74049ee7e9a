namespace SonLa.Monitor.Collector.Api;

/// <summary>The answer of <c>POST /api/sites/{id}/selfcheck</c>: the id the agent logs with the run it starts.</summary>
public sealed record SelfCheckRequestAnswer(string RequestId);
