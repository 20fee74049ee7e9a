using System.Text;
using Microsoft.AspNetCore.Http.Features;
using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.Api.Description;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// <c>GET /api/sites</c>, <c>GET /api/sites/{id}</c> and the live stream <c>GET /api/live</c> (docs/api.md "Sites",
/// "Live updates"). Any signed-in user; a site user sees only its own site (403 for another, 404 for an unknown one).
/// </summary>
public static class SiteEndpoints
{
    public const string EventStreamContentType = "text/event-stream";

    private static readonly byte[] Opening = Encoding.UTF8.GetBytes("retry: 3000\n: connected\n\n");

    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/sites", List)
            .RequireAuthorization(AuthPolicies.Reader)
            .WithName("ListSites")
            .Produces<SiteList>(StatusCodes.Status200OK)
            .ProducesErrors(401);
        endpoints.MapGet("/api/sites/{id}", Get)
            .RequireAuthorization(AuthPolicies.Reader)
            .WithName("GetSite")
            .Produces<SiteDetail>(StatusCodes.Status200OK)
            .ProducesErrors(401, 403, 404);
        endpoints.MapGet("/api/live", LiveAsync)
            .RequireAuthorization(AuthPolicies.Reader)
            .WithName("LiveUpdates")
            .Produces(StatusCodes.Status200OK, contentType: EventStreamContentType)
            .ProducesErrors(401);
        return endpoints;
    }

    private static IResult List(HttpContext context, SiteBoard board) =>
        ApiJson.Ok(board.List(context.User.RestrictedSite()), SiteJsonContext.Api.SiteList);

    private static IResult Get(string id, HttpContext context, SiteBoard board)
    {
        if (!context.User.MaySeeSite(id))
        {
            return ApiJson.Forbidden("you may only see your own site");
        }

        return board.Detail(id) is { } detail
            ? ApiJson.Ok(detail, SiteJsonContext.Api.SiteDetail)
            : ApiJson.NotFound($"no site '{AuthEndpoints.Printable(id)}'");
    }

    /// <summary>Server-sent events until the client goes or the collector stops.</summary>
    private static async Task LiveAsync(HttpContext context, SiteLiveHub hub, UserStore users, IHostApplicationLifetime lifetime)
    {
        var response = context.Response;
        response.ContentType = EventStreamContentType + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // Reverse proxies (nginx) would otherwise hold the events back in their buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var subscription = hub.Subscribe(context.User.RestrictedSite());
        // Rights are checked as the stream opens; a user disabled (or a token revoked, a password changed) later must not
        // keep watching, so the stream ends then and the browser's reconnect meets the login.
        using var session = users.WatchSession(context.User, () => CancelQuietly(stop));
        try
        {
            // Subscribed before the first byte: a client that has read this misses no later change.
            await response.Body.WriteAsync(Opening, stop.Token);
            await response.Body.FlushAsync(stop.Token);
            var frames = subscription.Frames;
            while (await frames.WaitToReadAsync(stop.Token))
            {
                while (frames.TryRead(out var frame))
                {
                    await response.Body.WriteAsync(frame, stop.Token);
                }

                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the collector is stopping.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream was ending anyway.
        }
    }
}
