namespace SonLa.Monitor.Collector.History;

/// <summary>What <c>GET /api/events</c> asks for: events since <see cref="Since"/>, of one site (null: all) and kind.</summary>
public sealed record EventRequest(string? Site, DateTimeOffset Since, string? Kind, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);
}
