namespace SonLa.Monitor.Collector.Configuration;

/// <summary>
/// The listening URLs as configured (Kestrel:Endpoints:*:Url, --urls / ASPNETCORE_URLS,
/// http_ports / https_ports), gathered so they can be checked before Kestrel binds them.
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>Configuration key → URL.</summary>
    public List<KeyValuePair<string, string>> Urls { get; } = [];

    /// <summary>
    /// Plain-http endpoints that are not HTTP/2-only: Kestrel serves only HTTP/1.1 there (no h2c
    /// without TLS's ALPN), so agents' gRPC cannot use them. Allowed (the web UI wants HTTP/1.1),
    /// but worth a warning at start-up.
    /// </summary>
    public List<KeyValuePair<string, string>> CleartextWithoutHttp2 { get; } = [];

    /// <summary>Endpoints agents can use: https (HTTP/2 through ALPN) or http with Protocols = Http2.</summary>
    public int GrpcCapable { get; set; }

    public static void Collect(IConfiguration configuration, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var defaultProtocols = configuration["Kestrel:EndpointDefaults:Protocols"];
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var key = $"Kestrel:Endpoints:{endpoint.Key}:Url";
            var url = endpoint["Url"] ?? "";
            options.Urls.Add(new(key, url));
            NoteCleartext(options, key, url, endpoint["Protocols"] ?? defaultProtocols);
        }

        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.Urls.Add(new("urls", url));
            NoteCleartext(options, "urls", url, defaultProtocols);
        }

        foreach (var port in (configuration["http_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // ASP.NET Core binds http_ports on every interface.
            options.Urls.Add(new("http_ports", $"http://*:{port}"));
        }
    }

    private static void NoteCleartext(EndpointOptions options, string key, string url, string? protocols)
    {
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            options.GrpcCapable++;
        }
        else if (string.Equals(protocols, "Http2", StringComparison.OrdinalIgnoreCase))
        {
            options.GrpcCapable++;
        }
        else
        {
            options.CleartextWithoutHttp2.Add(new(key, url));
        }
    }
}
