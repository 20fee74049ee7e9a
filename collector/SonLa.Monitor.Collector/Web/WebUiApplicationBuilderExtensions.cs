namespace SonLa.Monitor.Collector.Web;

/// <summary>
/// Serves the web UI: <c>index.html</c> at the UI's routes (<c>/</c>, <c>/login</c>, <c>/alerts</c>,
/// <c>/sites/{id}</c>; never cached, so a new build is picked up at once) and its assets under <c>/ui/{version}/</c>
/// (cached for a year). Response compression for everything but gRPC, the live stream and answers carrying secrets.
/// </summary>
public static class WebUiApplicationBuilderExtensions
{
    public const string AssetPrefix = "/ui";

    /// <summary>The UI's pages: each is the same index.html, the script shows the view for the path.</summary>
    public static readonly IReadOnlyList<string> PageRoutes = ["/", "/login", "/alerts", "/sites/{id}"];

    // The page only talks to its own origin; inline script and style are never needed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] SecretAnswers = ["/api/login", "/api/antiforgery", "/api/tokens", "/api/me"];

    public static WebApplication UseWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(Compressible, branch => branch.UseResponseCompression());
        var assets = app.Services.GetRequiredService<WebUiAssets>();
        foreach (var route in PageRoutes)
        {
            app.MapGet(route, (HttpContext context) => ServePage(context, assets)).ExcludeFromDescription();
        }

        app.MapGet(AssetPrefix + "/{version}/{**path}", (HttpContext context, string version, string path) =>
            ServeAsset(context, assets, version, path)).ExcludeFromDescription();
        return app;
    }

    internal static bool Compressible(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            return false;
        }

        return !SecretAnswers.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
    }

    private static IResult ServePage(HttpContext context, WebUiAssets assets)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return Results.Bytes(assets.Index.Content, assets.Index.ContentType);
    }

    private static IResult ServeAsset(HttpContext context, WebUiAssets assets, string version, string path)
    {
        if (path == WebUiAssets.IndexFile || assets.Find(path) is not { } asset)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // An old version's URL (a page loaded before an upgrade) gets today's file, but must not keep it.
        headers.CacheControl = string.Equals(version, assets.Version, StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
