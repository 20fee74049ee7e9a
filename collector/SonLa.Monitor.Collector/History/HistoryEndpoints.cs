using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.History.Charts;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.History;

/// <summary>
/// <c>GET /api/sites/{id}/history</c>, <c>GET /api/sites/{id}/charts/{metric}.svg</c> and <c>GET /api/events</c> (any
/// signed-in user; a site user only its own site: 403 for another, 404 for a site the collector does not know).
/// InfluxDB unreadable: 503 with the reason in one line.
/// </summary>
public static class HistoryEndpoints
{
    /// <summary>Device names, interface indexes and kinds are short; a longer value is a mistake or an attack.</summary>
    public const int MaxValueLength = 200;

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/sites/{id}/history", HistoryAsync)
            .RequireAuthorization(AuthPolicies.Reader)
            .WithName("GetSiteHistory")
            .Produces<HistoryAnswer>(StatusCodes.Status200OK)
            .ProducesErrors(400, 401, 403, 404, 503);
        endpoints.MapGet("/api/sites/{id}/charts/{metric}.svg", ChartAsync)
            .RequireAuthorization(AuthPolicies.Reader)
            .WithName("GetSiteChart")
            .Produces(StatusCodes.Status200OK, contentType: SvgChart.ContentType)
            .ProducesErrors(400, 401, 403, 404, 503);
        endpoints.MapGet("/api/events", EventsAsync)
            .RequireAuthorization(AuthPolicies.Reader)
            .WithName("ListEvents")
            .Produces<EventList>(StatusCodes.Status200OK)
            .ProducesErrors(400, 401, 403, 404, 503);
        return endpoints;
    }

    private static async Task<IResult> HistoryAsync(
        string id, HttpContext context, [FromServices] HistoryReader reader, [FromServices] KnownSites sites,
        [FromServices] ILoggerFactory loggers, string? metric, string? range, string? device, [FromQuery(Name = "if_index")] string? ifIndex)
    {
        var (request, problem) = Request(context, sites, id, metric, range, device, ifIndex);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            return ApiJson.Ok(await reader.ReadAsync(request!, context.RequestAborted), HistoryJsonContext.Api.HistoryAnswer);
        }
        catch (InfluxQueryException ex)
        {
            return Unavailable(loggers, ex);
        }
    }

    private static async Task<IResult> ChartAsync(
        string id, string metric, HttpContext context, [FromServices] HistoryReader reader, [FromServices] KnownSites sites,
        [FromServices] ILoggerFactory loggers, string? range, string? device, [FromQuery(Name = "if_index")] string? ifIndex, string? lang)
    {
        var (request, problem) = Request(context, sites, id, metric, range, device, ifIndex);
        if (problem is not null)
        {
            return problem;
        }

        if (ChartLanguage.Find(lang) is not { } language)
        {
            return ApiJson.BadRequest("lang must be vi or en");
        }

        try
        {
            var answer = await reader.ReadAsync(request!, context.RequestAborted);
            var svg = SvgChart.Render(answer, request!, reader.SiteName(id), language);
            context.Response.Headers.CacheControl = "private, max-age=30";
            return Results.Text(svg, SvgChart.ContentType, System.Text.Encoding.UTF8);
        }
        catch (InfluxQueryException ex)
        {
            return Unavailable(loggers, ex);
        }
    }

    private static async Task<IResult> EventsAsync(
        HttpContext context, [FromServices] HistoryReader reader, [FromServices] KnownSites sites,
        [FromServices] ILoggerFactory loggers, string? site, string? since, string? kind, string? limit)
    {
        var (siteFilter, problem) = AlertApiEndpoints.SiteFilter(context, sites, site);
        if (problem is not null)
        {
            return problem;
        }

        var from = reader.Now - EventRequest.DefaultSpan;
        if (since is not null && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out from))
        {
            return ApiJson.BadRequest("since must be a time such as 2026-11-27T07:35:00Z");
        }

        var count = EventRequest.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count)
                || count is < 1 or > EventRequest.MaxLimit))
        {
            return ApiJson.BadRequest($"limit must be between 1 and {EventRequest.MaxLimit}");
        }

        if (kind is not null && (kind.Length == 0 || kind.Length > MaxValueLength || kind.Any(char.IsControl)))
        {
            return ApiJson.BadRequest($"kind must be 1 to {MaxValueLength} characters, without control characters");
        }

        try
        {
            var events = await reader.EventsAsync(new EventRequest(siteFilter, from, kind, count), context.RequestAborted);
            // The query is limited to the site already; this keeps a site user's answer right even if it were not.
            var visible = events.Events.Where(e => context.User.MaySeeSite(e.Site)).ToList();
            return ApiJson.Ok(new EventList(visible), HistoryJsonContext.Api.EventList);
        }
        catch (InfluxQueryException ex)
        {
            return Unavailable(loggers, ex);
        }
    }

    private static (HistoryRequest? Request, IResult? Problem) Request(
        HttpContext context, KnownSites sites, string id, string? metric, string? range, string? device, string? ifIndex)
    {
        if (!context.User.MaySeeSite(id))
        {
            return (null, ApiJson.Forbidden("you may only see your own site"));
        }

        if (!sites.Contains(id))
        {
            return (null, ApiJson.NotFound($"no site '{AuthEndpoints.Printable(id)}'"));
        }

        if (!HistoryMetric.IsKnown(metric))
        {
            return (null, ApiJson.BadRequest("metric must be traffic or latency"));
        }

        if (HistoryRange.Find(range) is not { } span)
        {
            return (null, ApiJson.BadRequest("range must be 1h, 24h or 7d"));
        }

        // Names never hold control characters, and an InfluxQL literal cannot carry every one of them (CR).
        if (device?.Length > MaxValueLength || ifIndex?.Length > MaxValueLength
            || (device ?? "").Any(char.IsControl) || (ifIndex ?? "").Any(char.IsControl))
        {
            return (null, ApiJson.BadRequest($"device and if_index must be at most {MaxValueLength} characters, without control characters"));
        }

        device = string.IsNullOrEmpty(device) ? null : device;
        ifIndex = string.IsNullOrEmpty(ifIndex) ? null : ifIndex;
        if (metric == HistoryMetric.Traffic && (device is null || ifIndex is null))
        {
            return (null, ApiJson.BadRequest("traffic needs device and if_index"));
        }

        return (new HistoryRequest(id, metric!, span, device, ifIndex), null);
    }

    private static IResult Unavailable(ILoggerFactory loggers, InfluxQueryException ex)
    {
        HistoryLog.QueryFailed(loggers.CreateLogger(typeof(HistoryEndpoints).FullName!), ex.Message);
        return ApiJson.Error(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", ex.Message);
    }
}
