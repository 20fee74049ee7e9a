using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Auth;

/// <summary><c>GET /api/users</c>, <c>POST /api/users</c>, <c>DELETE /api/users/{name}</c> (admin only).</summary>
public static partial class UserEndpoints
{
    /// <summary>Longer passwords are refused before hashing: hashing megabytes is a cheap way to burn our CPU.</summary>
    public const int MaxPasswordLength = 1024;

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var users = endpoints.MapGroup("/api/users").RequireAuthorization(AuthPolicies.Admin);
        users.MapGet("", (UserStore store) =>
            ApiJson.Ok(new UserList(store.List().Select(AuthEndpoints.View).ToList()), ApiJsonContext.Api.UserList))
            .WithName("ListUsers").WithSummary("Every user (admin).").Produces<UserList>().ProducesErrors(401, 403);
        users.MapPost("", CreateAsync)
            .WithName("AddUser").WithSummary("Adds a user (admin).").ReadsJson<NewUserRequest>()
            .Produces<UserView>(StatusCodes.Status201Created).ProducesErrors(400, 401, 403, 404, 409);
        users.MapDelete("/{name}", Disable)
            .WithName("DisableUser").WithSummary("Disables a user and revokes its sessions and tokens (admin).")
            .Produces(StatusCodes.Status204NoContent).ProducesErrors(400, 401, 403, 404);
        return endpoints;
    }

    /// <summary>Why a password is refused, or null.</summary>
    internal static string? PasswordProblem(string password, int minLength) =>
        password.Length < minLength ? $"must be at least {minLength} characters"
        : password.Length > MaxPasswordLength ? $"must be at most {MaxPasswordLength} characters"
        : string.IsNullOrWhiteSpace(password) ? "must not be only spaces"
        : null;

    private static async Task<IResult> CreateAsync(
        HttpContext context, UserStore store, KnownSites sites, IOptions<AuthOptions> options, ILoggerFactory loggers)
    {
        var (request, problem) = await ApiJson.ReadAsync(context.Request, ApiJsonContext.Api.NewUserRequest, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var name = request!.Name?.Trim() ?? "";
        var role = request.Role ?? "";
        var site = string.IsNullOrWhiteSpace(request.Site) ? null : request.Site.Trim();
        var problems = new List<string>();
        if (!NamePattern().IsMatch(name))
        {
            problems.Add("name must be 1-64 characters of a-z, A-Z, 0-9, '.', '_', '-', '@'");
        }

        if (role is not (Roles.Viewer or Roles.Admin or Roles.Site))
        {
            problems.Add($"role must be {Roles.Viewer}, {Roles.Admin} or {Roles.Site}");
        }
        else if (role == Roles.Site && site is null)
        {
            problems.Add("site is required for role site");
        }
        else if (role == Roles.Site && !sites.Contains(site!))
        {
            problems.Add($"site '{site}' is not a configured site");
        }
        else if (role != Roles.Site && site is not null)
        {
            problems.Add("site is only for role site (viewer and admin see every site)");
        }

        if (PasswordProblem(request.Password ?? "", options.Value.MinPasswordLength) is { } weak)
        {
            problems.Add("password " + weak);
        }

        if (problems.Count > 0)
        {
            return ApiJson.BadRequest(string.Join("; ", problems));
        }

        if (!store.TryCreate(name, role, site, request.Password!, request.MustChangePassword ?? true, out var user))
        {
            return ApiJson.Conflict($"user '{name}' already exists");
        }

        AuthLog.UserCreated(loggers.CreateLogger(AuthEndpoints.LogCategory), context.User.UserName(), user!.Name, user.Role);
        return ApiJson.Created(AuthEndpoints.View(user), ApiJsonContext.Api.UserView);
    }

    private static IResult Disable(string name, HttpContext context, UserStore store, ILoggerFactory loggers)
    {
        var user = store.FindByName(name);
        if (user is null || user.IsDisabled)
        {
            return ApiJson.NotFound($"no enabled user '{AuthEndpoints.Printable(name)}'");
        }

        if (user.Role == Roles.Admin && store.CountActiveAdmins() <= 1)
        {
            return ApiJson.Conflict("this is the last enabled admin; create another admin first");
        }

        store.Disable(user.Id);
        AuthLog.UserDisabled(loggers.CreateLogger(AuthEndpoints.LogCategory), context.User.UserName(), user.Name);
        return Results.NoContent();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
