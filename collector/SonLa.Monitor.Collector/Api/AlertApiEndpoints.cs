using Microsoft.AspNetCore.Mvc;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Api;

/// <summary>
/// <c>GET /api/alerts?state=active|all[&amp;site=ID][&amp;limit=N]</c> (any signed-in user; a site user sees only its
/// site) and <c>POST /api/alerts/{id}/ack</c> (admin), then the maintenance windows (<see cref="MaintenanceEndpoints"/>).
/// </summary>
public static class AlertApiEndpoints
{
    public const int MaxCommentLength = 1000;

    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/alerts", ListAsync).RequireAuthorization(AuthPolicies.Reader)
            .WithName("ListAlerts").WithSummary("Alerts, newest first (active: pending and firing).")
            .Produces<AlertList>().ProducesErrors(400, 401, 403, 404);
        endpoints.MapPost("/api/alerts/{id:long}/ack", AcknowledgeAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithName("AcknowledgeAlert").WithSummary("Acknowledges an open alert: no more reminders.")
            .ReadsJson<AcknowledgeRequest>(optional: true).Produces<AlertView>().ProducesErrors(400, 401, 403, 404, 409);
        endpoints.MapMaintenanceEndpoints();
        return endpoints;
    }

    internal static AlertView View(AlertRecord alert) => new(
        alert.Id,
        alert.Rule,
        alert.State switch
        {
            AlertState.Pending => "pending",
            AlertState.Firing => "firing",
            _ => "resolved",
        },
        alert.Severity switch
        {
            NotificationSeverity.Info => "info",
            NotificationSeverity.Warning => "warning",
            _ => "critical",
        },
        alert.Site,
        alert.SiteName,
        alert.Device,
        alert.Interface,
        alert.StartedAt,
        alert.FiredAt,
        alert.ResolvedAt,
        alert.Acknowledged is { } ack ? new AcknowledgementView(ack.By, ack.At, ack.Comment) : null,
        alert.Suppressed,
        alert.SuppressedBy,
        alert.CauseAlertId,
        alert.Flapping,
        alert.InMaintenance,
        alert.Message,
        alert.MessageEn);

    /// <summary>
    /// The site a listing is limited to (null: all the user may see), or the error answer: 403 for another site than a
    /// site user's own, 404 for a site the collector does not know.
    /// </summary>
    internal static (string? Site, IResult? Problem) SiteFilter(HttpContext context, KnownSites sites, string? requested)
    {
        var own = context.User.RestrictedSite();
        if (string.IsNullOrEmpty(requested))
        {
            return (own, null);
        }

        if (!context.User.MaySeeSite(requested))
        {
            return (null, ApiJson.Forbidden("you may only see your own site"));
        }

        return sites.Contains(requested) ? (requested, null) : (null, ApiJson.NotFound($"no site '{AuthEndpoints.Printable(requested)}'"));
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, [FromServices] IAlertBook book, KnownSites sites, string? state, string? site, int? limit)
    {
        if (state is not (null or "active" or "all"))
        {
            return ApiJson.BadRequest("state must be active or all");
        }

        if (limit is < 1 or > AlertQuery.MaxLimit)
        {
            return ApiJson.BadRequest($"limit must be between 1 and {AlertQuery.MaxLimit}");
        }

        var (siteFilter, problem) = SiteFilter(context, sites, site);
        if (problem is not null)
        {
            return problem;
        }

        var query = new AlertQuery { ActiveOnly = state != "all", Site = siteFilter, Limit = limit ?? AlertQuery.DefaultLimit };
        var alerts = await book.ListAsync(query, context.RequestAborted);
        // The book filters by site already; this keeps a site user's answer right even if it did not.
        var visible = alerts.Where(a => context.User.MaySeeSite(a.Site)).Select(View).ToList();
        return ApiJson.Ok(new AlertList(visible), ApiJsonContext.Api.AlertList);
    }

    private static async Task<IResult> AcknowledgeAsync(long id, HttpContext context, [FromServices] IAlertBook book)
    {
        string? comment = null;
        if (context.Request.ContentLength is not 0 && context.Request.HasJsonContentType())
        {
            var (request, problem) = await ApiJson.ReadAsync(context.Request, ApiJsonContext.Api.AcknowledgeRequest, context.RequestAborted);
            if (problem is not null)
            {
                return problem;
            }

            comment = string.IsNullOrWhiteSpace(request!.Comment) ? null : request.Comment.Trim();
            if (comment?.Length > MaxCommentLength)
            {
                return ApiJson.BadRequest($"comment must be at most {MaxCommentLength} characters");
            }
        }

        var result = await book.AcknowledgeAsync(id, context.User.UserName(), comment, context.RequestAborted);
        return result.Outcome switch
        {
            AcknowledgeOutcome.Ok when result.Alert is not null => ApiJson.Ok(View(result.Alert), ApiJsonContext.Api.AlertView),
            AcknowledgeOutcome.AlreadyResolved => ApiJson.Conflict($"alert {id} is already resolved"),
            _ => ApiJson.NotFound($"no alert {id}"),
        };
    }
}
