namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>A finished check: its id (<c>device:router</c>, <c>clock</c>, ...), outcome and how long it took.</summary>
public sealed record CheckResult(string Id, CheckStatus Status, LocalizedText Message, LocalizedText Hint, long Milliseconds);
