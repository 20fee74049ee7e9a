using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace SonLa.Monitor.Collector.Web;

public static class WebUiServiceCollectionExtensions
{
    /// <summary>
    /// Types the collector compresses (Brotli, else gzip). Not gRPC (it has its own message compression) and not
    /// <c>text/event-stream</c> (a compressor holds back the small live messages it should flush at once).
    /// </summary>
    public static readonly IReadOnlyList<string> CompressedTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "application/json",
        "application/problem+json", "image/svg+xml", "text/plain",
    ];

    /// <summary>The web UI's files and response compression. Pair with <c>app.UseWebUi()</c>.</summary>
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddSingleton<WebUiAssets>();
        services.AddResponseCompression(options =>
        {
            // Over HTTPS too: the answers that carry a secret (login, antiforgery, new token) are left out by
            // WebUiApplicationBuilderExtensions, so a BREACH-style guess has nothing to aim at.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
