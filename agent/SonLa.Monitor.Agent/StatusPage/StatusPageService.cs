using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.SelfCheck;

namespace SonLa.Monitor.Agent.StatusPage;

/// <summary>
/// Serves <see cref="StatusPageHtml"/> on <c>SelfCheck:StatusPage:Listen</c> (loopback only, plain HTTP: nothing leaves the
/// machine): <c>GET /</c> the page, <c>GET /selfcheck.json</c> the latest report as <c>selfcheck --json</c> prints it,
/// <c>POST /selfcheck</c> runs a fresh self-check and shows the page again. Works without the collector.
/// </summary>
public sealed class StatusPageService(AgentOptions options, SelfCheckService selfCheck, SelfCheckState state, TimeProvider time,
    ILogger<StatusPageService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SelfCheck.StatusPageListen.Length == 0 || !HostAndPort.TryParse(options.SelfCheck.StatusPageListen, 8089, out var listen))
        {
            return;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://{listen}/");
        listener.Start();
        AgentLog.StatusPageListening(logger, listen.ToString());
        using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            try
            {
                await ServeAsync(context, stoppingToken);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException)
            {
                // The browser went away, or shutdown.
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? "/";
        string body;
        string type;
        if (request.HttpMethod == "POST" && path == "/selfcheck")
        {
            await selfCheck.RunOnceAsync(cancellationToken);
            context.Response.StatusCode = (int)HttpStatusCode.SeeOther;
            context.Response.RedirectLocation = "/";
            return;
        }

        if (request.HttpMethod != "GET")
        {
            context.Response.StatusCode = (int)HttpStatusCode.MethodNotAllowed;
            return;
        }

        switch (path)
        {
            case "/":
                body = StatusPageHtml.Render(state.Latest, options.Site.Name ?? options.Site.Id, time.GetUtcNow());
                type = "text/html; charset=utf-8";
                break;
            case "/selfcheck.json" when state.Latest is { } report:
                body = SelfCheckJson.Format(report, SelfCheckLanguage.Vietnamese);
                type = "application/json; charset=utf-8";
                break;
            default:
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.Headers["Cache-Control"] = "no-store";
        await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
    }
}
