using Microsoft.AspNetCore.Antiforgery;
using SonLa.Monitor.Collector.Api;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Cross-site request forgery guard: a POST/PUT/PATCH/DELETE authenticated by the session cookie must carry the
/// antiforgery token (header <see cref="AuthSchemes.AntiforgeryHeaderName"/>, from the login answer or
/// <c>GET /api/antiforgery</c>). Bearer-token requests need none: a browser never adds that header by itself.
/// <c>POST /api/login</c> is exempt (there is no session yet to abuse).
/// </summary>
internal sealed class CookieAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method)
            && !HttpMethods.IsTrace(context.Request.Method)
            && context.User.IsCookieSession()
            && !context.Request.Path.StartsWithSegments(AuthEndpoints.LoginPath, StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await ApiJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "antiforgery",
                $"missing or invalid {AuthSchemes.AntiforgeryHeaderName} header (get one from GET /api/antiforgery)");
            return;
        }

        await next(context);
    }
}
