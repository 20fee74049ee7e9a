using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// <c>POST /api/login</c>, <c>POST /api/logout</c>, <c>GET /api/antiforgery</c>, <c>GET /api/me</c>,
/// <c>POST /api/me/password</c>.
/// </summary>
public static class AuthEndpoints
{
    public const string LoginPath = "/api/login";
    internal const string LogCategory = "SonLa.Monitor.Collector.Auth";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(LoginPath, LoginAsync).AllowAnonymous()
            .WithName("Login").WithSummary("Signs in: sets the session cookie and returns the CSRF token for later posts.")
            .ReadsJson<LoginRequest>().Produces<LoginAnswer>().ProducesErrors(400, 401, 429);
        endpoints.MapPost("/api/logout", (Func<HttpContext, Task<IResult>>)LogoutAsync).AllowAnonymous()
            .WithName("Logout").WithSummary("Ends the session.").Produces(StatusCodes.Status204NoContent);
        endpoints.MapGet("/api/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            ApiJson.Ok(new AntiforgeryAnswer(antiforgery.GetAndStoreTokens(context).RequestToken!, AuthSchemes.AntiforgeryHeaderName),
                ApiJsonContext.Api.AntiforgeryAnswer)).AllowAnonymous()
            .WithName("Antiforgery").WithSummary("A fresh CSRF token for the session's posts.").Produces<AntiforgeryAnswer>();
        endpoints.MapGet("/api/me", (HttpContext context, UserStore users) =>
            context.User.UserId() is { } id && users.FindById(id) is { } user
                ? ApiJson.Ok(View(user), ApiJsonContext.Api.UserView)
                : ApiJson.Error(StatusCodes.Status401Unauthorized, "unauthorized", "no such user any more"))
            .RequireAuthorization(AuthSchemes.AnySessionPolicy)
            .WithName("Me").WithSummary("The signed-in user.").Produces<UserView>().ProducesErrors(401);
        endpoints.MapPost("/api/me/password", ChangePasswordAsync).RequireAuthorization(AuthSchemes.AnySessionPolicy)
            .WithName("ChangePassword").WithSummary("Changes the signed-in user's password.")
            .ReadsJson<PasswordChangeRequest>().Produces<UserView>().ProducesErrors(400, 401, 403, 429);
        return endpoints;
    }

    internal static UserView View(UserAccount user) => new(
        user.Name, user.Role, user.SiteId, user.MustChangePassword, user.CreatedAt, user.DisabledAt, user.LastLoginAt);

    internal static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>A user-typed name made safe for one log line.</summary>
    internal static string Printable(string name)
    {
        var text = name.Length > 64 ? name[..64] + "…" : name;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, UserStore users, LoginThrottle throttle, AuthMetrics metrics, IAntiforgery antiforgery, ILoggerFactory loggers)
    {
        var (request, problem) = await ReadLoginAsync(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var name = request!.User?.Trim() ?? "";
        var password = request.Password ?? "";
        if (name.Length == 0 || password.Length == 0)
        {
            return ApiJson.BadRequest("user and password are required");
        }

        if (name.Length > 256 || password.Length > UserEndpoints.MaxPasswordLength)
        {
            return ApiJson.BadRequest("user or password too long");
        }

        var logger = loggers.CreateLogger(LogCategory);
        var address = ClientAddress(context);
        if (throttle.LockedFor(name, address) is { } wait)
        {
            metrics.LoginThrottled();
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiJson.Error(StatusCodes.Status429TooManyRequests, "too_many_attempts",
                $"too many failed logins: try again in {seconds} s");
        }

        var user = users.CheckPassword(name, password);
        if (user is null)
        {
            metrics.LoginFailed();
            var failure = throttle.RecordFailure(name, address);
            AuthLog.LoginFailed(logger, Printable(name), address, failure.UserFailures, failure.AddressFailures);
            if (failure.Lockout is { } lockout)
            {
                metrics.LockoutStarted();
                AuthLog.LockedOut(logger, Printable(name), address, (long)lockout.TotalSeconds);
            }

            return ApiJson.Error(StatusCodes.Status401Unauthorized, "invalid_credentials", "wrong user name or password");
        }

        throttle.RecordSuccess(name);
        users.RecordLogin(user.Id);
        metrics.LoginSucceeded();
        AuthLog.SignedIn(logger, user.Name, address);
        var principal = SonLaPrincipal.Create(user, AuthSchemes.Cookie);
        await context.SignInAsync(AuthSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
        // The antiforgery token is bound to the user it is issued for: the one signing in now.
        context.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return ApiJson.Ok(new LoginAnswer(View(users.FindById(user.Id) ?? user), tokens.RequestToken!, AuthSchemes.AntiforgeryHeaderName),
            ApiJsonContext.Api.LoginAnswer);
    }

    private static async Task<(LoginRequest? Request, IResult? Problem)> ReadLoginAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return await ApiJson.ReadAsync(request, ApiJsonContext.Api.LoginRequest, cancellationToken);
        }

        ApiJson.LimitBody(request.HttpContext);
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (new LoginRequest(form["user"].ToString(), form["password"].ToString()), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, ApiJson.BadRequest("unreadable form"));
        }
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        return Results.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(
        HttpContext context, UserStore users, LoginThrottle throttle, AuthMetrics metrics, IOptions<AuthOptions> options, ILoggerFactory loggers)
    {
        var (request, problem) = await ApiJson.ReadAsync(context.Request, ApiJsonContext.Api.PasswordChangeRequest, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (context.User.UserId() is not { } id || users.FindById(id) is not { } user)
        {
            return ApiJson.Error(StatusCodes.Status401Unauthorized, "unauthorized", "no such user any more");
        }

        var current = request!.CurrentPassword ?? "";
        var next = request.NewPassword ?? "";
        if (UserEndpoints.PasswordProblem(next, options.Value.MinPasswordLength) is { } weak)
        {
            return ApiJson.BadRequest("new_password " + weak);
        }

        var address = ClientAddress(context);
        if (throttle.LockedFor(user.Name, address) is not null)
        {
            metrics.LoginThrottled();
            return ApiJson.Error(StatusCodes.Status429TooManyRequests, "too_many_attempts", "too many failed attempts: try again later");
        }

        // The current password again: a session left open on a shared screen must not be enough to take the account.
        if (current.Length > UserEndpoints.MaxPasswordLength || users.CheckPassword(user.Name, current) is null)
        {
            metrics.LoginFailed();
            var failure = throttle.RecordFailure(user.Name, address);
            AuthLog.LoginFailed(loggers.CreateLogger(LogCategory), user.Name, address, failure.UserFailures, failure.AddressFailures);
            return ApiJson.Error(StatusCodes.Status400BadRequest, "wrong_password", "current_password is wrong");
        }

        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return ApiJson.BadRequest("new_password must differ from the current one");
        }

        var updated = users.SetPassword(user.Id, next, mustChangePassword: false)!;
        AuthLog.PasswordChanged(loggers.CreateLogger(LogCategory), user.Name);
        if (context.User.IsCookieSession())
        {
            // The new security stamp ended every session of the user, this one included: issue this one afresh.
            await context.SignInAsync(AuthSchemes.Cookie, SonLaPrincipal.Create(updated, AuthSchemes.Cookie),
                new AuthenticationProperties { IsPersistent = false });
        }

        return ApiJson.Ok(View(updated), ApiJsonContext.Api.UserView);
    }
}
