using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// <c>POST /api/tokens</c> (a bearer token for the caller, shown once), <c>GET /api/tokens</c>, <c>DELETE
/// /api/tokens/{id}</c>. Any signed-in user may have tokens: one acts with its user's role, so it grants nothing more.
/// An admin lists and revokes everyone's.
/// </summary>
public static class TokenEndpoints
{
    public const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var tokens = endpoints.MapGroup("/api/tokens").RequireAuthorization(AuthPolicies.Reader);
        tokens.MapPost("", CreateAsync)
            .WithName("AddToken").WithSummary("A bearer token acting as the caller (shown once).")
            .ReadsJson<NewTokenRequest>().Produces<NewTokenAnswer>(StatusCodes.Status201Created).ProducesErrors(400, 401, 403);
        tokens.MapGet("", (HttpContext context, UserStore store) =>
            ApiJson.Ok(new TokenList(store.ListTokens(OwnerFilter(context)).Select(View).ToList()), ApiJsonContext.Api.TokenList))
            .WithName("ListTokens").WithSummary("Your tokens (an admin: everyone's).").Produces<TokenList>().ProducesErrors(401, 403);
        tokens.MapDelete("/{id:long}", (long id, HttpContext context, UserStore store, ILoggerFactory loggers) =>
        {
            if (!store.RevokeToken(id, OwnerFilter(context)))
            {
                return ApiJson.NotFound($"no live token {id} of yours");
            }

            AuthLog.TokenRevoked(loggers.CreateLogger(AuthEndpoints.LogCategory), context.User.UserName(), id);
            return Results.NoContent();
        })
            .WithName("RevokeToken").WithSummary("Revokes a token.").Produces(StatusCodes.Status204NoContent).ProducesErrors(401, 403, 404);
        return endpoints;
    }

    // Admins see and revoke every token; others their own.
    private static long? OwnerFilter(HttpContext context) =>
        context.User.IsInRole(Roles.Admin) ? null : context.User.UserId() ?? -1;

    private static TokenView View(ApiToken token) => new(token.Id, token.Name, token.UserName, token.CreatedAt, token.LastUsedAt);

    private static async Task<IResult> CreateAsync(HttpContext context, UserStore store, ILoggerFactory loggers)
    {
        var (request, problem) = await ApiJson.ReadAsync(context.Request, ApiJsonContext.Api.NewTokenRequest, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var name = request!.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            return ApiJson.BadRequest($"name must be 1-{MaxNameLength} printable characters");
        }

        if (context.User.UserId() is not { } userId)
        {
            return ApiJson.Error(StatusCodes.Status401Unauthorized, "unauthorized", "no such user any more");
        }

        var (token, secret) = store.CreateToken(userId, name);
        AuthLog.TokenCreated(loggers.CreateLogger(AuthEndpoints.LogCategory), context.User.UserName(), token.Id, token.Name);
        return ApiJson.Created(new NewTokenAnswer(token.Id, token.Name, secret, token.CreatedAt), ApiJsonContext.Api.NewTokenAnswer);
    }
}
