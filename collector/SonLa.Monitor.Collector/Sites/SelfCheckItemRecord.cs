namespace SonLa.Monitor.Collector.Sites;

/// <summary>One check of the latest self-check run (status 0 ok, 1 warn, 2 fail, as the <c>selfcheck</c> point).</summary>
internal sealed record SelfCheckItemRecord(string Id, int Status, string? Message, string? MessageEn, string? Hint, string? HintEn);
