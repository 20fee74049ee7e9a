namespace SonLa.Monitor.Collector.Auth;

public static class AuthApplicationBuilderExtensions
{
    /// <summary>
    /// Authentication, authorization and the cookie antiforgery check, then the login, user and token endpoints.
    /// Call before mapping the endpoints that require <see cref="AuthPolicies"/>. <c>/healthz</c> and <c>/metrics</c>
    /// stay open (monitoring systems scrape them), as does the agents' gRPC endpoint (agents have their own tokens).
    /// </summary>
    public static WebApplication UseSonLaAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieAntiforgeryMiddleware>();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapTokenEndpoints();
        return app;
    }
}
