namespace SonLa.Monitor.Benchmarks;

/// <summary>One site of the sites bench's inventory, with its agent's token and the part it plays.</summary>
internal sealed record BenchSite(string Id, string Name, string District, string Token, BenchSitePart Part)
{
    /// <summary>The status docs/api.md says /api/sites must show for this part.</summary>
    public string ExpectedStatus => Part switch
    {
        BenchSitePart.NeverConnected => "unknown",
        BenchSitePart.Disconnected => "down",
        BenchSitePart.DeviceUnreachable or BenchSitePart.UplinkDown => "degraded",
        _ => "ok",
    };
}
