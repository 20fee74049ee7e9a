using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Api;

/// <summary>
/// <c>POST /api/sites/{id}/selfcheck</c> (admin): asks the site's agent, on its open stream, to run its self-check now.
/// 202 <c>{"request_id": "..."}</c> once the request is on its way; the report arrives later as <c>selfcheck</c> points
/// like a scheduled one. 409 when the agent is not connected (nothing is queued for later: a self-check is about now),
/// 404 for a site the collector does not know. The agent runs at most one requested self-check per ~30 s and skips
/// the rest, so a 202 does not promise a fresh run: one that just ran or is running answers too.
/// </summary>
public static class SelfCheckRequestEndpoints
{
    public static IEndpointRouteBuilder MapSelfCheckRequestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/sites/{id}/selfcheck", Request)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithName("RequestSelfCheck")
            .WithSummary("Asks the site's agent to run its self-check now")
            .Produces<SelfCheckRequestAnswer>(StatusCodes.Status202Accepted)
            .ProducesErrors(401, 403, 404, 409);
        return endpoints;
    }

    private static IResult Request(string id, HttpContext context, KnownSites sites, IAgentSessions sessions, ILoggerFactory loggers)
    {
        if (!sites.Contains(id))
        {
            return ApiJson.NotFound($"no site '{AuthEndpoints.Printable(id)}'");
        }

        var logger = loggers.CreateLogger(SelfCheckRequestLog.Category);
        var user = context.User.UserName();
        var requestId = Guid.NewGuid().ToString("N");
        if (!sessions.TrySend(id, new CollectorMessage { RunSelfCheck = new RunSelfCheck { RequestId = requestId } }))
        {
            SelfCheckRequestLog.NotConnected(logger, id, user);
            return ApiJson.Conflict($"the agent of site '{id}' is not connected; its scheduled self-check reaches the collector when it is back");
        }

        SelfCheckRequestLog.Requested(logger, id, user, requestId);
        return Results.Json(new SelfCheckRequestAnswer(requestId), ApiJsonContext.Api.SelfCheckRequestAnswer,
            statusCode: StatusCodes.Status202Accepted);
    }
}
