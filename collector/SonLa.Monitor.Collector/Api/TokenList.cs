namespace SonLa.Monitor.Collector.Api;

public sealed record TokenList(IReadOnlyList<TokenView> Tokens);
