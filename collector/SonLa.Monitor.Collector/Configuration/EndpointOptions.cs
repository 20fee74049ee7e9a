namespace SonLa.Monitor.Collector.Configuration;

/// <summary>
/// The listening URLs as configured (Kestrel:Endpoints:*:Url, --urls / ASPNETCORE_URLS,
/// http_ports / https_ports), gathered so they can be checked before Kestrel binds them.
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>Configuration key → URL.</summary>
    public List<KeyValuePair<string, string>> Urls { get; } = [];

    public static void Collect(IConfiguration configuration, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            options.Urls.Add(new($"Kestrel:Endpoints:{endpoint.Key}:Url", endpoint["Url"] ?? ""));
        }

        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.Urls.Add(new("urls", url));
        }

        foreach (var port in (configuration["http_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // ASP.NET Core binds http_ports on every interface.
            options.Urls.Add(new("http_ports", $"http://*:{port}"));
        }
    }
}
