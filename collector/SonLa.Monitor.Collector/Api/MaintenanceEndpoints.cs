using Microsoft.AspNetCore.Mvc;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Api;

/// <summary>
/// <c>GET /api/maintenance[?site=ID][&amp;ended=true]</c> (any signed-in user; a site user sees its site's windows),
/// <c>POST /api/maintenance</c> and <c>DELETE /api/maintenance/{id}</c> (admin).
/// </summary>
public static class MaintenanceEndpoints
{
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapMaintenanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/maintenance", ListAsync).RequireAuthorization(AuthPolicies.Reader)
            .WithName("ListMaintenance").WithSummary("Maintenance windows (current and future; ended=true adds ended ones).")
            .Produces<MaintenanceList>().ProducesErrors(401, 403, 404);
        endpoints.MapPost("/api/maintenance", AddAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithName("AddMaintenance").WithSummary("Adds a maintenance window: alerts are recorded but not notified.")
            .ReadsJson<NewMaintenanceRequest>().Produces<MaintenanceView>(StatusCodes.Status201Created)
            .ProducesErrors(400, 401, 403, 404);
        endpoints.MapDelete("/api/maintenance/{id:long}", async (long id, HttpContext context, [FromServices] IAlertBook book) =>
            await book.RemoveMaintenanceAsync(id, context.RequestAborted)
                ? Results.NoContent()
                : ApiJson.NotFound($"no maintenance window {id}"))
            .RequireAuthorization(AuthPolicies.Admin)
            .WithName("RemoveMaintenance").WithSummary("Removes a maintenance window.")
            .Produces(StatusCodes.Status204NoContent).ProducesErrors(401, 403, 404);
        return endpoints;
    }

    private static MaintenanceView View(MaintenanceWindow window) => new(
        window.Id, window.Site, window.Device, window.StartsAt, window.EndsAt, window.Reason, window.CreatedBy, window.CreatedAt);

    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] IAlertBook book, KnownSites sites, string? site, bool? ended)
    {
        var (siteFilter, problem) = AlertApiEndpoints.SiteFilter(context, sites, site);
        if (problem is not null)
        {
            return problem;
        }

        var windows = await book.ListMaintenanceAsync(ended ?? false, context.RequestAborted);
        var visible = windows
            .Where(w => (siteFilter is null || string.Equals(w.Site, siteFilter, StringComparison.Ordinal)) && context.User.MaySeeSite(w.Site))
            .Select(View)
            .ToList();
        return ApiJson.Ok(new MaintenanceList(visible), ApiJsonContext.Api.MaintenanceList);
    }

    private static async Task<IResult> AddAsync(HttpContext context, [FromServices] IAlertBook book, KnownSites sites)
    {
        var (request, problem) = await ApiJson.ReadAsync(context.Request, ApiJsonContext.Api.NewMaintenanceRequest, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var site = request!.Site?.Trim();
        var reason = request.Reason?.Trim();
        var problems = new List<string>();
        if (string.IsNullOrEmpty(site))
        {
            problems.Add("site is required");
        }
        else if (!sites.Contains(site))
        {
            problems.Add($"site '{AuthEndpoints.Printable(site)}' is not a configured site");
        }

        if (request.StartsAt is null)
        {
            problems.Add("starts_at is required (ISO 8601 with offset)");
        }

        if (request.EndsAt is null)
        {
            problems.Add("ends_at is required (ISO 8601 with offset)");
        }
        else if (request.StartsAt is not null && request.EndsAt <= request.StartsAt)
        {
            problems.Add("ends_at must be after starts_at");
        }

        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            problems.Add($"reason is required, at most {MaxReasonLength} characters");
        }

        if (problems.Count > 0)
        {
            return ApiJson.BadRequest(string.Join("; ", problems));
        }

        var result = await book.AddMaintenanceAsync(
            new MaintenanceRequest
            {
                Site = site!,
                Device = string.IsNullOrWhiteSpace(request.Device) ? null : request.Device.Trim(),
                StartsAt = request.StartsAt!.Value,
                EndsAt = request.EndsAt!.Value,
                Reason = reason!,
                CreatedBy = context.User.UserName(),
            },
            context.RequestAborted);
        return result.Window is { } window
            ? ApiJson.Created(View(window), ApiJsonContext.Api.MaintenanceView)
            : ApiJson.BadRequest(result.Error ?? "refused");
    }
}
