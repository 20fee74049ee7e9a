namespace SonLa.Monitor.Collector.Sites;

/// <summary>One check of a self-check run; the texts in Vietnamese and English as the agent wrote them.</summary>
public sealed record SelfCheckItemView(string Id, string Status, string? Message, string? MessageEn, string? Hint, string? HintEn);
