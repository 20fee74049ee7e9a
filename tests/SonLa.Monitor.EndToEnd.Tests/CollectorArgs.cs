using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.EndToEnd.Tests;

/// <summary>The command line every end-to-end collector starts with: what each stack adds comes after it.</summary>
internal static class CollectorArgs
{
    /// <summary>
    /// h2c gRPC and an HTTP/1 endpoint on loopback, InfluxDB 1.x, the collector's state in <paramref name="statePath"/>
    /// (the same file across restarts), and one site with its agent's token.
    /// </summary>
    public static List<string> OneSite(string grpcUrl, string httpUrl, InfluxServer influx, string statePath,
        string siteId, string token, string siteName) =>
    [
        $"--Kestrel:Endpoints:Grpc:Url={grpcUrl}",
        "--Kestrel:Endpoints:Grpc:Protocols=Http2",
        $"--Kestrel:Endpoints:Http:Url={httpUrl}",
        "--Kestrel:Endpoints:Http:Protocols=Http1",
        $"--Influx:Url={influx.Url}",
        "--Influx:Version=1",
        $"--Influx:Database={influx.Database}",
        $"--State:Path={statePath}",
        $"--Agents:0:SiteId={siteId}",
        $"--Agents:0:Token={token}",
        $"--Sites:0:Id={siteId}",
        $"--Sites:0:Name={siteName}",
    ];
}
