using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using SonLa.Monitor.Collector.Api;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// API requests that fail authorization get a JSON error: 401 <c>unauthorized</c> (not signed in), 403
/// <c>password_change_required</c> (must change the password first) or 403 <c>forbidden</c> (wrong role).
/// Other paths (the web UI) keep ASP.NET Core's default (redirect to the login page).
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!CookieSessionEvents.IsApi(context.Request) || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // Lets the bearer scheme add WWW-Authenticate; the cookie scheme answers 401 for API paths.
            await context.ChallengeAsync(AuthSchemes.Default);
            await ApiJson.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized",
                "sign in (POST /api/login) or send an API token (Authorization: Bearer ...)");
            return;
        }

        if (context.User.MustChangePassword())
        {
            await ApiJson.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "password_change_required",
                "change your password first (POST /api/me/password)");
            return;
        }

        await ApiJson.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "forbidden", "your role does not allow this");
    }
}
