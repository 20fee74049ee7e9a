namespace SonLa.Monitor.Collector.Api;

/// <summary><c>POST /api/alerts/{id}/ack</c> body (optional).</summary>
public sealed record AcknowledgeRequest(string? Comment);
